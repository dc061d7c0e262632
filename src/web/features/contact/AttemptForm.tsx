/**
 * "Registrera kontakt": record a contact attempt or a check step: channel, outcome (only those that
 * fit the channel, none chosen in advance: saving without one is refused), when, and, only after a
 * conversation, the occupation at contact and what was agreed. Each submit carries a new
 * Idempotency-Key, kept across retries of the same submit, so a double click records one attempt.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isConversation,
  OCCUPATION_CODE_LIST,
  outcomesFor,
  type AttemptChannel,
  type AttemptOutcome,
  type Occupation,
} from '../../../core/outreach.js';
import type { Outreach } from '../../../core/outreach-schemas.js';
import { contactApi, newIdempotencyKey } from '../../api/outreachEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf, useFieldErrors } from './useFieldErrors.js';
import { ChannelSelect } from './ChannelSelect.js';
import { useOutreachChanged } from './useOutreachChanged.js';
import { FormActions } from '../../components/FormActions.js';

type Props = { personId: string; suggested: AttemptChannel | null };

/** The current local time as the value of a datetime-local input. */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** The attempt form. */
export function AttemptForm({ personId, suggested }: Props) {
  const { t } = useTranslation();
  const outreachChanged = useOutreachChanged();
  const [channel, setChannel] = useState<AttemptChannel>(suggested ?? 'phone');
  const [outcome, setOutcome] = useState<AttemptOutcome | ''>('');
  const [at, setAt] = useState(nowLocal);
  const [occupation, setOccupation] = useState<Occupation>('unknown');
  const [agreed, setAgreed] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const problem = apiErrorOf(error);
  const fieldErrors = useFieldErrors(problem);
  const [local, setLocal] = useState<{ at?: boolean; outcome?: boolean }>({});
  const [result, setResult] = useState<Outreach['nextStep'] | undefined>(undefined);
  const key = useRef(newIdempotencyKey());
  const conversation = outcome !== '' && isConversation(outcome);

  const chooseChannel = (c: AttemptChannel) => {
    setChannel(c);
    if (outcome && !outcomesFor(c).includes(outcome)) setOutcome('');
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(undefined);
    const missing = { at: !at, outcome: !outcome };
    setLocal(missing);
    if (missing.at || !outcome) return;
    const body = {
      channel,
      outcome,
      at: new Date(at).toISOString(),
      ...(conversation && { occupation, agreed: agreed.trim() || undefined }),
      note: note.trim() || undefined,
    };
    const ok = await run(async () => setResult((await contactApi.record(personId, body, key.current)).nextStep));
    if (!ok) return;
    key.current = newIdempotencyKey();
    setOutcome('');
    setAgreed('');
    setNote('');
    await outreachChanged(personId);
  }

  const outcomeError = local.outcome ? t('contact.attempt.outcomeRequired') : fieldErrors.outcome;
  return (
    <section className="panel" aria-labelledby="attempt-title">
      <h2 id="attempt-title">{t('contact.attempt.title')}</h2>
      {result !== undefined ? (
        <Alert tone="success">
          {result
            ? t('contact.attempt.saved', { step: t(`contact.channels.${result.channel}`) })
            : t('contact.attempt.savedDone')}
        </Alert>
      ) : null}
      <ProblemAlert error={problem} />
      <form onSubmit={submit} noValidate>
        <p className="muted small">{t('contact.attempt.outcomeHint')}</p>
        <div className="field-row">
          <ChannelSelect
            id="attempt-channel"
            label={t('contact.attempt.channel')}
            value={channel}
            onChange={chooseChannel}
          />
          <FormField id="attempt-outcome" label={t('contact.attempt.outcome')} error={outcomeError} required announce>
            {(control) => (
              <select {...control} value={outcome} onChange={(e) => setOutcome(e.target.value as AttemptOutcome | '')}>
                <option value="">{t('contact.attempt.chooseOutcome')}</option>
                {outcomesFor(channel).map((o) => (
                  <option key={o} value={o}>
                    {t(`contact.outcomes.${o}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id="attempt-at"
            label={t('contact.attempt.at')}
            hint={t('contact.attempt.atHint')}
            error={local.at ? t('contact.attempt.atRequired') : undefined}
          >
            {(control) => (
              <input {...control} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
            )}
          </FormField>
        </div>
        {conversation ? (
          <>
            <FormField id="attempt-occupation" label={t('contact.attempt.occupation')}>
              {(control) => (
                <select {...control} value={occupation} onChange={(e) => setOccupation(e.target.value as Occupation)}>
                  {OCCUPATION_CODE_LIST.codes.map((o) => (
                    <option key={o} value={o}>
                      {t(`contact.occupations.${o}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="attempt-agreed" label={t('contact.attempt.agreed')}>
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  maxLength={2000}
                  value={agreed}
                  onChange={(e) => setAgreed(e.target.value)}
                />
              )}
            </FormField>
          </>
        ) : null}
        <FormField id="attempt-note" label={t('contact.attempt.note')} hint={t('contact.attempt.noteHint')}>
          {(control) => (
            <textarea {...control} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </FormField>
        <FormActions submit={t('contact.attempt.submit')} busy={busy} />
      </form>
    </section>
  );
}
