/**
 * The young person's texts in Swedish and English: only the `young` part of the app's i18n files,
 * so their first page loads no other text (vite.config.ts makes it a module of its own).
 */
import texts from 'virtual:young-texts';

export type Lang = 'sv' | 'en';
type Tree = { [key: string]: string | Tree };

const STORAGE_KEY = 'lotsa.language';

/** The language chosen before (shared with the staff app), else Swedish. */
export function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

/** Remembers the language and sets it on the page. */
export function saveLang(lang: Lang): void {
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage may be unavailable; the language still applies for this visit */
  }
}

/** The text at `key` (a.b.c) in `lang`, with {{placeholders}} filled in. */
export function text(lang: Lang, key: string, values: Record<string, string> = {}): string {
  let node: string | Tree | undefined = texts[lang] as unknown as Tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  const found = typeof node === 'string' ? node : key;
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}
