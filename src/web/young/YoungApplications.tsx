/**
 * The young person's applications to a team: sign one their contact person prepared (only a signed
 * one goes to the team's meeting) and see where the signed ones are. Shown only when there is one.
 */
import { useState } from 'react';
import type { MeApplication } from '../../core/me-schemas.js';
import { meApi } from './api.js';

type T = (key: string, values?: Record<string, string>) => string;
type Props = {
  initial: MeApplication[];
  t: T;
  act: (work: () => Promise<void>) => void;
  day: (d: string) => string;
};

/** The applications section. */
export function YoungApplications({ initial, t, act, day }: Props) {
  const [applications, setApplications] = useState(initial);
  if (applications.length === 0) return null;
  return (
    <section aria-labelledby="y-applications" className="y-card">
      <h2 id="y-applications">{t('applicationsTitle')}</h2>
      <p>{t('applicationsIntro')}</p>
      <ul className="y-list">
        {applications.map((a) => (
          <li key={a.id} className={a.state === 'awaiting_signature' ? 'y-awaiting' : undefined}>
            <strong>{t('applicationTo', { team: a.team })}</strong>
            <br />
            {t(`applicationState.${a.state}`)}
            {a.signedOn ? ` · ${t('applicationSignedOn', { date: day(a.signedOn) })}` : ''}
            {a.state === 'awaiting_signature' ? (
              <>
                <br />
                <button
                  type="button"
                  className="y-button y-button--small"
                  onClick={() => act(async () => setApplications(await meApi.signApplication(a.id)))}
                >
                  {t('signApplication')}
                  <span className="y-visually-hidden">: {a.team}</span>
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
