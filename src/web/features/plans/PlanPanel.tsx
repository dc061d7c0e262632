/** The "Handlingsplan" panel of the person page: the plan's state in one glance and the way to it. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../core/schemas.js';
import { planApi } from '../../api/planEndpoints.js';
import { Loading } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';

/** Shown to those who may see the person's assessment and plan, when the person has a case. */
export function PlanPanel({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const caseId = person.case?.id ?? '';
  const visible = Boolean(caseId) && person.access.categories.includes('assessment_plan');
  const plan = useQuery({ queryKey: ['cases', caseId, 'plan'], queryFn: () => planApi.get(caseId), enabled: visible });
  if (!visible) return null;
  const p = plan.data;
  const signed = p ? p.signatures.some((s) => s.version === p.version) : false;
  return (
    <section className="panel" aria-labelledby="plan-panel-title">
      <h2 id="plan-panel-title">{t('plan.panelTitle')}</h2>
      {!p ? (
        plan.isLoading ? (
          <Loading />
        ) : null
      ) : p.version === 0 ? (
        <p className="muted">{t('plan.notMade')}</p>
      ) : (
        <dl className="details details--compact">
          <dt>{t('plan.panelGoals')}</dt>
          <dd>{t('plan.goalCount', { count: p.goals.length })}</dd>
          <dt>{t('plan.panelVersion')}</dt>
          <dd>
            {p.version} {signed ? `(${t('plan.signedBadge')})` : `(${t('plan.unsignedBadge')})`}
          </dd>
          <dt>{t('plan.fields.planFollowUpOn')}</dt>
          <dd>{p.followUpOn ? format.date(p.followUpOn) : '–'}</dd>
        </dl>
      )}
      <p>
        <Link to={`/cases/${caseId}/plan`}>
          {p && p.version > 0
            ? p.canEdit
              ? t('plan.openEdit')
              : t('plan.open')
            : p?.canEdit
              ? t('plan.makePlan')
              : t('plan.open')}
        </Link>
      </p>
    </section>
  );
}
