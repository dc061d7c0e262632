/** The young person's texts (the `young` part of sv.json and en.json), made a module of their own by vite.config.ts. */
declare module 'virtual:young-texts' {
  import type sv from '../i18n/sv.json';
  const texts: { sv: (typeof sv)['young']; en: (typeof sv)['young'] };
  export default texts;
}
