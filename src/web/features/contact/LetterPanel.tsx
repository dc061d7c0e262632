/** Print this person's letter as a PDF, optionally recording it as sent; protected identities are explained. */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lettersApi, newIdempotencyKey } from '../../api/outreachEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from './useFieldErrors.js';
import { useOutreachChanged } from './useOutreachChanged.js';
import { todayIso } from '../../i18n/format.js';
import { downloadBlob } from '../letters/download.js';

type Kind = 'letter' | 'second_letter' | 'home_visit_notice';

/** The letter panel of the next-step view. */
export function LetterPanel({
  personId,
  protectedIdentity,
  suggested,
}: {
  personId: string;
  protectedIdentity: boolean;
  suggested: Kind;
}) {
  const { t, i18n } = useTranslation();
  const outreachChanged = useOutreachChanged();
  const [kind, setKind] = useState<Kind>(suggested);
  const [record, setRecord] = useState(true);
  const [done, setDone] = useState(false);
  const { error, run } = useAction();
  const problem = apiErrorOf(error);
  const key = useRef(newIdempotencyKey());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const print = () =>
      lettersApi.print(
        { personIds: [personId], kind, language: i18n.language === 'en' ? 'en' : 'sv', recordAttempts: record },
        key.current,
      );
    if (!(await run(async () => downloadBlob((await print()).blob, `brev-${todayIso()}.pdf`)))) return;
    key.current = newIdempotencyKey();
    setDone(true);
    await outreachChanged(personId);
  }

  return (
    <section className="panel" aria-labelledby="letter-title">
      <h2 id="letter-title">{t('contact.letter.title')}</h2>
      {protectedIdentity ? <p className="notice notice--protected">{t('contact.letter.forward')}</p> : null}
      {done ? <Alert tone="success">{t('contact.letter.done')}</Alert> : null}
      <ProblemAlert error={problem} />
      <form onSubmit={submit} noValidate>
        <FormField id="letter-kind" label={t('contact.letter.kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {(['letter', 'second_letter', 'home_visit_notice'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`letters.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="field checkbox">
          <input id="letter-record" type="checkbox" checked={record} onChange={(e) => setRecord(e.target.checked)} />
          <label htmlFor="letter-record">{t('contact.letter.record')}</label>
        </div>
        <button type="submit" className="button button--secondary">
          {t('contact.letter.submit')}
        </button>
      </form>
    </section>
  );
}
