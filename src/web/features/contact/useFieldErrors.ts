/** The field errors of an API problem, translated, keyed by the API's field name. */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { fieldErrorsOf, type Message } from '../../api/fieldErrors.js';

/** Field name → message for `problem` in the current language. */
export function useFieldErrors(problem: unknown): Record<string, string> {
  const { t } = useTranslation();
  return fieldErrorsOf(problem, t);
}

/** The API error behind a message kept by useAction, for ProblemAlert and field errors; null for none. */
export function apiErrorOf(message: Message | null): ApiError | null {
  return message instanceof ApiError ? message : null;
}
