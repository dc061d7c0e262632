/** Write a journal note, or a correction of an earlier note (the original stays, marked as corrected). */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { personsApi } from '../../api/endpoints.js';
import { newIdempotencyKey } from '../../api/outreachEndpoints.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { personKeys } from '../../api/queryKeys.js';
import { looksSensitive, type ConsentCategory } from '../../../core/consent.js';
import { Alert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField } from '../../components/FormField.js';
import { NoteCategoryField, noteCategoryChoices } from '../consent/NoteCategoryField.js';

type Props = {
  personId: string;
  /** The categories the writer may record into (from the person's access); a new note offers them. */
  categories?: ConsentCategory[];
  /** Called once the note is saved and the timeline asked for again. */
  onSaved?: () => void;
  /** When set, the form writes a correction of this note, starting from its text. */
  corrects?: { id: string; text: string };
  onCancel?: () => void;
};

const MAX_LENGTH = 10000;

/** The note form. */
export function NoteForm({ personId, categories = [], onSaved, corrects, onCancel }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const id = useId();
  const queryClient = useQueryClient();
  const [text, setText] = useState(corrects?.text ?? '');
  const [error, setError] = useState<Message | null>(null);
  const [saved, setSaved] = useState<'plain' | 'sensitive' | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per note: a retry after a lost answer or a double submit records the note once.
  const key = useRef(newIdempotencyKey());
  const choices = noteCategoryChoices(categories);
  const [category, setCategory] = useState<ConsentCategory | ''>(choices[0] ?? '');
  const [shared, setShared] = useState(false);
  // Only an uncategorised note is part of the KAA documentation that may not hold sensitive data.
  const warn = !corrects && category === '' && looksSensitive(text);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    if (!text.trim()) {
      setError({ key: 'journal.empty' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await personsApi.addNote(
        personId,
        key.current,
        text.trim(),
        corrects?.id,
        category || undefined,
        shared || undefined,
      );
      key.current = newIdempotencyKey();
      setText('');
      setCategory(choices[0] ?? '');
      setShared(false);
      setSaved(result.possiblySensitive ? 'sensitive' : 'plain');
      await queryClient.invalidateQueries({ queryKey: personKeys.events(personId) });
      onSaved?.();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const fieldId = `note-${id.replace(/:/g, '')}`;
  return (
    <form onSubmit={submit} className={corrects ? 'note-form note-form--correction' : 'note-form'} noValidate>
      {saved === 'plain' && !corrects ? <Alert tone="success">{t('journal.saved')}</Alert> : null}
      {saved === 'sensitive' && !corrects ? <Alert tone="warning">{t('consentEvents.sensitiveSaved')}</Alert> : null}
      <FormField
        id={fieldId}
        label={corrects ? t('journal.correctionLabel') : t('journal.newNote')}
        hint={corrects ? t('journal.correctionHint') : t('journal.noteHint')}
        error={messages.text(error)}
        announce
      >
        {(control) => (
          <textarea
            {...control}
            rows={corrects ? 4 : 5}
            maxLength={MAX_LENGTH}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      {warn ? (
        <p className="notice notice--warning" role="status">
          {t('consentEvents.sensitiveWarning')}
        </p>
      ) : null}
      {!corrects && (choices.length > 1 || choices[0] !== '') ? (
        <NoteCategoryField id={`${fieldId}-category`} categories={categories} value={category} onChange={setCategory} />
      ) : null}
      {!corrects ? (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />{' '}
            {t('journal.shareWithYoungPerson')}
          </label>
        </div>
      ) : null}
      <FormActions
        submit={corrects ? t('journal.saveCorrection') : t('journal.save')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
