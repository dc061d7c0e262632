/** The first administrator's checklist: staff, the KAA's own units, lists imported, register reconciled. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { GettingStarted as Steps } from '../../../core/schemas.js';

const STEPS = [
  { key: 'staff', link: '/admin/staff' },
  { key: 'kaaUnits', link: '/admin/access-review' },
  { key: 'lists', link: null },
  { key: 'reconciled', link: null },
] as const;

/** Whether every first step is taken. */
export const allDone = (steps: Steps) => STEPS.every((s) => steps[s.key]);

/** The checklist, each step marked done or to do, with a link where the administrator takes it. */
export function GettingStarted({ steps }: { steps: Steps }) {
  const { t } = useTranslation();
  return (
    <section className="panel panel--highlight" aria-labelledby="getting-started-title">
      <h2 id="getting-started-title">{t('start.gettingStarted.title')}</h2>
      <p>{t('start.gettingStarted.intro')}</p>
      <ol className="link-list">
        {STEPS.map((s) => (
          <li key={s.key}>
            <span className={steps[s.key] ? 'badge badge--active' : 'badge badge--new'}>
              {t(steps[s.key] ? 'start.gettingStarted.done' : 'start.gettingStarted.todo')}
            </span>{' '}
            {t(`start.gettingStarted.steps.${s.key}`)}
            {s.link ? (
              <>
                {' '}
                <Link to={s.link}>{t(`start.gettingStarted.links.${s.key}`)}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
