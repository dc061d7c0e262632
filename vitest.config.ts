import { defineConfig } from 'vitest/config';

/**
 * Three projects: unit and integration tests on embedded PGlite; the same integration tests on a
 * PostgreSQL server when TEST_DATABASE_URL is set; and end-to-end specs in Chromium.
 */
const postgres = process.env.TEST_DATABASE_URL
  ? [{ test: { name: 'postgresql', include: ['src/server/**/*.test.ts'], env: { LOTSA_TEST_DB: 'postgresql' }, testTimeout: 30_000, hookTimeout: 60_000 } }]
  : [];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'pglite', include: ['src/**/*.test.ts'], globalSetup: ['src/server/testing/pglite-template.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      ...postgres,
      { test: { name: 'e2e', include: ['e2e/**/*.spec.ts'], globalSetup: ['e2e/demo-template.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
