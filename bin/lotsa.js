#!/usr/bin/env node
// The `lotsa` command. Lotsa is written in TypeScript; this runs a bundle of src/cli/main.ts that
// esbuild builds into dist/cli/<fingerprint>/ when the sources differ from every bundle there (a
// fraction of a second, once), so no command pays for compiling TypeScript as it starts.
// Each bundle records a hash of the sources' contents, so a copy of a built installation (whose
// files have new modification times) runs the bundle built for the same sources, without writing:
// `npm run build` once, and the installation may then be read-only (README, Production install).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** A hash of the sources' and this script's contents: slower than `fingerprint`, but the same in every copy. */
function contentHash() {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const dir of sources) {
    for (const file of readdirSync(path.join(root, dir), { recursive: true }).map(String).sort()) {
      if (!file.endsWith('.ts')) continue;
      hash.update(`\n${dir}/${file}\n`);
      hash.update(readFileSync(path.join(root, dir, file)));
    }
  }
  return hash.digest('hex');
}

/** The bundle built from sources with these contents, if there is one (a copied installation). */
function builtFromSameSources(builds, content) {
  if (!existsSync(builds)) return null;
  for (const dir of readdirSync(builds)) {
    const bundle = path.join(builds, dir);
    try {
      if (
        readFileSync(path.join(bundle, 'sources.sha256'), 'utf8').trim() === content &&
        existsSync(path.join(bundle, 'main.js'))
      )
        return bundle;
    } catch {
      // Not a finished bundle (or one from before bundles recorded their sources).
    }
  }
  return null;
}

/** Packages loaded from node_modules at run time rather than bundled. */
const EXTERNAL = [
  '@electric-sql/pglite',
  'argon2',
  'pdfkit',
  'exceljs',
  'fastify',
  '@fastify/*',
  'fastify-type-provider-zod',
  'ical-generator',
  'esbuild',
  'pg-native',
];

const builds = path.join(root, 'dist', 'cli');
let current = path.join(builds, fingerprint());
const content = existsSync(path.join(current, 'main.js')) ? null : contentHash();
const copied = content && builtFromSameSources(builds, content);
if (copied) current = copied;
else if (content) {
  const { build } = await import('esbuild');
  const partial = `${current}.${process.pid}.partial`;
  try {
    mkdirSync(partial, { recursive: true });
  } catch (err) {
    if (err.code !== 'EACCES' && err.code !== 'EROFS' && err.code !== 'EPERM') throw err;
    console.error(
      `Lotsa cannot build its command bundle: ${builds} is read-only (${err.code}) and holds no bundle of these ` +
        `sources.\n` +
        'Run `npm run build` where the installation is writable, then copy ' +
        'or deploy it with its dist/ directory (README, Production install).',
    );
    process.exit(1);
  }
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
    banner: {
      js:
        'import { createRequire as __lotsaRequire } ' +
        "from 'node:module'; const require = __lotsaRequire(import.meta.url);",
    },
    sourcemap: true,
    logLevel: 'warning',
  });
  writeFileSync(path.join(partial, 'sources.sha256'), `${content}\n`);
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
