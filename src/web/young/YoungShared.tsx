/** "Delat med dig": the notes and assessment sections staff chose to share with the young person. */
import { useEffect, useState } from 'react';
import type { MeShared } from '../../core/me-schemas.js';
import { meApi } from './api.js';
import type { Lang } from './texts.js';

type T = (key: string, values?: Record<string, string>) => string;
type Props = { t: T; fail: (err: unknown) => void; day: (iso: string) => string; lang: Lang };

const local = (text: { sv: string; en: string }, lang: Lang) => (lang === 'en' && text.en ? text.en : text.sv);

/** The shared-with-you section. */
export function YoungShared({ t, fail, day, lang }: Props) {
  const [shared, setShared] = useState<MeShared | null>(null);
  useEffect(() => {
    meApi.shared().then(setShared, fail);
  }, [fail]);
  const empty = shared !== null && shared.notes.length === 0 && shared.assessments.length === 0;
  return (
    <section aria-labelledby="y-shared" className="y-card">
      <h2 id="y-shared">{t('sharedTitle')}</h2>
      <p>{t('sharedIntro')}</p>
      {shared === null ? <p role="status">{t('loading')}</p> : empty ? <p>{t('sharedEmpty')}</p> : null}
      {shared?.notes.length ? (
        <ul className="y-list">
          {shared.notes.map((n) => (
            <li key={n.id}>
              <strong>{day(n.at)}</strong>
              <br />
              <span className="y-note">{n.text}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {shared?.assessments.map((a) => (
        <article key={a.id} aria-labelledby={`y-assessment-${a.id}`}>
          <h3 id={`y-assessment-${a.id}`}>
            {t('sharedAssessment', { number: String(a.number), date: day(a.completedOn) })}
          </h3>
          {a.sections.map((s) => (
            <section key={s.key} aria-labelledby={`y-section-${a.id}-${s.key}`}>
              <h4 id={`y-section-${a.id}-${s.key}`}>{local(s.title, lang)}</h4>
              <dl>
                {s.questions.map((q) => (
                  <div key={q.key}>
                    <dt>{local(q.text, lang)}</dt>
                    <dd className="y-note">{q.answer ?? t('sharedNoAnswer')}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </article>
      ))}
    </section>
  );
}
