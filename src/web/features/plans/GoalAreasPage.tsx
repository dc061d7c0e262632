/**
 * /settings/goal-areas: coordinators keep the municipality's list of goal areas for action plans
 * (Lotsa's default from the seeds until they save their own): names in Swedish and English, order,
 * and whether new goals may use an area. Areas are never deleted, since goals keep their code.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { goalAreaCode } from '../../../core/plan.js';
import type { GoalAreasResponse } from '../../../core/plan-schemas.js';
import { ApiError } from '../../api/client.js';
import { fieldErrorsOf } from '../../api/fieldErrors.js';
import { goalAreasApi } from '../../api/planEndpoints.js';
import { Alert, Loading, ProblemAlert, useProblemText } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';

const KEY = ['plan-goal-areas'];

/** An area as the form holds it; a new one has no code until it is saved. */
type Row = { key: string; code: string | null; sv: string; en: string; active: boolean };

/** The goal areas page. */
export function GoalAreasPage() {
  const { t } = useTranslation();
  const areas = useQuery({ queryKey: KEY, queryFn: goalAreasApi.get });
  const error = areas.error instanceof ApiError ? areas.error : null;
  return (
    <>
      <PageHeading title={t('goalAreaSettings.title')} />
      <p>{t('goalAreaSettings.intro')}</p>
      <ProblemAlert error={error} />
      {areas.data ? <GoalAreasForm list={areas.data} /> : error ? null : <Loading />}
    </>
  );
}

const rowsOf = (list: GoalAreasResponse): Row[] => list.areas.map((a) => ({ key: a.code, ...a }));

function GoalAreasForm({ list }: { list: GoalAreasResponse }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(list));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const taken: string[] = rows.flatMap((r) => (r.code ? [r.code] : []));
      const areas = rows.map((r) => {
        const code = r.code ?? goalAreaCode(r.sv, taken);
        if (!r.code) taken.push(code);
        return { code, sv: r.sv.trim(), en: r.en.trim() || r.sv.trim(), active: r.active };
      });
      return goalAreasApi.save({ areas });
    },
    onSuccess: async (fresh) => {
      setSaved(true);
      setRows(rowsOf(fresh));
      queryClient.setQueryData(KEY, fresh);
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const fields = { ...fieldErrorsOf(error, t), ...local };
  const idOf = (i: number, field: string) => `goal-areas-${i}-${field}`;
  const nameOf = (r: Row) => r.sv.trim() || t('goalAreaSettings.unnamed');
  const change = (i: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const move = (i: number, by: -1 | 1) =>
    setRows((all) => {
      const next = [...all];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setSaved(false);
    const required = t('goalAreaSettings.nameRequired');
    const unnamed = rows.flatMap((r, i) => (r.sv.trim() ? [] : [[`areas.${i}.sv`, required]]));
    const missing = Object.fromEntries(unnamed);
    setLocal(missing);
    if (Object.keys(missing).length === 0) save.mutate();
  };
  // An area's code is made from its Swedish name, so a refused code points at that field.
  const fieldId = (field: string) =>
    `goal-areas-${field.replace(/^areas\./, '').replace(/\.code$/, '.sv')}`.replace(/\./g, '-');
  const summary = Object.entries(fields).map(([field, message]) => ({ fieldId: fieldId(field), message }));

  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">
        {list.isDefault
          ? t('goalAreaSettings.defaultList', { version: list.codeListVersion })
          : t('goalAreaSettings.ownList')}
      </p>
      <ErrorSummary message={error ? problemText(error) : undefined} items={summary} focusKey={attempt} />
      {saved ? <Alert tone="success">{t('goalAreaSettings.saved')}</Alert> : null}
      {rows.map((r, i) => (
        <fieldset key={r.key} className="panel">
          <legend>
            {t('goalAreaSettings.area', { number: i + 1, name: nameOf(r) })}
            {r.active ? null : <span className="muted"> ({t('goalAreaSettings.inactive')})</span>}
          </legend>
          {r.code ? <p className="muted small">{t('goalAreaSettings.code', { code: r.code })}</p> : null}
          <div className="field-row">
            <TextField
              id={idOf(i, 'sv')}
              label={t('goalAreaSettings.nameSv')}
              value={r.sv}
              onChange={(v) => change(i, { sv: v })}
              error={fields[`areas.${i}.sv`] ?? fields[`areas.${i}.code`]}
              required
            />
            <TextField
              id={idOf(i, 'en')}
              label={t('goalAreaSettings.nameEn')}
              value={r.en}
              onChange={(v) => change(i, { en: v })}
              error={fields[`areas.${i}.en`]}
            />
          </div>
          <div className="field checkbox">
            <input
              id={idOf(i, 'active')}
              type="checkbox"
              checked={r.active}
              onChange={(e) => change(i, { active: e.target.checked })}
            />
            <label htmlFor={idOf(i, 'active')}>{t('goalAreaSettings.active')}</label>
          </div>
          <div className="form-actions">
            {i > 0 ? (
              <button type="button" className="button button--secondary" onClick={() => move(i, -1)}>
                {t('goalAreaSettings.moveUp', { name: nameOf(r) })}
              </button>
            ) : null}
            {i < rows.length - 1 ? (
              <button type="button" className="button button--secondary" onClick={() => move(i, 1)}>
                {t('goalAreaSettings.moveDown', { name: nameOf(r) })}
              </button>
            ) : null}
            {r.code ? null : (
              <button
                type="button"
                className="button button--danger"
                onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
              >
                {t('goalAreaSettings.remove', { name: nameOf(r) })}
              </button>
            )}
          </div>
        </fieldset>
      ))}
      <FormActions submit={t('goalAreaSettings.save')} busy={save.isPending}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const added: Row = { key: `new-${Date.now()}-${rows.length}`, code: null, sv: '', en: '', active: true };
            setRows((all) => [...all, added]);
            setTimeout(() => document.getElementById(idOf(rows.length, 'sv'))?.focus());
          }}
        >
          {t('goalAreaSettings.add')}
        </button>
      </FormActions>
    </form>
  );
}
