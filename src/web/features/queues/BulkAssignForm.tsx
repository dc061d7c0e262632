/**
 * Coordinators assign the selected persons of a queue to one contact person, from a bar that stays in
 * view at the bottom of the window.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { staffApi } from '../../api/endpoints.js';
import { queuesApi } from '../../api/outreachEndpoints.js';
import { personKeys, queueKeys, staffKeys } from '../../api/queryKeys.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from '../contact/useFieldErrors.js';

/** `onAssigned`: told once the chosen persons are assigned, before the queue is listed again. */
type Props = { selected: string[]; onAssigned: () => void };

/** The bulk-assign bar under the queue table: how many are chosen, the contact person and the button. */
export function BulkAssignForm({ selected, onAssigned }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const staff = useQuery({
    queryKey: staffKeys.contactPersons,
    queryFn: () => staffApi.list({ active: 'true', contactPerson: 'true' }),
  });
  const [contactPersonId, setContactPersonId] = useState('');
  const [local, setLocal] = useState<'noneSelected' | 'noContact' | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const { busy, error, run } = useAction();
  const problem = apiErrorOf(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (selected.length === 0) return setLocal('noneSelected');
    if (!contactPersonId) return setLocal('noContact');
    setLocal(null);
    if (await run(async () => setDone((await queuesApi.bulkAssign(selected, contactPersonId)).assigned))) {
      onAssigned();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queueKeys.all }),
        queryClient.invalidateQueries({ queryKey: personKeys.all }),
      ]);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="bulk-bar" aria-labelledby="bulk-bar-title">
      <h2 id="bulk-bar-title" className="bulk-bar__title">
        {t('queues.bulk.legend')}
        <span className="bulk-bar__count">{t('queueBulk.selected', { count: selected.length })}</span>
      </h2>
      <div aria-live="polite">
        {done !== null ? <Alert tone="success">{t('queues.bulk.done', { count: done })}</Alert> : null}
        {local === 'noneSelected' ? <Alert tone="error">{t('queues.bulk.noneSelected')}</Alert> : null}
      </div>
      <ProblemAlert error={problem} />
      <div className="bulk-bar__row">
        <FormField
          id="bulk-contact-person"
          label={t('queues.bulk.contactPerson')}
          error={local === 'noContact' ? t('queues.bulk.noContact') : undefined}
        >
          {(control) => (
            <select {...control} value={contactPersonId} onChange={(e) => setContactPersonId(e.target.value)}>
              <option value="">{t('queues.bulk.choose')}</option>
              {(staff.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {t('case.staffOption', { name: s.name, role: t(`roles.${s.role}`) })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" className="button" disabled={busy}>
          {t('queues.bulk.submit')}
        </button>
      </div>
    </form>
  );
}
