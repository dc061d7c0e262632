/**
 * The person form used to create and to edit a person: identity, names, contact details,
 * protected identity and guardians. Errors from the API appear beside the fields and in a summary.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIdentityNumber } from '../../../core/personnummer.js';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/FormField.js';
import { GuardiansFieldset } from './GuardiansFieldset.js';
import { SignInCodeFieldset } from './SignInCodeFieldset.js';
import { fieldId, type PersonValues } from './personForm.js';
import { FormActions } from '../../components/FormActions.js';

type Props = {
  initial: PersonValues;
  mode: 'create' | 'edit';
  errors: Record<string, string>;
  problem?: string;
  /** Submit attempts so far; the error summary takes focus on each. */
  attempt: number;
  busy: boolean;
  /** Contact details hidden by protected identity: the form leaves them out. */
  contactDetailsHidden?: boolean;
  onSubmit: (values: PersonValues) => void;
  cancel: ReactNode;
};

const LABEL_KEYS: Record<string, string> = {
  personalIdentityNumber: 'persons.fields.personalIdentityNumber',
  givenName: 'persons.fields.givenName',
  familyName: 'persons.fields.familyName',
  streetAddress: 'persons.fields.streetAddress',
  postalCode: 'persons.fields.postalCode',
  city: 'persons.fields.city',
  phone: 'persons.fields.phone',
  email: 'persons.fields.email',
};

/** The form; the parent sends it and turns API errors into `errors`. */
export function PersonForm({
  initial,
  mode,
  errors,
  problem,
  attempt,
  busy,
  contactDetailsHidden,
  onSubmit,
  cancel,
}: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = (key: keyof PersonValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: keyof typeof LABEL_KEYS, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={fieldId(key)}
      label={t(LABEL_KEYS[key]!)}
      value={values[key as keyof PersonValues] as string}
      onChange={set(key as keyof PersonValues)}
      error={errors[key]}
      {...extra}
    />
  );

  const summary: SummaryItem[] = Object.entries(errors).map(([field, message]) => {
    const guardian = /^guardians\.(\d+)\.(\w+)$/.exec(field);
    const label = guardian
      ? t('persons.guardians.fieldLabel', { n: Number(guardian[1]) + 1, field: t(`persons.guardians.${guardian[2]}`) })
      : LABEL_KEYS[field]
        ? t(LABEL_KEYS[field]!)
        : field;
    return { fieldId: fieldId(field), label, message };
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <form onSubmit={submit} noValidate className="person-form">
      <ErrorSummary message={problem} items={summary} focusKey={attempt} />
      <fieldset>
        <legend>{t('persons.form.identity')}</legend>
        {mode === 'create' ? (
          text('personalIdentityNumber', {
            hint: t('persons.form.pnrHint'),
            required: true,
            inputMode: 'numeric',
            autoComplete: 'off',
          })
        ) : (
          <dl className="details">
            <dt>{t('persons.fields.personalIdentityNumber')}</dt>
            <dd className="nowrap">{formatIdentityNumber(values.personalIdentityNumber)}</dd>
          </dl>
        )}
        <div className="field-row">
          {text('givenName', { required: true, autoComplete: 'off' })}
          {text('familyName', { required: true, autoComplete: 'off' })}
        </div>
        <div className="field checkbox">
          <input
            id={fieldId('protectedIdentity')}
            type="checkbox"
            checked={values.protectedIdentity}
            aria-describedby="protected-hint"
            onChange={(e) => setValues((v) => ({ ...v, protectedIdentity: e.target.checked }))}
          />
          <label htmlFor={fieldId('protectedIdentity')}>{t('persons.fields.protectedIdentity')}</label>
          <p id="protected-hint" className="field__hint">
            {t('persons.form.protectedHint')}
          </p>
        </div>
      </fieldset>
      {contactDetailsHidden ? (
        <p className="notice notice--protected">{t('persons.protectedNotice')}</p>
      ) : (
        <>
          <fieldset>
            <legend>{t('persons.form.contact')}</legend>
            {text('streetAddress', { autoComplete: 'off' })}
            <div className="field-row">
              {text('postalCode', { inputMode: 'numeric', autoComplete: 'off' })}
              {text('city', { autoComplete: 'off' })}
            </div>
            <div className="field-row">
              {text('phone', { type: 'tel', autoComplete: 'off' })}
              {text('email', { type: 'email', autoComplete: 'off' })}
            </div>
          </fieldset>
          <SignInCodeFieldset values={values} onChange={(change) => setValues((v) => ({ ...v, ...change }))} />
          <GuardiansFieldset
            guardians={values.guardians}
            errors={errors}
            onChange={(guardians) => setValues((v) => ({ ...v, guardians }))}
          />
        </>
      )}
      <FormActions submit={mode === 'create' ? t('persons.form.create') : t('persons.form.save')} busy={busy}>
        {cancel}
      </FormActions>
    </form>
  );
}
