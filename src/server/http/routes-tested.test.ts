import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { DatabaseHandle } from '../db/connection.js';
import { loadEnv } from '../env.js';
import { createTestDatabase } from '../testing/database.js';
import { apiCallsIn, operationOf, type Operation } from '../testing/api-calls.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
/** This check and its helper's own test, whose example calls call nothing. */
const OWN_SOURCES = ['src/server/http/routes-tested.test.ts', 'src/server/testing/api-calls.test.ts'];

/** Every test and test helper: route tests, browser specs and what they share. */
function testSources(): { file: string; text: string }[] {
  const files = [
    ...readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .map((f) => path.join('src', f))
      .filter((f) => f.endsWith('.test.ts') || f.startsWith('src/server/testing/')),
    ...readdirSync(path.join(ROOT, 'e2e'), { recursive: true, encoding: 'utf8' }).map((f) => path.join('e2e', f)),
  ].filter((f) => f.endsWith('.ts') && !OWN_SOURCES.includes(f));
  return files.map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }));
}

let handle: DatabaseHandle;
let app: FastifyInstance;
let operations: Operation[];
beforeAll(async () => {
  handle = await createTestDatabase();
  app = await buildApp(
    handle,
    loadEnv({ LOG_LEVEL: 'silent', LOTSA_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lotsa-test-')) }),
    { logger: false },
  );
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.keys(methods).map((m) => ({ method: m.toUpperCase(), template })),
  );
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe('the OpenAPI document', () => {
  it('has no route that no test calls: each path and method is called by a route test or a browser spec', () => {
    const templates = [...new Set(operations.map((o) => o.template))];
    const called = new Set<string>();
    for (const { text } of testSources()) {
      for (const call of apiCallsIn(text)) {
        const template = operationOf(templates, call.url);
        if (template) called.add(`${call.method} ${template}`);
      }
    }
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.map((o) => `${o.method} ${o.template}`).filter((o) => !called.has(o))).toEqual([]);
  });
});
