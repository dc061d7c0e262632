/**
 * The draft of an assessment as a form: who took part, each section's questions (withheld sections
 * say so and are left as they are), highest education and diploma in the school section, documented
 * needs in the health section. "Spara utkast" saves; "Avsluta" saves and completes.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DIPLOMA_ANSWERS,
  DOCUMENTED_NEEDS,
  HIGHEST_EDUCATION,
  localText,
  PARTICIPANT_ROLES,
  type DiplomaAnswer,
  type DocumentedNeed,
  type HighestEducation,
  type ParticipantRole,
} from '../../../core/assessment.js';
import type { Assessment, AssessmentDraft } from '../../../core/assessment-schemas.js';
import { assessmentKeys, assessmentsApi } from '../../api/assessmentEndpoints.js';
import { ApiError } from '../../api/client.js';
import { staffApi } from '../../api/endpoints.js';
import { fieldErrorsOf } from '../../api/fieldErrors.js';
import { Alert, ProblemAlert, useProblemText } from '../../components/Alert.js';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.js';
import { FormField, TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { staffName } from '../../components/staffName.js';
import { useSession } from '../auth/session.js';
import { ChoiceGroup } from '../consent/ChoiceGroup.js';
import { FormActions } from '../../components/FormActions.js';

type State = {
  answers: Record<string, string>;
  staff: string[];
  others: { role: ParticipantRole; name: string | null }[];
  highestEducation: HighestEducation | '';
  diploma: DiplomaAnswer | '';
  needs: DocumentedNeed[];
};

function stateOf(a: Assessment): State {
  const answers: Record<string, string> = {};
  for (const s of a.sections) for (const q of s.questions) if (!s.withheld) answers[q.key] = q.answer ?? '';
  return {
    answers,
    staff: a.participants.staff.map((s) => s.id),
    others: a.participants.others,
    highestEducation: a.highestEducation ?? '',
    diploma: a.diploma ?? '',
    needs: a.needs ?? [],
  };
}

/** The draft form of `assessment`. */
export function AssessmentForm({ assessment: a }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [state, setState] = useState<State>(() => stateOf(a));
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const set = <K extends keyof State>(key: K, value: State[K]) => {
    setSaved(false);
    setState((s) => ({ ...s, [key]: value }));
  };
  const staff = useQuery({
    queryKey: ['staff', 'contact-persons'],
    queryFn: () => staffApi.list({ active: 'true', contactPerson: 'true' }),
    enabled: can('staff.list'),
  });
  const staffChoices = [
    ...a.participants.staff,
    ...(staff.data ?? []).filter((s) => !a.participants.staff.some((p) => p.id === s.id)),
  ].map((s) => ({ value: s.id, label: staffName(t, s) }));

  const draft = (): AssessmentDraft => ({
    version: a.version,
    participants: { staff: state.staff, others: state.others },
    answers: Object.fromEntries(Object.entries(state.answers).map(([k, v]) => [k, v.trim() ? v : null])),
    highestEducation: state.highestEducation || null,
    diploma: state.diploma || null,
    ...(a.needs !== null ? { needs: state.needs } : {}),
  });
  const keep = (fresh: Assessment) => {
    queryClient.setQueryData(assessmentKeys.one(a.id), fresh);
    void queryClient.invalidateQueries({ queryKey: assessmentKeys.ofPerson(a.personId) });
  };
  const save = useMutation({
    mutationFn: async (complete: boolean) => {
      const fresh = await assessmentsApi.save(a.id, draft());
      return complete
        ? assessmentsApi
            .complete(a.id, fresh.version)
            .catch((error: unknown) => Promise.reject(Object.assign(error as object, { fresh })))
        : fresh;
    },
    onMutate: () => setAttempt((n) => n + 1),
    onSuccess: (fresh) => {
      setSaved(fresh.status === 'draft');
      keep(fresh);
      // Completed: the form gives way to the read-only page; focus its heading, not the vanished button.
      if (fresh.status === 'completed') requestAnimationFrame(() => document.getElementById('page-title')?.focus());
    },
    onError: (error) => {
      // Saved, but not completed: keep the saved version so the next save is not a conflict.
      const fresh = (error as { fresh?: Assessment }).fresh;
      if (fresh) keep(fresh);
    },
  });
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      queryKey: assessmentKeys.one(a.id),
      queryFn: () => assessmentsApi.get(a.id),
      staleTime: 0,
    });
    setState(stateOf(fresh));
    save.reset();
  };

  const error = save.error instanceof ApiError ? save.error : null;
  const fields = fieldErrorsOf(error, t);
  const idOf = (field: string) => (field.startsWith('answers.') ? `answer-${field.slice(8)}` : field.replace('.', '-'));
  const summary: SummaryItem[] = Object.entries(fields).map(([field, message]) => ({ fieldId: idOf(field), message }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(false);
  };

  const education = (
    <>
      <SelectField
        id="highestEducation"
        label={t('assessment.highestEducation')}
        value={state.highestEducation}
        empty={t('assessment.choose')}
        options={HIGHEST_EDUCATION.map((value) => ({ value, label: t(`assessment.education.${value}`) }))}
        onChange={(v) => set('highestEducation', v)}
        error={fields.highestEducation}
      />
      <div id="diploma" tabIndex={-1}>
        <ChoiceGroup
          name="diploma"
          type="radio"
          legend={t('assessment.diploma')}
          choices={DIPLOMA_ANSWERS.map((value) => ({ value, label: t(`assessment.diplomaAnswers.${value}`) }))}
          selected={state.diploma ? [state.diploma] : []}
          onChange={(v) => set('diploma', v[0] ?? '')}
          error={fields.diploma}
        />
      </div>
    </>
  );
  const needs =
    a.needs !== null ? (
      <div id="needs" tabIndex={-1}>
        <ChoiceGroup
          name="needs"
          type="checkbox"
          legend={t('assessment.needs')}
          choices={DOCUMENTED_NEEDS.map((value) => ({ value, label: t(`assessment.needList.${value}`) }))}
          selected={state.needs}
          onChange={(v) => set('needs', v)}
          error={fields.needs}
        />
        <p className="field__hint">{t('assessment.needsHint')}</p>
      </div>
    ) : null;
  const hasSchool = a.sections.some((s) => s.key === 'school' && !s.withheld);
  const hasHealth = a.sections.some((s) => s.key === 'health' && !s.withheld);
  const extras = (key: string): ReactNode => (key === 'school' ? education : key === 'health' ? needs : null);

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary
        message={error && summary.length ? problemText(error) : undefined}
        items={summary}
        focusKey={attempt}
      />
      {error && !summary.length ? (
        <ProblemAlert error={error}>
          {error.code === 'version_conflict' ? (
            <button type="button" className="button button--secondary" onClick={() => void reload()}>
              {t('assessment.reloadLatest')}
            </button>
          ) : null}
        </ProblemAlert>
      ) : null}
      <fieldset className="panel">
        <legend>{t('assessment.participants')}</legend>
        <div id="participants-staff" tabIndex={-1}>
          <ChoiceGroup
            name="staff"
            type="checkbox"
            legend={t('assessment.staffParticipants')}
            choices={staffChoices}
            selected={state.staff}
            onChange={(v) => set('staff', v)}
            error={fields['participants.staff']}
          />
        </div>
        <div id="participants-others" tabIndex={-1}>
          <ChoiceGroup
            name="others"
            type="checkbox"
            legend={t('assessment.otherParticipants')}
            choices={PARTICIPANT_ROLES.map((value) => ({ value, label: t(`assessment.roles.${value}`) }))}
            selected={state.others.map((o) => o.role)}
            onChange={(roles) =>
              set(
                'others',
                roles.map((role) => state.others.find((o) => o.role === role) ?? { role, name: null }),
              )
            }
            error={fields['participants.others']}
          />
          {state.others.map((o, i) =>
            o.role === 'young_person' ? null : (
              <TextField
                key={o.role}
                id={`participant-name-${o.role}`}
                label={t('assessment.participantName', { role: t(`assessment.roles.${o.role}`).toLowerCase() })}
                value={o.name ?? ''}
                onChange={(name) =>
                  set(
                    'others',
                    state.others.map((x, j) => (j === i ? { ...x, name: name || null } : x)),
                  )
                }
                error={fields[`participants.others.${i}.name`]}
              />
            ),
          )}
        </div>
      </fieldset>
      {a.sections.map((s) => (
        <fieldset key={s.key} className="panel">
          <legend>{localText(s.title, i18n.language)}</legend>
          {s.withheld ? (
            <p className="muted">
              {t('assessment.sectionWithheld', { category: t(`consent.categories.${s.category}`) })}
            </p>
          ) : (
            s.questions.map((q) => (
              <FormField
                key={q.key}
                id={`answer-${q.key}`}
                label={localText(q.text, i18n.language)}
                error={fields[`answers.${q.key}`]}
              >
                {(control) => (
                  <textarea
                    {...control}
                    rows={3}
                    maxLength={10000}
                    value={state.answers[q.key] ?? ''}
                    onChange={(e) => set('answers', { ...state.answers, [q.key]: e.target.value })}
                  />
                )}
              </FormField>
            ))
          )}
          {!s.withheld ? extras(s.key) : null}
        </fieldset>
      ))}
      {!hasSchool || (!hasHealth && needs) ? (
        <fieldset className="panel">
          <legend>{t('assessment.facts')}</legend>
          {!hasSchool ? education : null}
          {!hasHealth ? needs : null}
        </fieldset>
      ) : null}
      <p className="muted small">{t('assessment.completeHint')}</p>
      <FormActions submit={t('assessment.saveDraft')} busy={save.isPending}>
        <button
          type="button"
          className="button button--secondary"
          disabled={save.isPending}
          onClick={() => save.mutate(true)}
        >
          {t('assessment.complete')}
        </button>
      </FormActions>
      {saved ? <Alert tone="success">{t('assessment.saved')}</Alert> : null}
    </form>
  );
}
