/** The fields of the notification form: student, school, what happened and when, and a message. */
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../core/register-schemas.js';
import { NOTIFICATION_KINDS } from '../../../core/register.js';
import { FormField, TextField } from '../../components/FormField.js';

/** What the form edits, as strings. */
export type NotificationValues = {
  personalIdentityNumber: string;
  schoolUnitCode: string;
  schoolUnitName: string;
  kind: Notification['kind'];
  date: string;
  message: string;
};

type Props = {
  values: NotificationValues;
  errors: Record<string, string>;
  onChange: (patch: Partial<NotificationValues>) => void;
};

/** The fields; element ids are "notification-<field>", as the error summary links them. */
export function NotificationFields({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const text = (
    field: 'personalIdentityNumber' | 'schoolUnitCode' | 'schoolUnitName',
    extra: { required?: boolean; hint?: string; inputMode?: 'numeric' } = {},
  ) => (
    <TextField
      id={`notification-${field}`}
      label={t(`notifications.form.${field}`)}
      value={values[field]}
      onChange={(value) => onChange({ [field]: value })}
      error={errors[field]}
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <>
      <fieldset>
        <legend>{t('notifications.form.student')}</legend>
        {text('personalIdentityNumber', {
          required: true,
          hint: t('notifications.form.personalIdentityNumberHint'),
          inputMode: 'numeric',
        })}
      </fieldset>
      <fieldset>
        <legend>{t('notifications.form.school')}</legend>
        <div className="field-row">
          {text('schoolUnitCode', {
            required: true,
            hint: t('notifications.form.schoolUnitCodeHint'),
            inputMode: 'numeric',
          })}
          {text('schoolUnitName')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('notifications.form.what')}</legend>
        <FormField id="notification-kind" label={t('notifications.form.kind')} error={errors.kind} required>
          {(control) => (
            <select
              {...control}
              value={values.kind}
              onChange={(e) => onChange({ kind: e.target.value as Notification['kind'] })}
            >
              {NOTIFICATION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`notifications.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TextField
          id="notification-date"
          type="date"
          label={t('notifications.form.date')}
          hint={t('notifications.form.dateHint')}
          value={values.date}
          onChange={(date) => onChange({ date })}
          error={errors.date}
          required
        />
        <FormField
          id="notification-message"
          label={t('notifications.form.message')}
          hint={t('notifications.form.messageHint')}
          error={errors.message}
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={4000}
              value={values.message}
              onChange={(e) => onChange({ message: e.target.value })}
            />
          )}
        </FormField>
      </fieldset>
    </>
  );
}
