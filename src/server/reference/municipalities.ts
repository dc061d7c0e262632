/** Sweden's municipalities by SCB code, from reference/municipalities.csv (shipped with Lotsa). */
import { readFileSync } from 'node:fs';
import { projectPath } from '../paths.js';

let cache: Map<string, string> | null = null;

/** Code → name of all 290 municipalities. */
export function municipalities(): ReadonlyMap<string, string> {
  if (!cache) {
    const lines = readFileSync(projectPath('reference', 'municipalities.csv'), 'utf8').trim().split('\n').slice(1);
    cache = new Map(lines.map((line) => line.split(',') as [string, string]));
  }
  return cache;
}
