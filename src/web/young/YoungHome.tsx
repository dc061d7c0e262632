/**
 * The young person's page once signed in: contact person and next meeting, the week, the plan (mark
 * own steps done, approve), applications and consents (sign one prepared for them, take a consent back) and who
 * has read their data. Loaded on its own
 * after sign-in, so the first page stays light.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MeAccessLog, MeConsent, MePlan, MeSummary } from '../../core/me-schemas.js';
import type { ScheduleWeek } from '../../core/schedule-schemas.js';
import { MeError, meApi } from './api.js';
import type { Lang } from './texts.js';
import { YoungApplications } from './YoungApplications.js';
import { YoungConsents } from './YoungConsents.js';
import { YoungEvaluations } from './YoungEvaluations.js';
import { YoungShared } from './YoungShared.js';
import { YoungGoalWords } from './YoungGoalWords.js';

type T = (key: string, values?: Record<string, string>) => string;
type Props = { me: MeSummary; lang: Lang; t: T; onSignedOut: () => void };

const locale = (lang: Lang) => (lang === 'sv' ? 'sv-SE' : 'en-GB');
const dateTime = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleString(locale(lang), {
    timeZone: 'Europe/Stockholm',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
const day = (d: string, lang: Lang) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString(locale(lang), {
    timeZone: 'Europe/Stockholm',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });

const hours = (start: string, end: string | null) => (end ? `${start}–${end}` : start);

/** The signed-in page. */
export function YoungHome({ me, lang, t, onSignedOut }: Props) {
  const [week, setWeek] = useState<ScheduleWeek | null>(null);
  const [plan, setPlan] = useState<MePlan | null>(null);
  const [consents, setConsents] = useState<MeConsent[] | null>(null);
  const [log, setLog] = useState<MeAccessLog | null>(null);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The server's own sentence, or '' for ours, t('error'), which is put in when shown.
  const fail = useCallback((err: unknown) => setError(err instanceof MeError ? err.message : ''), []);
  const loadConsents = useCallback(() => meApi.consents().then(setConsents, fail), [fail]);
  const loadLog = useCallback(() => meApi.accessLog().then(setLog, fail), [fail]);
  useEffect(() => {
    meApi.schedule().then(setWeek, fail);
    meApi.plan().then(setPlan, fail);
    void loadConsents();
    void loadLog();
    // Loaded once, when the page opens; later loads follow the young person's actions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const act = (work: () => Promise<void>) => {
    setError(null);
    work().catch(fail);
  };

  return (
    <>
      <div className="y-top">
        <h1>{t('hello', { name: me.givenName })}</h1>
        <button type="button" className="y-link" onClick={() => act(async () => (await meApi.logout(), onSignedOut()))}>
          {t('signOut')}
        </button>
      </div>
      {error !== null ? (
        <p className="y-error" role="alert">
          {error || t('error')}
        </p>
      ) : null}

      <section aria-labelledby="y-contact" className="y-card">
        <h2 id="y-contact">{t('contactTitle')}</h2>
        {me.contactPerson ? (
          <p>
            <strong>{me.contactPerson.name}</strong>
            {me.contactPerson.unit ? <span>, {me.contactPerson.unit}</span> : null}
            <br />
            {t('email')}: <a href={`mailto:${me.contactPerson.email}`}>{me.contactPerson.email}</a>
          </p>
        ) : (
          <p>{t('noContact')}</p>
        )}
        <h3>{t('nextMeeting')}</h3>
        <p>
          {me.nextMeeting
            ? `${t(`meetingKind.${me.nextMeeting.kind}`)}: ${dateTime(me.nextMeeting.startsAt, lang)}` +
              (me.nextMeeting.place ? `, ${me.nextMeeting.place}` : '')
            : t('noMeeting')}
        </p>
      </section>

      <section aria-labelledby="y-week" className="y-card">
        <h2 id="y-week">{t('weekTitle')}</h2>
        {week === null ? (
          <p role="status">{t('loading')}</p>
        ) : week.items.length === 0 ? (
          <p>{t('weekEmpty')}</p>
        ) : (
          <ul className="y-list">
            {week.items.map((i) => (
              <li key={i.id}>
                <strong>{day(i.day, lang)}</strong> {i.start ? hours(i.start, i.end) : t('allDay')}:{' '}
                {i.title ?? (i.kind === 'meeting' && i.detail ? t(`meetingKind.${i.detail}`) : i.detail)}
                {i.staffName ? `, ${i.staffName}` : ''}
                {i.place ? `, ${i.place}` : ''}
              </li>
            ))}
          </ul>
        )}
        <p className="y-hint">{t('feedHint')}</p>
        <button type="button" onClick={() => act(async () => setFeedUrl((await meApi.feed(lang)).url))}>
          {t('feedButton')}
        </button>
        {feedUrl ? (
          <p>
            <label htmlFor="y-feed">{t('feedAddress')}</label>
            <input id="y-feed" type="text" readOnly value={feedUrl} onFocus={(e) => e.target.select()} />
          </p>
        ) : null}
      </section>

      <section aria-labelledby="y-plan" className="y-card">
        <h2 id="y-plan">{t('planTitle')}</h2>
        {plan === null ? (
          <p role="status">{t('loading')}</p>
        ) : plan.goals.length === 0 ? (
          <p>{t('noPlan')}</p>
        ) : (
          <>
            {plan.goals.map((g) => (
              <div key={g.id} className="y-goal">
                <h3>{g.title}</h3>
                <p className="y-hint">{g.area[lang]}</p>
                <YoungGoalWords goal={g} version={plan.version} t={t} act={act} onSaved={setPlan} />
                <ul className="y-list">
                  {g.steps.map((s) => (
                    <li key={s.id}>
                      <span className="y-step-title">{s.title}</span>
                      <br />
                      {t('who')}: {s.responsibleKind === 'young_person' ? t('you') : (s.responsible ?? '')}
                      {s.dueOn ? ` · ${t('when')} ${day(s.dueOn, lang)}` : ''} · {t(`status.${s.status}`)}
                      {s.canMarkDone ? (
                        <>
                          <br />
                          <button
                            type="button"
                            className="y-button y-button--small"
                            onClick={() => act(async () => setPlan(await meApi.markDone(s.id)))}
                          >
                            {t('markDone')}
                            <span className="y-visually-hidden">: {s.title}</span>
                          </button>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {plan.signed ? (
              <p role="status">{t('signed')}</p>
            ) : (
              <button
                type="button"
                className="y-button"
                onClick={() => act(async () => setPlan(await meApi.sign(plan.version)))}
              >
                {t('signPlan')}
              </button>
            )}
          </>
        )}
      </section>

      <YoungShared t={t} fail={fail} day={(iso) => day(iso.slice(0, 10), lang)} lang={lang} />

      <YoungEvaluations lang={lang} t={t} act={act} day={(d) => day(d, lang)} />

      <YoungApplications initial={me.applications} t={t} act={act} day={(d) => day(d, lang)} />

      <YoungConsents
        consents={consents}
        t={t}
        act={act}
        onChanged={async () => {
          await Promise.all([loadConsents(), loadLog()]);
        }}
      />

      <section aria-labelledby="y-log" className="y-card">
        <h2 id="y-log">{t('logTitle')}</h2>
        <p>{t('logIntro')}</p>
        {log === null ? (
          <p role="status">{t('loading')}</p>
        ) : log.entries.length === 0 ? (
          <p>{t('logEmpty')}</p>
        ) : (
          <ul className="y-list y-log">
            {log.entries.map((e, i) => (
              <li key={i} className={e.emergency ? 'y-emergency' : undefined}>
                {e.emergency ? <strong>{t('emergency')}: </strong> : null}
                {dateTime(e.at, lang)}: {e.name ? `${e.name}, ` : ''}
                {e.role ? t(`role.${e.role}`) : ''}
                {e.unit ? ` (${e.unit})` : ''}{' '}
                {e.action === 'read' || e.action === 'list'
                  ? t('logRead')
                  : e.action === 'export'
                    ? t('logExported')
                    : t('logChanged')}
                {e.basis ? ` · ${t(`basis.${e.basis}`)}` : ''}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`/api/v1/me/extract.pdf?lang=${lang}`} download>
            {t('extract')}
          </a>
        </p>
      </section>
    </>
  );
}
