#!/usr/bin/env node
// The `lotsa` command. Lotsa is written in TypeScript; this runs a bundle of src/cli/main.ts that
// esbuild builds into dist/cli/<fingerprint>/ when the sources differ from every bundle there (a
// fraction of a second, once), so no command pays for compiling TypeScript as it starts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = ['src/cli', 'src/server', 'src/core'];
/** A bundle or an unfinished build older than this is no longer in use by a starting command. */
const STALE_MS = 10 * 60 * 1000;

/** A fingerprint of the sources and of this build script: every file's path, size and modification time. */
function fingerprint() {
  const hash = createHash('sha256');
  const self = statSync(fileURLToPath(import.meta.url));
  hash.update(`bin/lotsa.js:${self.size}:${self.mtimeMs}\n`);
  for (const dir of sources) {
    for (const file of readdirSync(path.join(root, dir), { recursive: true }).map(String).sort()) {
      if (!file.endsWith('.ts')) continue;
      const { size, mtimeMs } = statSync(path.join(root, dir, file));
      hash.update(`${dir}/${file}:${size}:${mtimeMs}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Packages loaded from node_modules at run time rather than bundled. */
const EXTERNAL = ['@electric-sql/pglite', 'argon2', 'pdfkit', 'exceljs', 'fastify', '@fastify/*', 'fastify-type-provider-zod', 'ical-generator', 'esbuild', 'pg-native'];

const builds = path.join(root, 'dist', 'cli');
const current = path.join(builds, fingerprint());
if (!existsSync(path.join(current, 'main.js'))) {
  const { build } = await import('esbuild');
  mkdirSync(builds, { recursive: true });
  const partial = `${current}.${process.pid}.partial`;
  await build({
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outdir: partial,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Libraries whose many small modules would cost every command about a tenth of a second to load
    // are bundled; those with native code, data files or a size only `start` needs stay external.
    external: EXTERNAL,
    banner: { js: "import { createRequire as __lotsaRequire } from 'node:module'; const require = __lotsaRequire(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
  });
  // Another process may have built the same sources meanwhile: then its bundle is as good.
  try {
    renameSync(partial, current);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
  // Older bundles and builds that never finished go once nobody can still be starting from them.
  for (const old of readdirSync(builds)) {
    const dir = path.join(builds, old);
    if (dir !== current && Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
  }
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(current, 'main.js')).href);
