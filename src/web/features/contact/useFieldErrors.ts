/** The field errors of an API problem, translated, keyed by the API's field name. */
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/fieldErrors.js';

/** Field name → message for `problem` in the current language. */
export function useFieldErrors(problem: unknown): Record<string, string> {
  const { t } = useTranslation();
  return fieldErrorsOf(problem, t);
}
