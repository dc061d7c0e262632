/**
 * The interface texts of each language: the web's own (sv.json, en.json) and the server's error and
 * field messages from core, which have one home (`core/errors.ts`) and are never copied here.
 */
import { ERRORS, FIELD_MESSAGES } from '../../core/errors.js';
import en from './en.json' with { type: 'json' };
import sv from './sv.json' with { type: 'json' };

type Texts = Record<string, { sv: string; en: string }>;
const inLanguage = (texts: Texts, lang: 'sv' | 'en') =>
  Object.fromEntries(Object.entries(texts).map(([code, text]) => [code, text[lang]]));

/** Every text of `lang`: the JSON file with `errors` and `fieldErrors` completed from core. */
function textsOf(json: typeof sv, lang: 'sv' | 'en') {
  return {
    ...json,
    errors: { ...json.errors, ...inLanguage(ERRORS, lang) },
    fieldErrors: inLanguage(FIELD_MESSAGES, lang),
  };
}

/** i18next resources, Swedish first. */
export const resources = { sv: { translation: textsOf(sv, 'sv') }, en: { translation: textsOf(en, 'en') } };
