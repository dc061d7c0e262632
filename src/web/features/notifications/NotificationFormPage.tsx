/**
 * /notifications/new: a school notifies the student's home municipality of a dropout, significant
 * absence or change of programme (skollagen 15 kap. 15 §). Field errors come from the API.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { messageOf, useMessages, type FieldMessages, type Message } from '../../api/fieldErrors.js';
import { notificationsApi, type NotificationInput } from '../../api/registerEndpoints.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { todayIso } from '../../i18n/format.js';
import { NotificationFields, type NotificationValues } from './NotificationFields.js';
import { FormActions } from '../../components/FormActions.js';

const REQUIRED = ['personalIdentityNumber', 'schoolUnitCode', 'date'] as const;

/** The notification form page; on success the user sees their list with a confirmation. */
export function NotificationFormPage() {
  const { t } = useTranslation();
  const messages = useMessages();
  const navigate = useNavigate();
  const [values, setValues] = useState<NotificationValues>(() => ({
    personalIdentityNumber: '',
    schoolUnitCode: '',
    schoolUnitName: '',
    kind: 'dropout',
    date: todayIso(),
    message: '',
  }));
  const [local, setLocal] = useState<FieldMessages>({});
  const [problem, setProblem] = useState<Message | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldMessages = {};
    for (const field of REQUIRED) if (!values[field].trim()) missing[field] = { key: 'fieldErrors.required' };
    setLocal(missing);
    setProblem(null);
    setAttempt((n) => n + 1);
    if (Object.keys(missing).length) return;
    setBusy(true);
    const body: NotificationInput = {
      personalIdentityNumber: values.personalIdentityNumber.trim(),
      schoolUnitCode: values.schoolUnitCode.trim(),
      schoolUnitName: values.schoolUnitName.trim() || null,
      kind: values.kind,
      date: values.date,
      message: values.message.trim() || null,
    };
    try {
      await notificationsApi.submit(body);
      navigate('/notifications', { state: { submitted: true } });
    } catch (err) {
      setProblem(messageOf(err));
      setBusy(false);
    }
  }

  const errors = messages.fields(local, problem);
  // The API names a wrong school unit code only "invalid"; say what is wanted instead.
  if (problem instanceof ApiError && problem.fields.some((f) => f.field === 'schoolUnitCode'))
    errors.schoolUnitCode = t('notifications.form.schoolUnitCodeInvalid');
  // A problem that is only about fields is said by the fields themselves.
  const overall = problem instanceof ApiError && problem.fields.length ? undefined : messages.text(problem);
  return (
    <>
      <PageHeading title={t('notifications.form.title')} />
      <p className="lead">{t('notifications.form.intro')}</p>
      <form onSubmit={submit} noValidate className="panel">
        <ErrorSummary
          message={overall}
          focusKey={attempt}
          items={Object.entries(errors).map(([field, message]) => ({
            fieldId: `notification-${field}`,
            label: t(`notifications.form.${field}`, { defaultValue: field }),
            message,
          }))}
        />
        <NotificationFields
          values={values}
          errors={errors}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        />
        <FormActions submit={t('notifications.form.submit')} busy={busy}>
          <Link to="/notifications" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </FormActions>
      </form>
    </>
  );
}
