/**
 * /admin/units: administrators add units and agencies, rename them, mark the KAA's own and
 * deactivate those no longer in use. A deactivated unit stays listed here, marked, so it can be
 * reactivated; everywhere else it is no longer offered as a choice.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../core/schemas.js';
import { ApiError } from '../../api/client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { unitKeys, unitsApi } from './units-api.js';
import { UnitCreateForm } from './UnitCreateForm.js';
import { UnitEditForm } from './UnitEditForm.js';

/** The unit administration page. */
export function UnitsPage() {
  const { t } = useTranslation();
  const units = useQuery({ queryKey: unitKeys.withInactive, queryFn: unitsApi.listAll });
  const [editing, setEditing] = useState<Unit | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeading title={t('units.title')} />
      <p className="lead">{t('units.intro')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ProblemAlert error={units.error instanceof ApiError ? units.error : null} />
      {editing ? (
        <UnitEditForm
          key={editing.id}
          unit={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('units.saved', { name: saved.name }));
          }}
        />
      ) : null}
      <section className="panel" aria-labelledby="units-list-title">
        <h2 id="units-list-title">{t('units.listTitle')}</h2>
        {units.data ? (
          <UnitsTable
            units={units.data}
            onEdit={(u) => {
              setNotice(null);
              setEditing(u);
            }}
          />
        ) : units.isPending ? (
          <Loading />
        ) : null}
      </section>
      <UnitCreateForm onAdded={(unit) => setNotice(t('units.created', { name: unit.name }))} />
    </>
  );
}

function UnitsTable({ units, onEdit }: { units: Unit[]; onEdit: (unit: Unit) => void }) {
  const { t } = useTranslation();
  if (units.length === 0) return <p>{t('units.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('units.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('units.fields.name')}</th>
            <th scope="col">{t('units.fields.kind')}</th>
            <th scope="col">{t('units.fields.kaaColumn')}</th>
            <th scope="col">{t('units.fields.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('units.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id} className={u.active ? undefined : 'row--inactive'}>
              <th scope="row">{u.name}</th>
              <td>{t(`units.kinds.${u.kind}`)}</td>
              <td>{u.kaa ? t('units.yes') : t('units.no')}</td>
              <td>
                <span className={u.active ? 'badge badge--active' : 'badge badge--closed'}>
                  {u.active ? t('units.active') : t('units.inactive')}
                </span>
              </td>
              <td>
                <button type="button" className="button button--secondary button--small" onClick={() => onEdit(u)}>
                  {t('units.edit')}
                  <span className="visually-hidden"> {u.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
