/**
 * What a reconciliation would do (preview) or did (applied): counts, then who enters, who leaves, whose details change,
 * and why.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileResult } from '../../api/registerEndpoints.js';
import { Alert } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';
import { PersonNumberTable } from './PersonNumberTable.js';

type Props = { result: ReconcileResult; applied: boolean };

/** The result section; its heading names the date and whether it is a preview. */
export function ReconcileResultView({ result, applied }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  // The result replaces a progress bar the user was waiting on: take them to it.
  useEffect(() => heading.current?.focus(), [result]);
  const date = format.date(result.asOf);
  const mode = applied ? 'applied' : 'preview';
  const counts = [
    { key: 'entered', value: result.entered.length },
    { key: 'left', value: result.left.length },
    { key: 'changed', value: result.changed.length },
    { key: 'inRegister', value: result.inRegister },
  ];
  // Everyone by name; a protected identity is marked, as on the person list (its address is never shown here).
  const name = (p: { name?: string; protectedIdentity?: boolean }) => (
    <>
      {p.name ?? ''}
      {p.protectedIdentity ? <span className="badge badge--protected">{t('reconcile.guard.protected')}</span> : null}
    </>
  );
  const columns = (last: string) => [t('reconcile.columns.name'), t(last)];
  const lists = [
    {
      key: 'entered',
      columns: columns('reconcile.columns.reason'),
      rows: result.entered.map((e) => ({
        personalIdentityNumber: e.personalIdentityNumber,
        cells: [name(e), t(`register.entry.${e.reason}`, { defaultValue: e.reason })],
      })),
    },
    {
      key: 'left',
      columns: columns('reconcile.columns.reason'),
      rows: result.left.map((e) => ({
        personalIdentityNumber: e.personalIdentityNumber,
        cells: [name(e), t(`register.leave.${e.reason}`, { defaultValue: e.reason })],
      })),
    },
    {
      key: 'changed',
      columns: columns('reconcile.columns.fields'),
      rows: result.changed.map((c) => ({
        personalIdentityNumber: c.personalIdentityNumber,
        cells: [name(c), c.fields.map((f) => t(`reconcile.fields.${f}`, { defaultValue: f })).join(', ')],
      })),
    },
  ];
  return (
    <section className={applied ? 'panel' : 'panel panel--highlight'} aria-labelledby="reconcile-result-title">
      <h2 id="reconcile-result-title" tabIndex={-1} ref={heading}>
        {t(`reconcile.${mode}.title`, { date })}
      </h2>
      {applied ? <Alert tone="success">{t('reconcile.applied.text')}</Alert> : <p>{t('reconcile.preview.text')}</p>}
      <ul className="figure-cards">
        {counts.map((c) => (
          <li key={c.key} className="figure-card">
            <span className="figure-card__value">{format.number(c.value)}</span>
            <span className="figure-card__label">{t(`reconcile.counts.${mode}.${c.key}`)}</span>
          </li>
        ))}
      </ul>
      {lists.map((list) => {
        const title = t(`reconcile.lists.${mode}.${list.key}`);
        return (
          <div key={list.key} className="reconcile-list">
            <h3>{t('reconcile.lists.heading', { title, formatted: format.number(list.rows.length) })}</h3>
            {list.rows.length === 0 ? (
              <p className="muted">{t('reconcile.lists.none')}</p>
            ) : (
              <PersonNumberTable
                caption={title}
                columns={list.columns}
                rows={list.rows}
                linkToPerson={applied}
                pagingLabel={t('reconcile.lists.paging', { title })}
              />
            )}
          </div>
        );
      })}
    </section>
  );
}
