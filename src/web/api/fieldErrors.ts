/**
 * Messages kept in component state are stored untranslated (an i18n key or the API error itself)
 * and translated when rendered, so switching language also switches messages already on screen.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client.js';

/** A message to show: an i18n key from a check in the browser, or an error the API answered. */
export type Message = { key: string; params?: Record<string, unknown> } | ApiError;

/** Field name (as the API names it, e.g. "guardians.0.name") → message. */
export type FieldMessages = Record<string, Message>;

/** Wraps anything thrown into a Message (unknown failures become internal_error). */
export function messageOf(error: unknown): Message {
  return error instanceof ApiError ? error : new ApiError(0, 'internal_error', '');
}

/** Translates a Message in the current language. */
export function translateMessage(t: TFunction, message: Message): string {
  if (message instanceof ApiError)
    return t(`errors.${message.code}`, {
      ...message.params,
      defaultValue: message.message || t('errors.internal_error'),
    });
  return t(message.key, message.params);
}

/** Field errors of `error` keyed by the API's field name; the problem text stands in for a vague field code. */
export function fieldErrorsOf(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const field of error.fields) {
    const specific = field.code !== 'invalid' || error.code === 'validation_failed';
    result[field.field] = specific
      ? t(`fieldErrors.${field.code}`, { defaultValue: field.message })
      : t(`errors.${error.code}`, { defaultValue: error.message });
  }
  return result;
}

/** Translators for messages and field-message maps, bound to the current language. */
export function useMessages() {
  const { t } = useTranslation();
  return {
    text: (message: Message | null | undefined) => (message ? translateMessage(t, message) : undefined),
    /** Client-side field messages merged with the field errors of an API error. */
    fields: (local: FieldMessages, apiError: Message | null | undefined): Record<string, string> => ({
      ...Object.fromEntries(Object.entries(local).map(([field, m]) => [field, translateMessage(t, m)])),
      ...fieldErrorsOf(apiError, t),
    }),
  };
}
