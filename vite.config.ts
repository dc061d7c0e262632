import { readFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const web = path.resolve(import.meta.dirname, 'src/web');

/** `virtual:young-texts`: only the `young` part of the i18n files, so the young person's page carries no other text. */
function youngTexts(): Plugin {
  const id = 'virtual:young-texts';
  return {
    name: 'lotsa-young-texts',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const part = (lang: string) =>
        (JSON.parse(readFileSync(path.join(web, 'i18n', `${lang}.json`), 'utf8')) as { young: unknown }).young;
      return `export default ${JSON.stringify({ sv: part('sv'), en: part('en') })};`;
    },
  };
}

/**
 * The web app lives in src/web and is built into dist/web, which the server serves: the staff app
 * (index.html) and the young person's own page (mitt.html), a small entry of its own.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), youngTexts()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rollupOptions: { input: { main: path.join(web, 'index.html'), mitt: path.join(web, 'mitt.html') } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
