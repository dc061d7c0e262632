/**
 * Where the young person's sign-in code goes: who gave each of their own contact details (a code goes
 * only to a detail they gave themselves) and whether the code goes by SMS or by e-mail.
 */
import { useTranslation } from 'react-i18next';
import { CONTACT_GIVEN_BY, SIGN_IN_CODE_CHANNELS } from '../../../core/schemas.js';
import { FormField } from '../../components/FormField.js';
import { fieldId, type GivenBy, type PersonValues } from './personForm.js';

type Props = {
  values: PersonValues;
  onChange: (change: Partial<PersonValues>) => void;
};

/** The fieldset in the person form. */
export function SignInCodeFieldset({ values, onChange }: Props) {
  const { t } = useTranslation();
  const givenBy = (key: 'phoneGivenBy' | 'emailGivenBy') => (
    <FormField id={fieldId(key)} label={t(`persons.signInCode.${key}`)}>
      {(control) => (
        <select {...control} value={values[key]} onChange={(e) => onChange({ [key]: e.target.value as GivenBy })}>
          <option value="">{t('persons.signInCode.givenBy.unknown')}</option>
          {CONTACT_GIVEN_BY.map((g) => (
            <option key={g} value={g}>
              {t(`persons.signInCode.givenBy.${g}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  return (
    <fieldset>
      <legend>{t('persons.signInCode.legend')}</legend>
      <p className="field__hint">{t('persons.signInCode.hint')}</p>
      <div className="field-row">
        {givenBy('phoneGivenBy')}
        {givenBy('emailGivenBy')}
      </div>
      <fieldset className="radio-group">
        <legend>{t('persons.signInCode.channel')}</legend>
        {SIGN_IN_CODE_CHANNELS.map((c) => (
          <div key={c} className="field checkbox">
            <input
              id={fieldId(`signInCodeChannel-${c}`)}
              type="radio"
              name="signInCodeChannel"
              value={c}
              checked={values.signInCodeChannel === c}
              onChange={() => onChange({ signInCodeChannel: c })}
            />
            <label htmlFor={fieldId(`signInCodeChannel-${c}`)}>{t(`persons.signInCode.channels.${c}`)}</label>
          </div>
        ))}
      </fieldset>
    </fieldset>
  );
}
