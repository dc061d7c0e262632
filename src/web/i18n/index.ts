/**
 * i18next set-up: Swedish first, English second. The chosen language is kept in localStorage,
 * written to <html lang> and sent to the API as Accept-Language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.js';
import { resources } from './resources.js';

/** The UI languages, in order of preference. */
export const LANGUAGES = ['sv', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'lotsa.language';

function storedLanguage(): UiLanguage {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage may be unavailable; the language still applies for this visit */
  }
}

i18n.on('languageChanged', applyLanguage);

/** Initializes i18next; resolves when translations are ready. */
export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: 'sv',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  applyLanguage(i18n.language);
}

/** The BCP 47 locale used for dates and numbers in `lang`. */
export function localeOf(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'sv-SE';
}

export default i18n;
