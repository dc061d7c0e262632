/**
 * /settings/outreach: coordinators set the municipality's ladder, waits, overdue days, notice days,
 * occupation validity, phone and return address, and its centres.
 */
import { useTranslation } from 'react-i18next';
import { OCCUPATION_CODE_LIST } from '../../../core/outreach.js';
import { outreachSettingsBody } from '../../../core/outreach-schemas.js';
import { outreachApi } from '../../api/outreachEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { settingsKeys } from '../../api/queryKeys.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { NumberField } from '../../components/NumberField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSettingsForm } from '../../hooks/useSettingsForm.js';
import { FollowUpMonthsField } from '../outcomes/FollowUpMonthsField.js';
import { CentresPanel } from './CentresPanel.js';
import { LadderFieldset } from './LadderFieldset.js';

/** The settings page. */
export function OutreachSettingsPage() {
  const { t } = useTranslation();
  const form = useSettingsForm({
    queryKey: settingsKeys.outreach,
    load: () => outreachApi.settings(),
    schema: outreachSettingsBody,
    save: ({ settings, version }) => outreachApi.saveSettings(settings, version),
  });
  const { loaded, values: settings, set, errors } = form;
  if (loaded.error) return <ProblemAlert error={problemOf(loaded.error)} />;
  if (!loaded.data || !settings) return <Loading />;

  // Each field the API may name: its element and label, so the summary links to it.
  const fields: Record<string, { id: string; label: string }> = {
    'settings.overdueDays': { id: 'settings-overdue', label: t('outreachSettings.overdueDays') },
    'settings.homeVisitNoticeDays': { id: 'settings-notice', label: t('outreachSettings.noticeDays') },
    'settings.planMissingDays': { id: 'settings-plan-missing', label: t('outreachSettings.planMissingDays') },
    'settings.contactPhone': { id: 'settings-phone', label: t('outreachSettings.contactPhone') },
    'settings.returnAddress': { id: 'settings-return', label: t('outreachSettings.returnAddress') },
    ...Object.fromEntries(
      OCCUPATION_CODE_LIST.codes.map((code) => [
        `settings.occupationValidityDays.${code}`,
        { id: `settings-validity-${code}`, label: t(`contact.occupations.${code}`) },
      ]),
    ),
  };
  return (
    <>
      <PageHeading title={t('outreachSettings.title')} />
      <p className="lead">{t('outreachSettings.intro')}</p>
      <form onSubmit={form.submit} noValidate>
        {form.saved ? <Alert tone="success">{t('outreachSettings.saved')}</Alert> : null}
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
        <div className="field-row">
          <NumberField
            id="settings-overdue"
            label={t('outreachSettings.overdueDays')}
            value={settings.overdueDays}
            onChange={(n) => set({ overdueDays: n })}
            error={errors['settings.overdueDays']}
          />
          <NumberField
            id="settings-notice"
            label={t('outreachSettings.noticeDays')}
            value={settings.homeVisitNoticeDays}
            onChange={(n) => set({ homeVisitNoticeDays: n })}
            error={errors['settings.homeVisitNoticeDays']}
          />
          <NumberField
            id="settings-plan-missing"
            label={t('outreachSettings.planMissingDays')}
            value={settings.planMissingDays}
            onChange={(n) => set({ planMissingDays: n })}
            error={errors['settings.planMissingDays']}
          />
        </div>
        <FollowUpMonthsField
          value={settings.followUpMonths ?? []}
          onChange={(followUpMonths) => set({ followUpMonths })}
          error={errors['settings.followUpMonths']}
        />
        <TextField
          id="settings-phone"
          type="tel"
          label={t('outreachSettings.contactPhone')}
          value={settings.contactPhone}
          onChange={(v) => set({ contactPhone: v })}
          error={errors['settings.contactPhone']}
        />
        <TextField
          id="settings-return"
          label={t('outreachSettings.returnAddress')}
          hint={t('outreachSettings.returnAddressHint')}
          value={settings.returnAddress}
          onChange={(v) => set({ returnAddress: v })}
          error={errors['settings.returnAddress']}
        />
        <LadderFieldset
          ladder={settings.ladder}
          onChange={(ladder) => set({ ladder })}
          error={errors['settings.ladder']}
        />
        <fieldset>
          <legend>{t('outreachSettings.validity.legend')}</legend>
          <p className="field__hint">
            {t('outreachSettings.codeList', { version: loaded.data.occupationListVersion })}
          </p>
          <div className="field-row field-row--four">
            {OCCUPATION_CODE_LIST.codes.map((code) => (
              <NumberField
                key={code}
                id={`settings-validity-${code}`}
                label={t(`contact.occupations.${code}`)}
                value={settings.occupationValidityDays[code]}
                onChange={(n) => set({ occupationValidityDays: { ...settings.occupationValidityDays, [code]: n } })}
                error={errors[`settings.occupationValidityDays.${code}`]}
              />
            ))}
          </div>
        </fieldset>
        <FormActions submit={t('outreachSettings.save')} busy={form.busy} />
      </form>
      <CentresPanel />
    </>
  );
}
