/**
 * /cases/:caseId/plan: the action plan made with the young person. The KAA's own staff on the case
 * build and change it (goals, sub-goals, steps); everyone who may see the plan reads it, its versions
 * and signatures, and prints it. A plan the user may not see answers 404, shown as "not found".
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { planApi } from '../../api/planEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { staffName } from '../../components/staffName.js';
import { useFormat } from '../../i18n/format.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { PlanEditor } from './PlanEditor.js';
import { PlanSign } from './PlanSign.js';
import { PlanVersions } from './PlanVersions.js';
import { PlanView } from './PlanView.js';

/** The plan page. */
export function PlanPage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const plan = useQuery({ queryKey: ['cases', caseId, 'plan'], queryFn: () => planApi.get(caseId) });

  if (plan.error instanceof ApiError && plan.error.status === 404) return <NotFoundPage />;
  if (plan.error instanceof ApiError) return <ProblemAlert error={plan.error} />;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/persons/${p.personId}`}>{t('plan.back', { name: p.personName })}</Link>
      </p>
      <PageHeading title={t('plan.title', { name: p.personName })}>
        {p.version > 0 ? (
          <>
            <a
              className="button button--secondary"
              href={planApi.pdfUrl(caseId, 'sv')}
              target="_blank"
              rel="noreferrer"
              lang="sv"
            >
              {t('plan.printSv')}
            </a>{' '}
            <a
              className="button button--secondary"
              href={planApi.pdfUrl(caseId, 'en')}
              target="_blank"
              rel="noreferrer"
              lang="en"
            >
              {t('plan.printEn')}
            </a>
          </>
        ) : null}
      </PageHeading>
      {p.contactPerson ? <p>{t('plan.contactPerson', { name: staffName(t, p.contactPerson) })}</p> : null}
      <p className="lead">
        {p.version > 0
          ? t('plan.status', {
              version: p.version,
              date: p.updatedAt ? format.dateTime(p.updatedAt) : '',
              who: p.updatedBy ?? '',
            })
          : t('plan.notMade')}
      </p>
      {p.canEdit ? (
        <PlanEditor key={p.version} plan={p} />
      ) : (
        <section className="panel" aria-labelledby="plan-view-title">
          <h2 id="plan-view-title">{t('plan.goalsTitle')}</h2>
          <PlanView document={p} areas={p.goalAreas} units={p.units} ownWordsByYoungPerson={p.ownWordsByYoungPerson} />
        </section>
      )}
      {p.removedGoals.length ? (
        <section className="panel" aria-labelledby="plan-removed-title">
          <h2 id="plan-removed-title">{t('plan.removedTitle')}</h2>
          <ul>
            {p.removedGoals.map((g) => (
              <li key={g.id}>
                {t('plan.removedLine', { title: g.title, date: format.date(g.removedAt.slice(0, 10)) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <PlanSign plan={p} />
      <PlanVersions plan={p} />
    </>
  );
}
