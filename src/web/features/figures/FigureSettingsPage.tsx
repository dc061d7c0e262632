/**
 * /settings/figures: coordinators set the municipality's figure settings: the target of studies or
 * work within N months, the follow-up points after closure, the cost of one young person lost to
 * society and the caseload a contact person can hold. Saved with the version read (409 if changed since).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { figureSettingsApi, type FigureSettingsView } from '../../api/figureEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf, useFieldErrors } from '../contact/useFieldErrors.js';
import { FollowUpMonthsField } from '../outcomes/FollowUpMonthsField.js';

const KEY = ['settings', 'figures'] as const;
type Values = FigureSettingsView['settings'];

/** A whole-number input (the share is typed in per cent and kept as a fraction). */
function NumberField(props: {
  id: string;
  label: string;
  hint?: string;
  value: number;
  onChange: (n: number) => void;
  error?: string;
  min: number;
  max: number;
}) {
  return (
    <FormField id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          className="input--short"
          value={Number.isNaN(props.value) ? '' : props.value}
          onChange={(e) => props.onChange(e.target.valueAsNumber)}
        />
      )}
    </FormField>
  );
}

/** The page. */
export function FigureSettingsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: KEY, queryFn: () => figureSettingsApi.get() });
  const [values, setValues] = useState<Values | null>(null);
  const [saved, setSaved] = useState(false);
  const { error, run, busy } = useAction();
  const problem = apiErrorOf(error);
  const fieldErrors = useFieldErrors(problem);
  useEffect(() => setValues(loaded.data?.settings ?? null), [loaded.data]);
  if (loaded.error) return <ProblemAlert error={problemOf(loaded.error)} />;
  if (!loaded.data || !values) return <Loading />;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: KEY });
    await queryClient.invalidateQueries({ queryKey: ['settings', 'outreach'] });
    await queryClient.invalidateQueries({ queryKey: ['figures'] });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!(await run(() => figureSettingsApi.save(values!, loaded.data!.version)))) return;
    setSaved(true);
    await reload();
  }

  return (
    <>
      <PageHeading title={t('figureSettings.title')} />
      <p className="lead">{t('figureSettings.intro')}</p>
      <p>
        <Link to="/figures">{t('figureSettings.back')}</Link>
      </p>
      <form onSubmit={submit} noValidate>
        {saved ? <Alert tone="success">{t('figureSettings.saved')}</Alert> : null}
        <ProblemAlert error={problem}>
          {problem?.code === 'version_conflict' ? (
            <button type="button" className="button button--secondary" onClick={() => void reload()}>
              {t('common.reload')}
            </button>
          ) : null}
        </ProblemAlert>
        <fieldset>
          <legend>{t('figureSettings.target.legend')}</legend>
          <div className="field-row">
            <NumberField
              id="figure-target-months"
              label={t('figureSettings.target.months')}
              value={values.targetMonths}
              onChange={(n) => set({ targetMonths: n })}
              error={fieldErrors['settings.targetMonths']}
              min={1}
              max={36}
            />
            <NumberField
              id="figure-target-share"
              label={t('figureSettings.target.share')}
              value={Math.round(values.targetShare * 1000) / 10}
              onChange={(n) => set({ targetShare: n / 100 })}
              error={fieldErrors['settings.targetShare']}
              min={0}
              max={100}
            />
          </div>
        </fieldset>
        <FollowUpMonthsField
          value={values.followUpMonths}
          onChange={(followUpMonths) => set({ followUpMonths })}
          error={fieldErrors['settings.followUpMonths']}
        />
        <NumberField
          id="figure-lost-cost"
          label={t('figureSettings.lostYoungPersonCost')}
          hint={t('figureSettings.lostYoungPersonCostHint')}
          value={values.lostYoungPersonCost}
          onChange={(n) => set({ lostYoungPersonCost: n })}
          error={fieldErrors['settings.lostYoungPersonCost']}
          min={0}
          max={1_000_000_000}
        />
        <NumberField
          id="figure-caseload"
          label={t('figureSettings.caseloadCapacity')}
          hint={t('figureSettings.caseloadCapacityHint')}
          value={values.caseloadCapacity}
          onChange={(n) => set({ caseloadCapacity: n })}
          error={fieldErrors['settings.caseloadCapacity']}
          min={1}
          max={1000}
        />
        <FormActions submit={t('figureSettings.save')} busy={busy} />
      </form>
    </>
  );
}
