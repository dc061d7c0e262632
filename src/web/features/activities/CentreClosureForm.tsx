/**
 * On the activities page, for those who run activities: close the whole centre (every active activity of the
 * municipality, or of one unit) for a period, such as a summer break or Christmas. Each activity gets the closed
 * period and plans no session in it; activities created later do not inherit it.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { activitiesApi } from '../../api/activityEndpoints.js';
import { staffApi } from '../../api/endpoints.js';
import { messageOf, useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { unitKeys } from '../admin/units-api.js';

/** The form; `onDone(closed)` closes it with the number of activities closed, or null when cancelled. */
export function CentreClosureForm({ onDone }: { onDone: (closed: number | null) => void }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const queryClient = useQueryClient();
  const units = useQuery({ queryKey: unitKeys.all, queryFn: () => staffApi.units() });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [unitId, setUnitId] = useState('');
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempts, setAttempts] = useState(0);
  const save = useMutation({
    mutationFn: activitiesApi.closeCentre,
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['activities'] }),
        queryClient.invalidateQueries({ queryKey: ['persons'] }),
      ]);
      onDone(result.activities);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const checks: FieldMessages = {};
    if (!from) checks.from = { key: 'fieldErrors.required' };
    if (!to) checks.to = { key: 'fieldErrors.required' };
    setLocal(checks);
    save.reset();
    if (Object.keys(checks).length) return;
    save.mutate({ from, to, reason: reason.trim() || null, unitId: unitId || null });
  }

  const apiError = save.error ? messageOf(save.error) : null;
  const fields = messages.fields(local, apiError);
  const summary = Object.entries(fields).map(([field, message]) => ({
    fieldId: `centre-closure-${field}`,
    label: t(`activities.centreClosure.fields.${field}`, { defaultValue: field }),
    message,
  }));
  return (
    <form onSubmit={submit} noValidate aria-label={t('activities.centreClosure.title')}>
      <h2>{t('activities.centreClosure.title')}</h2>
      <p>{t('activities.centreClosure.intro')}</p>
      <ErrorSummary
        items={summary}
        message={apiError && summary.length === 0 ? messages.text(apiError) : undefined}
        focusKey={attempts}
      />
      <TextField
        id="centre-closure-from"
        type="date"
        label={t('activities.centreClosure.fields.from')}
        value={from}
        onChange={setFrom}
        error={fields.from}
        required
      />
      <TextField
        id="centre-closure-to"
        type="date"
        label={t('activities.centreClosure.fields.to')}
        value={to}
        onChange={setTo}
        error={fields.to}
        required
      />
      <TextField
        id="centre-closure-reason"
        label={t('activities.centreClosure.fields.reason')}
        value={reason}
        onChange={setReason}
        error={fields.reason}
      />
      <SelectField
        id="centre-closure-unitId"
        label={t('activities.centreClosure.fields.unitId')}
        value={unitId}
        onChange={setUnitId}
        empty={t('activities.centreClosure.allUnits')}
        options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        error={fields.unitId}
      />
      <FormActions submit={t('activities.centreClosure.save')} busy={save.isPending} onCancel={() => onDone(null)} />
    </form>
  );
}
