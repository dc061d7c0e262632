/**
 * Short evaluations: for each ended measure or activity, how much it helped (1 to 5) and what could
 * be better. One small form per item; an answer can be changed. Staff see the answers without names.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { EVALUATION_TEXT_MAX, type MeEvaluation } from '../../core/me-schemas.js';
import { meApi } from './api.js';
import type { Lang } from './texts.js';

type T = (key: string, values?: Record<string, string>) => string;
type Props = { lang: Lang; t: T; act: (work: () => Promise<void>) => void; day: (d: string) => string };

/** The "Tyck till" card. */
export function YoungEvaluations({ t, act, day }: Props) {
  const [items, setItems] = useState<MeEvaluation[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  // Loaded once, when the page opens; an answer brings back the new list.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => act(async () => setItems(await meApi.evaluations())), []);

  return (
    <section aria-labelledby="y-eval" className="y-card">
      <h2 id="y-eval">{t('evalTitle')}</h2>
      <p>{t('evalIntro')}</p>
      {items === null ? (
        <p role="status">{t('loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('evalEmpty')}</p>
      ) : (
        <ul className="y-list">
          {items.map((e) => {
            const key = `${e.subject}:${e.id}`;
            return (
              <li key={key}>
                <h3>{e.name}</h3>
                <p className="y-hint">{t('evalEnded', { date: day(e.endedOn) })}</p>
                {e.answer && open !== key ? (
                  <>
                    <p role="status">{t('evalThanks', { answer: t(`usefulness.${e.answer.usefulness}`) })}</p>
                    <button type="button" className="y-link" onClick={() => setOpen(key)}>
                      {t('evalChange')}
                      <span className="y-visually-hidden">: {e.name}</span>
                    </button>
                  </>
                ) : (
                  <EvaluationForm
                    item={e}
                    t={t}
                    onSend={(usefulness, better) =>
                      act(async () => {
                        setItems(await meApi.evaluate(e.subject, e.id, usefulness, better));
                        setOpen(null);
                      })
                    }
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function EvaluationForm({
  item,
  t,
  onSend,
}: {
  item: MeEvaluation;
  t: T;
  onSend: (usefulness: number, better: string) => void;
}) {
  const [usefulness, setUsefulness] = useState<number | null>(item.answer?.usefulness ?? null);
  const [better, setBetter] = useState(item.answer?.better ?? '');
  const prefix = `y-eval-${item.subject}-${item.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (usefulness !== null) onSend(usefulness, better);
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="y-scale">
        <legend>{t('evalUseful')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="y-choice">
            <input
              type="radio"
              name={`${prefix}-useful`}
              value={n}
              checked={usefulness === n}
              onChange={() => setUsefulness(n)}
            />
            {t(`usefulness.${n}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${prefix}-better`}>{t('evalBetter')}</label>
      <textarea
        id={`${prefix}-better`}
        rows={3}
        maxLength={EVALUATION_TEXT_MAX}
        value={better}
        onChange={(e) => setBetter(e.target.value)}
      />
      <button type="submit" className="y-button y-button--small" disabled={usefulness === null}>
        {t('evalSend')}
        <span className="y-visually-hidden">: {item.name}</span>
      </button>
    </form>
  );
}
