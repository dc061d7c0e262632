/** Every saved version of the plan: who, when, what changed, and the plan as it was. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { goalAreaName } from '../../../core/plan.js';
import type { Plan } from '../../../core/plan-schemas.js';
import { ApiError } from '../../api/client.js';
import { planApi } from '../../api/planEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';
import { changeText } from './planEventSentence.js';
import { PlanView } from './PlanView.js';

/** The version history section of the plan page. */
export function PlanVersions({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  const versions = useQuery({
    queryKey: ['cases', plan.caseId, 'plan', 'versions'],
    queryFn: () => planApi.versions(plan.caseId),
    enabled: plan.version > 0,
  });
  const areas = (codes: string[]) => codes.map((c) => goalAreaName(c, lang, plan.goalAreas)).join(', ');
  return (
    <section className="panel" aria-labelledby="plan-versions-title">
      <h2 id="plan-versions-title">{t('plan.versionsTitle')}</h2>
      {plan.version === 0 ? <p className="muted">{t('plan.noVersions')}</p> : null}
      {versions.error instanceof ApiError ? <ProblemAlert error={versions.error} /> : null}
      {versions.isLoading ? <Loading /> : null}
      {versions.data ? (
        <ol className="plan-versions" reversed>
          {versions.data.map((v) => (
            <li key={v.version}>
              <details>
                <summary>
                  {t('plan.versionLine', {
                    version: v.version,
                    date: format.dateTime(v.changedAt),
                    who: v.changedBy ?? t('events.unknownStaff'),
                  })}
                  {plan.signatures.some((s) => s.version === v.version) ? ` · ${t('plan.signedBadge')}` : ''}
                </summary>
                <p>{v.version === 1 ? t('plan.firstVersion') : changeText(t, v.summary, areas)}</p>
                <PlanView
                  document={v.document}
                  areas={plan.goalAreas}
                  units={plan.units}
                  headingLevel={4}
                  context={`${t('plan.panelVersion')} ${v.version}`}
                />
              </details>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
