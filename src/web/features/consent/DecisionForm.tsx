/** Move one application on: put it on the team meeting's agenda, or record the decision with a note. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../core/consent-schemas.js';
import { applicationsApi } from '../../api/consentEndpoints.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { FormField } from '../../components/FormField.js';
import { APPLICATION_STATUS_LIST } from './lists.js';

/** The decision form of one application row. */
export function DecisionForm({ application, onSaved }: { application: Application; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [status, setStatus] = useState<Application['status']>(application.status === 'received' ? 'on_agenda' : 'accepted');
  const [note, setNote] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `decision-${application.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await applicationsApi.update(application.id, { status, decisionNote: note.trim() || null, version: application.version });
      await onSaved();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="decision-form" noValidate aria-label={t('applications.decision')}>
      <FormField id={`${id}-status`} label={t('applications.setStatus')} error={messages.text(error)} announce>
        {(control) => (
          <select {...control} value={status} onChange={(e) => setStatus(e.target.value as Application['status'])}>
            {APPLICATION_STATUS_LIST.filter((s) => s !== 'received' && s !== application.status).map((s) => (
              <option key={s} value={s}>
                {t(`applications.status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${id}-note`} label={t('applications.decisionNote')}>
        {(control) => <input {...control} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <button type="submit" className="button button--small" disabled={busy}>
        {t('applications.update')}
      </button>
    </form>
  );
}
