/**
 * The person page's "Kartläggning" panel: the person's assessments, each a link to its page, and starting a new one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { PersonDetail } from '../../../core/schemas.js';
import { assessmentKeys, assessmentsApi } from '../../api/assessmentEndpoints.js';
import { ApiError } from '../../api/client.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';

/** Shown to those who see the person's assessment and plan or health and social situation; nothing otherwise. */
export function AssessmentsPanel({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reads =
    person.access.categories.includes('assessment_plan') || person.access.categories.includes('health_social');
  const list = useQuery({
    queryKey: assessmentKeys.ofPerson(person.id),
    queryFn: () => assessmentsApi.list(person.id),
    enabled: reads,
  });
  // A new assessment after a completed one is its next version, starting from its answers.
  const latestCompleted = list.data?.find((a) => a.status === 'completed');
  const start = useMutation({
    mutationFn: () => assessmentsApi.start(person.id, latestCompleted?.id),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.ofPerson(person.id) });
      navigate(`/persons/${person.id}/assessments/${id}`);
    },
  });
  if (!reads) return null;
  const items = list.data ?? [];
  const mayStart =
    person.access.managed && can('notes.write') && list.data !== undefined && !items.some((a) => a.status === 'draft');
  return (
    <section className="panel" aria-labelledby="assessments-title">
      <h2 id="assessments-title">{t('assessment.title')}</h2>
      <ProblemAlert error={list.error instanceof ApiError ? list.error : null} />
      <ProblemAlert error={start.error instanceof ApiError ? start.error : null} />
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? <p className="muted">{t('assessment.none')}</p> : null}
      {items.length ? (
        <ul className="plain-list">
          {items.map((a) => (
            <li key={a.id}>
              <Link to={`/persons/${person.id}/assessments/${a.id}`}>
                {t('assessment.numbered', { number: a.number })}
              </Link>{' '}
              <span className={`badge badge--${a.status === 'draft' ? 'contacting' : 'active'}`}>
                {t(`assessment.status.${a.status}`)}
              </span>{' '}
              <span className="small muted">
                {a.completedOn
                  ? t('assessment.completedOn', { date: format.date(a.completedOn) })
                  : t('assessment.startedOn', { date: format.date(a.startedAt) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {mayStart ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={start.isPending}
          onClick={() => start.mutate()}
        >
          {items.length ? t('assessment.startNew') : t('assessment.start')}
        </button>
      ) : null}
    </section>
  );
}
