/**
 * /persons/:id/assessments/:assessmentId: one assessment. A draft the reader may edit is a form
 * (drafts saved, then completed); a completed one, or one the reader may not edit, reads only.
 * Answers of categories the reader may not see are withheld, and the page says so.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { assessmentKeys, assessmentsApi } from '../../api/assessmentEndpoints.js';
import { ApiError } from '../../api/client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormat } from '../../i18n/format.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { AssessmentForm } from './AssessmentForm.js';
import { AssessmentView } from './AssessmentView.js';

/** The assessment page. */
export function AssessmentPage() {
  const { id: personId = '', assessmentId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: assessmentKeys.one(assessmentId),
    queryFn: () => assessmentsApi.get(assessmentId),
  });
  const list = useQuery({ queryKey: assessmentKeys.ofPerson(personId), queryFn: () => assessmentsApi.list(personId) });
  const revise = useMutation({
    mutationFn: () => assessmentsApi.start(personId, assessmentId),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.ofPerson(personId) });
      navigate(`/persons/${personId}/assessments/${id}`);
    },
  });

  const error = query.error instanceof ApiError ? query.error : null;
  if (error?.status === 404) return <NotFoundPage />;
  if (error) return <ProblemAlert error={error} />;
  if (!query.data) return <Loading />;
  const a = query.data;
  const hasDraft = list.data?.some((x) => x.status === 'draft') ?? true;
  const newest = list.data?.[0]?.id === a.id;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/persons/${personId}`}>{t('assessment.backToPerson')}</Link>
      </p>
      <PageHeading title={t('assessment.numbered', { number: a.number })}>
        <span className={`badge badge--${a.status === 'draft' ? 'contacting' : 'active'}`}>
          {t(`assessment.status.${a.status}`)}
        </span>
      </PageHeading>
      <p className="muted">
        {a.startedBy
          ? t('assessment.startedBy', { name: a.startedBy.name, date: format.date(a.startedAt) })
          : t('assessment.startedOn', { date: format.date(a.startedAt) })}
        {a.completedOn
          ? ' ' +
            t('assessment.completedBy', {
              name: a.completedBy?.name ?? t('events.unknownStaff'),
              date: format.date(a.completedOn),
            })
          : ''}
        {` ${t('assessment.manualVersion', { version: a.manualVersion })}`}
      </p>
      {a.revises ? (
        <p>
          <Link to={`/persons/${personId}/assessments/${a.revises}`}>{t('assessment.revisesLink')}</Link>
        </p>
      ) : null}
      {a.status === 'completed' && !newest ? <Alert tone="info">{t('assessment.earlierVersion')}</Alert> : null}
      {a.withheldCategories.length ? (
        <Alert tone="info">
          {t('assessment.withheld', {
            categories: a.withheldCategories.map((c) => t(`consent.categories.${c}`)).join(', '),
          })}
        </Alert>
      ) : null}
      {a.editable ? <AssessmentForm key={a.id} assessment={a} /> : <AssessmentView assessment={a} />}
      {a.mayRevise && newest && !hasDraft ? (
        <div className="button-row">
          <ProblemAlert error={revise.error instanceof ApiError ? revise.error : null} />
          <button
            type="button"
            className="button button--secondary"
            disabled={revise.isPending}
            onClick={() => revise.mutate()}
          >
            {t('assessment.revise')}
          </button>
        </div>
      ) : null}
    </>
  );
}
