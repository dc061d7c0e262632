/**
 * The "Avslut och uppföljning" panel of the person page: who the participant is, the close-case form
 * while the case is open, and once closed how it ended, its follow-ups and taking the person on again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../core/schemas.js';
import { ApiError } from '../../api/client.js';
import { outcomeApi } from '../../api/outcomeEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { usePersonChanged } from '../persons/usePersonChanged.js';
import { useSession } from '../auth/session.js';
import { CloseCaseForm } from './CloseCaseForm.js';
import { FollowUpForm } from './FollowUpForm.js';
import { ParticipantForm } from './ParticipantForm.js';

/** Shown when the person has a case and the reader sees contact and occupation; a change refreshes the person. */
export function CaseOutcomePanel({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const personChanged = usePersonChanged();
  const onChanged = () => personChanged(person.id);
  const format = useFormat();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const kase = person.case;
  const caseId = kase?.id ?? '';
  const visible = Boolean(kase) && person.access.categories.includes('contact_occupation');
  const outcome = useQuery({
    queryKey: ['cases', caseId, 'outcome'],
    queryFn: () => outcomeApi.get(caseId),
    enabled: visible,
  });
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ['cases', caseId, 'outcome'] });
    await onChanged();
  };
  const reopen = useMutation({ mutationFn: () => outcomeApi.reopen(caseId), onSuccess: onChanged });
  if (!visible || !kase) return null;
  const o = outcome.data;
  const editable = can('persons.edit') && person.access.managed;
  const closing = o?.closing ?? null;
  return (
    <section className="panel" aria-labelledby="outcome-panel-title">
      <h2 id="outcome-panel-title">{t('outcomes.panelTitle')}</h2>
      {!o ? (
        outcome.isLoading ? (
          <Loading />
        ) : null
      ) : (
        <>
          <dl className="details details--compact">
            <dt>{t('outcomes.targetGroup')}</dt>
            <dd>{t(`outcomes.targetGroups.${o.targetGroup}`)}</dd>
            <dt>{t('outcomes.diploma')}</dt>
            <dd>{t(`outcomes.diplomaValues.${o.upperSecondaryDiploma}`)}</dd>
            {o.documentedProblems ? (
              <>
                <dt>{t('outcomes.problems')}</dt>
                <dd>
                  {o.documentedProblems.length
                    ? o.documentedProblems.map((p) => t(`outcomes.problemCodes.${p}`)).join(', ')
                    : t('outcomes.noProblems')}
                </dd>
              </>
            ) : null}
            {closing ? (
              <>
                <dt>{t('outcomes.outcome')}</dt>
                <dd>
                  {closing.outcome ? t(`outcomes.codes.${closing.outcome}`) : t('outcomes.noOutcome')}
                  {closing.studyForm ? ` (${t(`offers.studyForms.${closing.studyForm}`)})` : null}
                </dd>
                <dt>{t('outcomes.closedOn')}</dt>
                <dd>
                  {format.date(closing.closedOn)}
                  {closing.closedBy ? `, ${closing.closedBy.name}` : null}
                </dd>
                {closing.note ? (
                  <>
                    <dt>{t('outcomes.note')}</dt>
                    <dd>{closing.note}</dd>
                  </>
                ) : null}
              </>
            ) : null}
          </dl>
          {o.followUps.length ? (
            <>
              <h3>{t('outcomes.followUps')}</h3>
              <ul className="follow-ups">
                {o.followUps.map((f) => (
                  <li key={f.id}>
                    {t('outcomes.followUpLine', { months: f.months, date: format.date(f.dueOn) })}{' '}
                    {f.result ? (
                      <strong>{t(`outcomes.followUpResults.${f.result}`)}</strong>
                    ) : (
                      <span className="muted">{t('outcomes.followUpPending')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {editable && !closing ? (
            <>
              <ParticipantForm key={kase.id} caseId={caseId} version={kase.version} outcome={o} onSaved={reload} />
              <CloseCaseForm caseId={caseId} version={kase.version} onClosed={reload} />
            </>
          ) : null}
          {editable && closing ? (
            <>
              {o.followUps
                .filter((f) => !f.result && f.dueOn <= todayIso())
                .map((f) => (
                  <FollowUpForm key={f.id} followUp={f} onSaved={reload} />
                ))}
              <ProblemAlert error={reopen.error instanceof ApiError ? reopen.error : null} />
              <button
                type="button"
                className="button button--secondary"
                disabled={reopen.isPending}
                onClick={() => reopen.mutate()}
              >
                {t('outcomes.reopen')}
              </button>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
