/**
 * /settings/figures: coordinators set the municipality's figure settings: the target of studies or
 * work within N months, the follow-up points after closure, the cost of one young person lost to
 * society and the caseload a contact person can hold. Saved with the version read (409 if changed since).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { figureSettingsBody } from '../../../core/report-schemas.js';
import { figureSettingsApi } from '../../api/figureEndpoints.js';
import { settingsKeys } from '../../api/queryKeys.js';
import { problemOf } from '../../api/query-client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { NumberField } from '../../components/NumberField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSettingsForm } from '../../hooks/useSettingsForm.js';
import { FollowUpMonthsField } from '../outcomes/FollowUpMonthsField.js';

/** The page. */
export function FigureSettingsPage() {
  const { t } = useTranslation();
  const form = useSettingsForm({
    queryKey: settingsKeys.figures,
    load: () => figureSettingsApi.get(),
    schema: figureSettingsBody,
    save: ({ settings, version }) => figureSettingsApi.save(settings, version),
    // The follow-up points feed the outreach settings page, the targets and costs the figures.
    invalidates: [settingsKeys.outreach, ['figures']],
  });
  const { loaded, values, set, errors } = form;
  if (loaded.error) return <ProblemAlert error={problemOf(loaded.error)} />;
  if (!loaded.data || !values) return <Loading />;

  // Each field the API or the schema may name: its element and label, so the summary links to it.
  const fields: Record<string, { id: string; label: string }> = {
    'settings.targetMonths': { id: 'figure-target-months', label: t('figureSettings.target.months') },
    'settings.targetShare': { id: 'figure-target-share', label: t('figureSettings.target.share') },
    'settings.followUpMonths': { id: 'settings-follow-up-months', label: t('outcomes.followUpMonths') },
    'settings.lostYoungPersonCost': { id: 'figure-lost-cost', label: t('figureSettings.lostYoungPersonCost') },
    'settings.caseloadCapacity': { id: 'figure-caseload', label: t('figureSettings.caseloadCapacity') },
  };
  return (
    <>
      <PageHeading title={t('figureSettings.title')} />
      <p className="lead">{t('figureSettings.intro')}</p>
      <p>
        <Link to="/figures">{t('figureSettings.back')}</Link>
      </p>
      <form onSubmit={form.submit} noValidate>
        {form.saved ? <Alert tone="success">{t('figureSettings.saved')}</Alert> : null}
        <ErrorSummary
          message={form.problem}
          focusKey={form.attempt}
          items={Object.entries(errors).map(([field, message]) => ({
            fieldId: fields[field]?.id,
            label: fields[field]?.label,
            message,
          }))}
        >
          {form.conflict ? (
            <button type="button" className="button button--secondary" onClick={() => void form.reload()}>
              {t('common.reload')}
            </button>
          ) : null}
        </ErrorSummary>
        <fieldset>
          <legend>{t('figureSettings.target.legend')}</legend>
          <div className="field-row">
            <NumberField
              id="figure-target-months"
              label={t('figureSettings.target.months')}
              value={values.targetMonths}
              onChange={(n) => set({ targetMonths: n })}
              error={errors['settings.targetMonths']}
              min={1}
              max={36}
            />
            {/* Typed in per cent, kept as a fraction. */}
            <NumberField
              id="figure-target-share"
              label={t('figureSettings.target.share')}
              value={Math.round(values.targetShare * 1000) / 10}
              onChange={(n) => set({ targetShare: n / 100 })}
              error={errors['settings.targetShare']}
              min={0}
              max={100}
            />
          </div>
        </fieldset>
        <FollowUpMonthsField
          value={values.followUpMonths}
          onChange={(followUpMonths) => set({ followUpMonths })}
          error={errors['settings.followUpMonths']}
        />
        <NumberField
          id="figure-lost-cost"
          label={t('figureSettings.lostYoungPersonCost')}
          hint={t('figureSettings.lostYoungPersonCostHint')}
          value={values.lostYoungPersonCost}
          onChange={(n) => set({ lostYoungPersonCost: n })}
          error={errors['settings.lostYoungPersonCost']}
          min={0}
          max={1_000_000_000}
        />
        <NumberField
          id="figure-caseload"
          label={t('figureSettings.caseloadCapacity')}
          hint={t('figureSettings.caseloadCapacityHint')}
          value={values.caseloadCapacity}
          onChange={(n) => set({ caseloadCapacity: n })}
          error={errors['settings.caseloadCapacity']}
          min={1}
          max={1000}
        />
        <FormActions submit={t('figureSettings.save')} busy={form.busy} />
      </form>
    </>
  );
}
