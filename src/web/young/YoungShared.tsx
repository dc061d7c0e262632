/** "Delat med dig": the notes staff chose to share with the young person, newest first. */
import { useEffect, useState } from 'react';
import type { MeShared } from '../../core/me-schemas.js';
import { meApi } from './api.js';

type T = (key: string, values?: Record<string, string>) => string;
type Props = { t: T; fail: (err: unknown) => void; day: (iso: string) => string };

/** The shared-with-you section. */
export function YoungShared({ t, fail, day }: Props) {
  const [shared, setShared] = useState<MeShared | null>(null);
  useEffect(() => {
    meApi.shared().then(setShared, fail);
  }, [fail]);
  return (
    <section aria-labelledby="y-shared" className="y-card">
      <h2 id="y-shared">{t('sharedTitle')}</h2>
      <p>{t('sharedIntro')}</p>
      {shared === null ? (
        <p role="status">{t('loading')}</p>
      ) : shared.notes.length === 0 ? (
        <p>{t('sharedEmpty')}</p>
      ) : (
        <ul className="y-list">
          {shared.notes.map((n) => (
            <li key={n.id}>
              <strong>{day(n.at)}</strong>
              <br />
              <span className="y-note">{n.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
