/**
 * /admin/staff: administrators list, create and edit staff accounts and ask for new one-time codes,
 * which another administrator or a coordinator issues (SignInCodesPanel), never the one who asked.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../core/schemas.js';
import { staffApi } from '../../api/endpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { problemOf } from '../../api/query-client.js';
import { useSession } from '../auth/session.js';
import { StaffCreateForm } from './StaffCreateForm.js';
import { StaffEditForm } from './StaffEditForm.js';
import { StaffTable } from './StaffTable.js';

/** The staff administration page. */
export function StaffPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const staff = useQuery({ queryKey: ['staff', 'all'], queryFn: () => staffApi.list() });
  const units = useQuery({ queryKey: ['units'], queryFn: () => staffApi.units() });
  // Every staff listing (contact-person pickers too) shows the change.
  const staffChanged = () => queryClient.invalidateQueries({ queryKey: ['staff'] });
  const [editing, setEditing] = useState<Staff | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeading title={t('staff.title')} />
      <p className="lead">{t('staff.intro')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ProblemAlert error={problemOf(staff.error ?? units.error)} />
      {editing && units.data ? (
        <StaffEditForm
          key={editing.id}
          staff={editing}
          isSelf={editing.id === me?.id}
          units={units.data}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await staffChanged();
          }}
          onPasswordReset={() => {
            setNotice(t('signInCodes.resetRequested', { name: editing.name }));
            void staffChanged();
          }}
        />
      ) : null}
      <section className="panel" aria-labelledby="staff-list-title">
        <h2 id="staff-list-title">{t('staff.listTitle')}</h2>
        {staff.data ? (
          <StaffTable
            staff={staff.data}
            onEdit={(s) => {
              setNotice(null);
              setEditing(s);
            }}
          />
        ) : (
          <Loading />
        )}
      </section>
      {units.data ? (
        <StaffCreateForm
          units={units.data}
          onCreated={async (created) => {
            setNotice(t('signInCodes.createdFor', { name: created.name, email: created.email }));
            await staffChanged();
          }}
        />
      ) : null}
    </>
  );
}
