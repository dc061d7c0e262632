/**
 * The municipal settings of emergency access (administrators): how long it lasts, the daily limit, and who may use
 * it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMERGENCY_ROLES, type EmergencyRole } from '../../../core/emergency.js';
import { accessReviewApi } from '../../api/consentEndpoints.js';
import { staffApi } from '../../api/endpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { settingsKeys } from '../../api/queryKeys.js';
import { Alert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { unitKeys } from '../admin/units-api.js';

/** The settings panel. */
export function EmergencyHoursForm() {
  const { t } = useTranslation();
  const messages = useMessages();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: settingsKeys.access, queryFn: () => accessReviewApi.settings() });
  const units = useQuery({ queryKey: unitKeys.all, queryFn: () => staffApi.units() });
  const [hours, setHours] = useState('');
  const [limit, setLimit] = useState('');
  const [roles, setRoles] = useState<EmergencyRole[]>([]);
  /** null: the KAA's own units. */
  const [unitIds, setUnitIds] = useState<string[] | null>(null);
  const action = useAction();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setHours(String(settings.data.emergencyAccessHours));
    setLimit(String(settings.data.emergencyDailyLimit));
    setRoles(settings.data.emergencyRoles);
    setUnitIds(settings.data.emergencyUnitIds);
  }, [settings.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const ok = await action.run(() =>
      accessReviewApi.saveSettings({
        emergencyAccessHours: Number(hours),
        emergencyDailyLimit: Number(limit),
        emergencyRoles: roles,
        emergencyUnitIds: unitIds,
      }),
    );
    setSaved(ok);
    if (ok) await queryClient.invalidateQueries({ queryKey: settingsKeys.access });
  }
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const { error } = action;
  const fields = messages.fields({}, error);
  const general =
    error && !fields.emergencyAccessHours && !fields.emergencyDailyLimit ? messages.text(error) : undefined;
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('accessReview.settings')}</h2>
      <form onSubmit={submit} noValidate>
        {saved ? <Alert tone="success">{t('accessReview.settingsSaved')}</Alert> : null}
        {general ? <Alert tone="error">{general}</Alert> : null}
        <TextField
          id="settings-hours"
          label={t('accessReview.hours')}
          hint={t('accessReview.hoursHint')}
          inputMode="numeric"
          value={hours}
          onChange={setHours}
          error={fields.emergencyAccessHours}
        />
        <TextField
          id="settings-limit"
          label={t('emergencySettings.limit')}
          hint={t('emergencySettings.limitHint')}
          inputMode="numeric"
          value={limit}
          onChange={setLimit}
          error={fields.emergencyDailyLimit}
        />
        <fieldset className="field">
          <legend>{t('emergencySettings.roles')}</legend>
          {EMERGENCY_ROLES.map((role) => (
            <div className="field checkbox" key={role}>
              <input
                id={`settings-role-${role}`}
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) => setRoles(toggle(roles, role, e.target.checked))}
              />
              <label htmlFor={`settings-role-${role}`}>{t(`roles.${role}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('emergencySettings.units')}</legend>
          <div className="field checkbox">
            <input
              id="settings-units-kaa"
              type="checkbox"
              checked={unitIds === null}
              onChange={(e) =>
                setUnitIds(e.target.checked ? null : (units.data ?? []).filter((u) => u.kaa).map((u) => u.id))
              }
              aria-describedby="settings-units-kaa-hint"
            />
            <label htmlFor="settings-units-kaa">{t('emergencySettings.kaaUnits')}</label>
            <p className="field__hint" id="settings-units-kaa-hint">
              {t('emergencySettings.kaaUnitsHint')}
            </p>
          </div>
          {unitIds === null
            ? null
            : (units.data ?? []).map((unit) => (
                <div className="field checkbox" key={unit.id}>
                  <input
                    id={`settings-unit-${unit.id}`}
                    type="checkbox"
                    checked={unitIds.includes(unit.id)}
                    onChange={(e) => setUnitIds(toggle(unitIds, unit.id, e.target.checked))}
                  />
                  <label htmlFor={`settings-unit-${unit.id}`}>{unit.name}</label>
                </div>
              ))}
        </fieldset>
        <FormActions submit={t('accessReview.saveSettings')} busy={action.busy} />
      </form>
    </section>
  );
}
