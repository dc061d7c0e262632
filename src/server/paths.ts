/**
 * Where Lotsa's own files are. The server runs from its sources (tests, tsx) and from the bundle
 * bin/lotsa.js builds (dist/cli), so paths start from the project root, not from this file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'reference'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Lotsa's project root is not above ${from}`);
  }
}

/** The directory with package.json, reference/ and dist/. */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project. */
export const projectPath = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
