/**
 * /settings/assessment-manual: coordinators edit the municipality's assessment manual: sections
 * (title in Swedish and English, consent category) and their questions. Each save is a new version;
 * assessments already made keep the version they used.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManualSection } from '../../../core/assessment.js';
import { CONSENT_CATEGORIES } from '../../../core/consent.js';
import type { Manual } from '../../../core/assessment-schemas.js';
import { assessmentKeys, assessmentsApi } from '../../api/assessmentEndpoints.js';
import { ApiError } from '../../api/client.js';
import { fieldErrorsOf } from '../../api/fieldErrors.js';
import { Alert, Loading, ProblemAlert, useProblemText } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormField, TextField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SelectField } from '../../components/SelectField.js';
import { useFormat } from '../../i18n/format.js';
import { FormActions } from '../../components/FormActions.js';

/** A fresh key for a new section or question (lower case, as the manual's keys must be). */
const newKey = (prefix: string) => `${prefix}_${Math.random().toString(36).slice(2, 10)}`;

/** The manual page. */
export function AssessmentManualPage() {
  const { t } = useTranslation();
  const manual = useQuery({ queryKey: assessmentKeys.manual, queryFn: assessmentsApi.manual });
  const error = manual.error instanceof ApiError ? manual.error : null;
  return (
    <>
      <PageHeading title={t('assessmentManual.title')} />
      <p>{t('assessmentManual.intro')}</p>
      <ProblemAlert error={error} />
      {manual.data ? <ManualForm manual={manual.data} /> : error ? null : <Loading />}
    </>
  );
}

function ManualForm({ manual }: { manual: Manual }) {
  const { t } = useTranslation();
  const format = useFormat();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const [sections, setSections] = useState<ManualSection[]>(manual.sections);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => assessmentsApi.saveManual(manual.version, sections),
    onMutate: () => setAttempt((n) => n + 1),
    onSuccess: (fresh) => {
      setSaved(true);
      queryClient.setQueryData(assessmentKeys.manual, fresh);
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const fields = fieldErrorsOf(error, t);
  const idOf = (field: string) => `manual-${field.replace(/\./g, '-')}`;
  const change = (i: number, section: ManualSection) => {
    setSaved(false);
    setSections((all) => all.map((s, j) => (j === i ? section : s)));
  };
  const move = (i: number, by: -1 | 1) =>
    setSections((all) => {
      const next = [...all];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">
        {manual.version === 0
          ? t('assessmentManual.defaultVersion')
          : t('assessmentManual.version', {
              version: manual.version,
              name: manual.updatedBy ?? '',
              date: manual.updatedAt ? format.date(manual.updatedAt) : '',
            })}
      </p>
      <ErrorSummary
        message={error ? problemText(error) : undefined}
        items={Object.entries(fields).map(([field, message]) => ({ fieldId: idOf(field), message }))}
        focusKey={attempt}
      />
      {saved ? <Alert tone="success">{t('assessmentManual.saved', { version: manual.version })}</Alert> : null}
      {sections.map((s, i) => {
        const f = (path: string) => fields[`sections.${i}.${path}`];
        const id = (path: string) => idOf(`sections.${i}.${path}`);
        return (
          <fieldset key={s.key} className="panel">
            <legend>{t('assessmentManual.section', { number: i + 1, title: s.title.sv })}</legend>
            <TextField
              id={id('title.sv')}
              label={t('assessmentManual.titleSv')}
              value={s.title.sv}
              onChange={(v) => change(i, { ...s, title: { ...s.title, sv: v } })}
              error={f('title.sv')}
              required
            />
            <TextField
              id={id('title.en')}
              label={t('assessmentManual.titleEn')}
              value={s.title.en}
              onChange={(v) => change(i, { ...s, title: { ...s.title, en: v } })}
              error={f('title.en')}
            />
            <SelectField
              id={id('category')}
              label={t('assessmentManual.category')}
              hint={t('assessmentManual.categoryHint')}
              value={s.category}
              options={CONSENT_CATEGORIES.map((value) => ({ value, label: t(`consent.categories.${value}`) }))}
              onChange={(v) => change(i, { ...s, category: v })}
              error={f('category')}
            />
            {s.questions.map((q, j) => (
              <div key={q.key} className="panel">
                <FormField
                  id={id(`questions.${j}.text.sv`)}
                  label={t('assessmentManual.questionSv', { number: j + 1 })}
                  error={f(`questions.${j}.text.sv`) ?? f(`questions.${j}.key`)}
                  required
                >
                  {(control) => (
                    <textarea
                      {...control}
                      rows={2}
                      value={q.text.sv}
                      onChange={(e) =>
                        change(i, {
                          ...s,
                          questions: s.questions.map((x, k) =>
                            k === j ? { ...x, text: { ...x.text, sv: e.target.value } } : x,
                          ),
                        })
                      }
                    />
                  )}
                </FormField>
                <FormField
                  id={id(`questions.${j}.text.en`)}
                  label={t('assessmentManual.questionEn', { number: j + 1 })}
                  error={f(`questions.${j}.text.en`)}
                >
                  {(control) => (
                    <textarea
                      {...control}
                      rows={2}
                      value={q.text.en}
                      onChange={(e) =>
                        change(i, {
                          ...s,
                          questions: s.questions.map((x, k) =>
                            k === j ? { ...x, text: { ...x.text, en: e.target.value } } : x,
                          ),
                        })
                      }
                    />
                  )}
                </FormField>
                {s.questions.length > 1 ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => change(i, { ...s, questions: s.questions.filter((_, k) => k !== j) })}
                  >
                    {t('assessmentManual.removeQuestion', { number: j + 1 })}
                  </button>
                ) : null}
              </div>
            ))}
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  change(i, { ...s, questions: [...s.questions, { key: newKey('q'), text: { sv: '', en: '' } }] })
                }
              >
                {t('assessmentManual.addQuestion')}
              </button>
              {i > 0 ? (
                <button type="button" className="button button--secondary" onClick={() => move(i, -1)}>
                  {t('assessmentManual.moveUp')}
                </button>
              ) : null}
              {i < sections.length - 1 ? (
                <button type="button" className="button button--secondary" onClick={() => move(i, 1)}>
                  {t('assessmentManual.moveDown')}
                </button>
              ) : null}
              {sections.length > 1 ? (
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => setSections((all) => all.filter((_, k) => k !== i))}
                >
                  {t('assessmentManual.removeSection')}
                </button>
              ) : null}
            </div>
          </fieldset>
        );
      })}
      <FormActions submit={t('assessmentManual.save')} busy={save.isPending}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setSections((all) => [
              ...all,
              {
                key: newKey('s'),
                category: 'assessment_plan',
                title: { sv: '', en: '' },
                questions: [{ key: newKey('q'), text: { sv: '', en: '' } }],
              },
            ])
          }
        >
          {t('assessmentManual.addSection')}
        </button>
      </FormActions>
    </form>
  );
}
