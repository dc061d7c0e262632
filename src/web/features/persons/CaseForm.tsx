/**
 * Change a case's status and (coordinators) its contact person. Sends the version it read; when
 * someone else changed the case meanwhile the user is asked to reload.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, PersonDetail } from '../../../core/schemas.js';
import { ApiError } from '../../api/client.js';
import { casesApi, staffApi } from '../../api/endpoints.js';
import { staffKeys } from '../../api/queryKeys.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { CASE_STATUSES } from '../../../core/cases.js';
import { FormField } from '../../components/FormField.js';
import { TeamSelect } from '../consent/TeamSelect.js';
import { usePersonChanged } from './usePersonChanged.js';

type Case = NonNullable<PersonDetail['case']>;
type Props = { kase: Case; canAssign: boolean; personId: string };

/** The case form. */
export function CaseForm({ kase, canAssign, personId }: Props) {
  const { t } = useTranslation();
  const staff = useQuery({
    queryKey: staffKeys.contactPersons,
    queryFn: () => staffApi.list({ active: 'true', contactPerson: 'true' }),
    enabled: canAssign,
  });
  const personChanged = usePersonChanged();
  const onChanged = () => personChanged(personId);
  const [status, setStatus] = useState<CaseStatus>(kase.status);
  const [contactPersonId, setContactPersonId] = useState(kase.contactPerson?.id ?? '');
  const [teamId, setTeamId] = useState(kase.team?.id ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'unchanged' | null>(null);

  // A reloaded case (new version) resets the form to what is stored now.
  useEffect(() => {
    setStatus(kase.status);
    setContactPersonId(kase.contactPerson?.id ?? '');
    setTeamId(kase.team?.id ?? '');
  }, [kase.version, kase.status, kase.contactPerson?.id, kase.team?.id]);

  const contactChanged = canAssign && contactPersonId !== (kase.contactPerson?.id ?? '');
  const statusChanged = status !== kase.status;
  const teamChanged = canAssign && teamId !== (kase.team?.id ?? '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!contactChanged && !statusChanged && !teamChanged) {
      setNotice('unchanged');
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      await casesApi.update(kase.id, {
        version: kase.version,
        ...(statusChanged && { status }),
        ...(contactChanged && { contactPersonId: contactPersonId || null }),
        ...(teamChanged && { teamId: teamId || null }),
      });
      setNotice('saved');
      await onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal_error', ''));
    } finally {
      setBusy(false);
    }
  }

  const staffOptions = staff.data ?? [];
  const currentMissing = kase.contactPerson && !staffOptions.some((s) => s.id === kase.contactPerson!.id);
  return (
    <form onSubmit={submit} className="case-form" noValidate aria-labelledby="case-form-title">
      <h3 id="case-form-title">{t('case.change')}</h3>
      {notice === 'saved' ? <Alert tone="success">{t('case.saved')}</Alert> : null}
      {notice === 'unchanged' ? <Alert tone="info">{t('case.unchanged')}</Alert> : null}
      <ProblemAlert error={error}>
        {error?.code === 'version_conflict' ? (
          <button type="button" className="button button--secondary" onClick={() => void onChanged()}>
            {t('common.reload')}
          </button>
        ) : null}
      </ProblemAlert>
      <FormField id="case-status" label={t('case.status')}>
        {(control) => (
          <select {...control} value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
            {CASE_STATUSES.filter((s) => s !== 'closed').map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {canAssign ? (
        <FormField id="case-contact-person" label={t('case.contactPerson')} hint={t('case.contactPersonHint')}>
          {(control) => (
            <select
              {...control}
              value={contactPersonId}
              onChange={(e) => setContactPersonId(e.target.value)}
              disabled={staff.isLoading}
            >
              <option value="">{t('case.noContactPersonOption')}</option>
              {currentMissing ? (
                <option value={kase.contactPerson!.id}>
                  {kase.contactPersonHasAccess
                    ? kase.contactPerson!.name
                    : t('case.contactPersonWithoutAccessOption', { name: kase.contactPerson!.name })}
                </option>
              ) : null}
              {staffOptions.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('case.staffOption', { name: s.name, role: t(`roles.${s.role}`) })}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      {canAssign ? <TeamSelect id="case-team" value={teamId} onChange={setTeamId} /> : null}
      <button type="submit" className="button" disabled={busy}>
        {t('case.save')}
      </button>
    </form>
  );
}
