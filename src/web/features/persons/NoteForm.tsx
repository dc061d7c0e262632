/** Write a journal note, or a correction of an earlier note (the original stays, marked as corrected). */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { personsApi } from '../../api/endpoints.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { Alert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';

type Props = {
  personId: string;
  onSaved: () => Promise<void>;
  /** When set, the form writes a correction of this note, starting from its text. */
  corrects?: { id: string; text: string };
  onCancel?: () => void;
};

const MAX_LENGTH = 10000;

/** The note form. */
export function NoteForm({ personId, onSaved, corrects, onCancel }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const id = useId();
  const [text, setText] = useState(corrects?.text ?? '');
  const [error, setError] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!text.trim()) {
      setError({ key: 'journal.empty' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await personsApi.addNote(personId, text.trim(), corrects?.id);
      setText('');
      setSaved(true);
      await onSaved();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const fieldId = `note-${id.replace(/:/g, '')}`;
  return (
    <form onSubmit={submit} className={corrects ? 'note-form note-form--correction' : 'note-form'} noValidate>
      {saved && !corrects ? <Alert tone="success">{t('journal.saved')}</Alert> : null}
      <FormField id={fieldId} label={corrects ? t('journal.correctionLabel') : t('journal.newNote')} hint={corrects ? t('journal.correctionHint') : t('journal.noteHint')} error={messages.text(error)} announce>
        {(control) => <textarea {...control} rows={corrects ? 4 : 5} maxLength={MAX_LENGTH} value={text} onChange={(e) => setText(e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {corrects ? t('journal.saveCorrection') : t('journal.save')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
