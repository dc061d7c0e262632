/**
 * package.json's `engines` must be true: every installed package must run on the oldest Node it
 * names (npm warns with EBADENGINE otherwise, as `cookie` 2 did on Node 20).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

describe('engines', () => {
  it('every package in the lock file runs on the oldest Node that package.json allows', () => {
    const oldest = semver.minVersion(read('package.json').engines.node as string)!.version;
    const packages = read('package-lock.json').packages as Record<
      string,
      { engines?: { node?: string } | string[]; dev?: boolean }
    >;
    const refusing = Object.entries(packages)
      .filter(([name, p]) => name !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(oldest, (p.engines as { node: string }).node, { includePrerelease: true }))
      .map(([name, p]) => `${name} needs node ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
