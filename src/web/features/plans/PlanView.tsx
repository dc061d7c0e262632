/** A plan read-only: goals in the young person's words, sub-goals and steps with who, when, status and follow-up. */
import { useTranslation } from 'react-i18next';
import { goalAreaName, type GoalArea } from '../../../core/plan.js';
import type { PlanDocument } from '../../../core/plan-schemas.js';
import { ScrollableTable } from '../../components/ScrollableTable.js';
import { useFormat } from '../../i18n/format.js';

/** The plan (or an earlier version of it) as text; `headingLevel` 3 inside a section, 4 inside a version. */
export function PlanView({
  document,
  areas,
  units,
  headingLevel = 3,
  context,
  ownWordsByYoungPerson = [],
}: {
  document: PlanDocument;
  areas: GoalArea[];
  units: { id: string; name: string }[];
  headingLevel?: 3 | 4;
  context?: string;
  /** Goals whose own words the young person wrote themselves (the current plan only). */
  ownWordsByYoungPerson?: string[];
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  const H = `h${headingLevel}` as 'h3' | 'h4';
  const date = (d: string | null) => (d ? format.date(d) : '–');
  if (document.goals.length === 0) return <p className="muted">{t('plan.noGoals')}</p>;
  return (
    <div className="plan-view">
      {document.goals.map((g, i) => (
        <section key={g.id} className="plan-view__goal">
          <H>{t('plan.goalWithArea', { number: i + 1, area: goalAreaName(g.area, lang, areas) })}</H>
          <p>{g.title}</p>
          {g.ownWords ? (
            <blockquote>
              <span className="visually-hidden">{t('plan.fields.ownWords')}: </span>”{g.ownWords}”
              {ownWordsByYoungPerson.includes(g.id) ? (
                <footer className="muted">{t('plan.ownWordsByYoungPerson')}</footer>
              ) : null}
            </blockquote>
          ) : null}
          {g.subGoals.length ? (
            <ul aria-label={t('plan.subGoals')}>
              {g.subGoals.map((s) => (
                <li key={s.id}>
                  {s.title}
                  {s.done ? ` (${t('plan.subGoalDone').toLowerCase()})` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          {g.steps.length ? (
            <ScrollableTable label={`${t('plan.stepsOf', { number: i + 1 })}${context ? ` (${context})` : ''}`}>
              <table className="table plan-view__steps">
                <caption className="visually-hidden">{t('plan.stepsOf', { number: i + 1 })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plan.fields.stepTitle')}</th>
                    <th scope="col">{t('plan.fields.responsible')}</th>
                    <th scope="col">{t('plan.fields.startOn')}</th>
                    <th scope="col">{t('plan.fields.dueOn')}</th>
                    <th scope="col">{t('plan.fields.status')}</th>
                    <th scope="col">{t('plan.fields.followUpOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.steps.map((s) => (
                    <tr key={s.id}>
                      <td>{s.title}</td>
                      <td>
                        {s.responsibleKind === 'young_person'
                          ? t('plan.responsibleKinds.young_person')
                          : s.responsibleKind === 'unit'
                            ? (units.find((u) => u.id === s.responsibleUnitId)?.name ?? '')
                            : s.responsibleOther}
                      </td>
                      <td>{date(s.startOn)}</td>
                      <td>{date(s.dueOn)}</td>
                      <td>
                        {t(`plan.statuses.${s.status}`)}
                        {s.endedOn ? ` ${format.date(s.endedOn)}` : ''}
                        {s.endReason ? ` (${t(`plan.endReasons.${s.endReason}`)})` : ''}
                      </td>
                      <td>{date(s.followUpOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          ) : (
            <p className="muted">{t('plan.noSteps')}</p>
          )}
        </section>
      ))}
      <dl className="details details--compact">
        <dt>{t('plan.fields.planFollowUpOn')}</dt>
        <dd>{date(document.followUpOn)}</dd>
        <dt>{t('plan.fields.evaluation')}</dt>
        <dd>{document.evaluation ?? '–'}</dd>
        {document.evaluatedOn ? (
          <>
            <dt>{t('plan.fields.evaluatedOn')}</dt>
            <dd>{format.date(document.evaluatedOn)}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
