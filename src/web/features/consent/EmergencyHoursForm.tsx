/** The municipal setting of how many hours an emergency access lasts (administrators). */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accessReviewApi } from '../../api/consentEndpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { Alert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { useLoad } from '../../hooks/useLoad.js';

/** The settings panel. */
export function EmergencyHoursForm() {
  const { t } = useTranslation();
  const messages = useMessages();
  const settings = useLoad(() => accessReviewApi.settings(), []);
  const [hours, setHours] = useState('');
  const action = useAction();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setHours(String(settings.data.emergencyAccessHours));
  }, [settings.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setSaved(await action.run(() => accessReviewApi.saveSettings(Number(hours))));
  }
  const { error } = action;
  const fields = messages.fields({}, error);
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('accessReview.settings')}</h2>
      <form onSubmit={submit} noValidate>
        {saved ? <Alert tone="success">{t('accessReview.settingsSaved')}</Alert> : null}
        <TextField id="settings-hours" label={t('accessReview.hours')} hint={t('accessReview.hoursHint')} inputMode="numeric" value={hours} onChange={setHours} error={fields.emergencyAccessHours ?? (error && !fields.emergencyAccessHours ? messages.text(error) : undefined)} />
        <FormActions submit={t('accessReview.saveSettings')} busy={action.busy} />
      </form>
    </section>
  );
}
