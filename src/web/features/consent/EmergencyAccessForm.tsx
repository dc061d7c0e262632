/** Break the glass: a stated reason opens everything about one person for the municipality's emergency-access hours. */
import { useState, type FormEvent } from 'react';
import { emergencyReasonLongEnough, EMERGENCY_REASON_MIN_LENGTH } from '../../../core/emergency.js';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { emergencyApi, type EmergencyAnswer } from '../../api/consentEndpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { Alert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField, TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';

type Props = {
  /** The person, when known; otherwise the form asks for the identity number. */
  personId?: string;
  onOpened: (personId: string) => Promise<void> | void;
};

/** The emergency-access form. */
export function EmergencyAccessForm({ personId, onOpened }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [pnr, setPnr] = useState('');
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(false);
    if (!reason.trim()) {
      action.setError({ key: 'emergency.reasonRequired' });
      return;
    }
    if (!emergencyReasonLongEnough(reason)) {
      action.setError({ key: 'emergency.reasonTooShort', params: { min: EMERGENCY_REASON_MIN_LENGTH } });
      return;
    }
    const box: { answer?: EmergencyAnswer } = {};
    const ok = await action.run(async () => {
      box.answer = personId
        ? await emergencyApi.open(personId, reason.trim())
        : await emergencyApi.openByNumber(pnr.trim(), reason.trim());
    });
    if (!ok || !box.answer) return;
    // Past the day's limit the access waits for a coordinator's approval.
    if ('status' in box.answer) setPending(true);
    else await onOpened(box.answer.personId);
  }

  const { error } = action;
  const fields = messages.fields({}, error);
  const local = error && !(error instanceof ApiError) ? messages.text(error) : undefined;
  const general =
    error instanceof ApiError && !fields.reason && !fields.personalIdentityNumber ? messages.text(error) : undefined;
  return (
    <form onSubmit={submit} className="emergency-form" noValidate aria-labelledby="emergency-form-title">
      <h3 id="emergency-form-title">{t('emergency.title')}</h3>
      {personId ? <p>{t('emergency.introShort')}</p> : null}
      {pending ? <Alert tone="info">{t('emergency.pending')}</Alert> : null}
      {general ? (
        <p className="field__error" role="alert">
          {general}
        </p>
      ) : null}
      {personId ? null : (
        <TextField
          id="emergency-pnr"
          label={t('emergency.pnr')}
          hint={t('emergency.pnrHint')}
          value={pnr}
          onChange={setPnr}
          inputMode="numeric"
          autoComplete="off"
          error={fields.personalIdentityNumber}
          required
        />
      )}
      <FormField
        id="emergency-reason"
        label={t('emergency.reason')}
        hint={t('emergency.reasonHint')}
        error={local ?? fields.reason}
        required
        announce
      >
        {(control) => (
          <textarea {...control} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </FormField>
      <FormActions submit={t('emergency.open')} busy={action.busy} danger />
    </form>
  );
}
