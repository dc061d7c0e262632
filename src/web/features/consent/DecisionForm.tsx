/** Move one application on: put it on the team meeting's agenda, or record the decision with a note. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../core/consent-schemas.js';
import { applicationsApi } from '../../api/consentEndpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { useAction } from '../../hooks/useAction.js';
import { APPLICATION_STATUS_LIST } from './lists.js';

/** The decision form of one application row. */
export function DecisionForm({ application, onSaved }: { application: Application; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const [status, setStatus] = useState<Application['status']>(
    application.status === 'received' ? 'on_agenda' : 'accepted',
  );
  const [note, setNote] = useState('');
  const id = `decision-${application.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (
      await action.run(() =>
        applicationsApi.update(application.id, {
          status,
          decisionNote: note.trim() || null,
          version: application.version,
        }),
      )
    )
      await onSaved();
  }

  const choices = APPLICATION_STATUS_LIST.filter((s) => s !== 'received' && s !== application.status);
  return (
    <form onSubmit={submit} className="decision-form" noValidate aria-label={t('applications.decision')}>
      <SelectField
        id={`${id}-status`}
        label={t('applications.setStatus')}
        value={status}
        onChange={setStatus}
        options={choices.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))}
        error={messages.text(action.error)}
        announce
      />
      <TextField id={`${id}-note`} label={t('applications.decisionNote')} value={note} onChange={setNote} />
      <button type="submit" className="button button--small" disabled={action.busy}>
        {t('applications.update')}
      </button>
    </form>
  );
}
