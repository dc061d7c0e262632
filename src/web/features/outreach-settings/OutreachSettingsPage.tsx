/**
 * /settings/outreach: coordinators set the municipality's ladder, waits, overdue days, notice days,
 * occupation validity, phone and return address, and its centres.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OCCUPATION_CODE_LIST, type OutreachSettings } from '../../../core/outreach.js';
import { outreachApi } from '../../api/outreachEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { settingsKeys } from '../../api/queryKeys.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { FormField, TextField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf, useFieldErrors } from '../contact/useFieldErrors.js';
import { CentresPanel } from './CentresPanel.js';
import { LadderFieldset } from './LadderFieldset.js';
import { FormActions } from '../../components/FormActions.js';
import { FollowUpMonthsField } from '../outcomes/FollowUpMonthsField.js';

/** A whole-number input bound to a settings field. */
function DaysField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (n: number) => void;
  error?: string;
}) {
  return (
    <FormField id={id} label={label} error={error}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={0}
          className="input--short"
          value={Number.isNaN(value) ? '' : value}
          onChange={(e) => onChange(e.target.valueAsNumber)}
        />
      )}
    </FormField>
  );
}

/** The settings page. */
export function OutreachSettingsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: settingsKeys.outreach, queryFn: () => outreachApi.settings() });
  const reload = () => queryClient.invalidateQueries({ queryKey: settingsKeys.outreach });
  const [settings, setSettings] = useState<OutreachSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const { error, run } = useAction();
  const problem = apiErrorOf(error);
  const fieldErrors = useFieldErrors(problem);
  useEffect(() => setSettings(loaded.data?.settings ?? null), [loaded.data]);
  if (loaded.error) return <ProblemAlert error={problemOf(loaded.error)} />;
  if (!loaded.data || !settings) return <Loading />;
  const set = (patch: Partial<OutreachSettings>) => setSettings({ ...settings, ...patch });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!(await run(() => outreachApi.saveSettings(settings!, loaded.data!.version)))) return;
    setSaved(true);
    await reload();
  }

  return (
    <>
      <PageHeading title={t('outreachSettings.title')} />
      <p className="lead">{t('outreachSettings.intro')}</p>
      <form onSubmit={submit} noValidate>
        {saved ? <Alert tone="success">{t('outreachSettings.saved')}</Alert> : null}
        <ProblemAlert error={problem}>
          {problem?.code === 'version_conflict' ? (
            <button type="button" className="button button--secondary" onClick={() => void reload()}>
              {t('common.reload')}
            </button>
          ) : null}
        </ProblemAlert>
        <div className="field-row">
          <DaysField
            id="settings-overdue"
            label={t('outreachSettings.overdueDays')}
            value={settings.overdueDays}
            onChange={(n) => set({ overdueDays: n })}
            error={fieldErrors['settings.overdueDays']}
          />
          <DaysField
            id="settings-notice"
            label={t('outreachSettings.noticeDays')}
            value={settings.homeVisitNoticeDays}
            onChange={(n) => set({ homeVisitNoticeDays: n })}
            error={fieldErrors['settings.homeVisitNoticeDays']}
          />
          <DaysField
            id="settings-plan-missing"
            label={t('outreachSettings.planMissingDays')}
            value={settings.planMissingDays}
            onChange={(n) => set({ planMissingDays: n })}
            error={fieldErrors['settings.planMissingDays']}
          />
        </div>
        <FollowUpMonthsField
          value={settings.followUpMonths ?? []}
          onChange={(followUpMonths) => set({ followUpMonths })}
          error={fieldErrors['settings.followUpMonths']}
        />
        <TextField
          id="settings-phone"
          type="tel"
          label={t('outreachSettings.contactPhone')}
          value={settings.contactPhone}
          onChange={(v) => set({ contactPhone: v })}
          error={fieldErrors['settings.contactPhone']}
        />
        <TextField
          id="settings-return"
          label={t('outreachSettings.returnAddress')}
          hint={t('outreachSettings.returnAddressHint')}
          value={settings.returnAddress}
          onChange={(v) => set({ returnAddress: v })}
          error={fieldErrors['settings.returnAddress']}
        />
        <LadderFieldset
          ladder={settings.ladder}
          onChange={(ladder) => set({ ladder })}
          error={fieldErrors['settings.ladder']}
        />
        <fieldset>
          <legend>{t('outreachSettings.validity.legend')}</legend>
          <p className="field__hint">
            {t('outreachSettings.codeList', { version: loaded.data.occupationListVersion })}
          </p>
          <div className="field-row field-row--four">
            {OCCUPATION_CODE_LIST.codes.map((code) => (
              <DaysField
                key={code}
                id={`settings-validity-${code}`}
                label={t(`contact.occupations.${code}`)}
                value={settings.occupationValidityDays[code]}
                onChange={(n) => set({ occupationValidityDays: { ...settings.occupationValidityDays, [code]: n } })}
                error={fieldErrors[`settings.occupationValidityDays.${code}`]}
              />
            ))}
          </div>
        </fieldset>
        <FormActions submit={t('outreachSettings.save')} />
      </form>
      <CentresPanel />
    </>
  );
}
