#!/usr/bin/env node
// The `lotsa` command. Lotsa is written in TypeScript; this runs a bundle of src/cli/main.ts that
// esbuild builds into dist/cli/<stamp>/ whenever a source file is newer than the newest bundle
// (a fraction of a second, once), so no command pays for compiling TypeScript as it starts.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = ['src/cli', 'src/server', 'src/core'];

/** The newest modification time of a TypeScript source the command is built from. */
function newestSource() {
  let newest = 0;
  for (const dir of sources) {
    for (const file of readdirSync(path.join(root, dir), { recursive: true })) {
      if (String(file).endsWith('.ts')) newest = Math.max(newest, statSync(path.join(root, dir, String(file))).mtimeMs);
    }
  }
  return Math.floor(newest);
}

const builds = path.join(root, 'dist', 'cli');
const current = path.join(builds, String(newestSource()));
if (!existsSync(path.join(current, 'main.js'))) {
  const { build } = await import('esbuild');
  const partial = `${current}.${process.pid}.partial`;
  await build({
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outdir: partial,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // Another process may have built the same sources meanwhile: then its bundle is as good.
  try {
    renameSync(partial, current);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
  for (const old of readdirSync(builds)) {
    if (path.join(builds, old) !== current && !old.endsWith('.partial')) rmSync(path.join(builds, old), { recursive: true, force: true });
  }
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(current, 'main.js')).href);
