import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Four projects: the web app's unit tests on happy-dom; unit and integration tests on embedded PGlite; the
 * same integration tests on a PostgreSQL server when TEST_DATABASE_URL is set; and end-to-end specs in
 * Chromium. Each test file gets
 * its own database, cloned from a template the project's global set-up migrated once, and its own app
 * (the end-to-end specs: their own server and browser), so files run in parallel.
 */
/**
 * Vitest's default is one worker fewer than there are cores: on a 2-core machine one worker, so the test
 * files ran one after another. Every file has its own database (and the end-to-end specs their own server
 * and browser), so files run side by side on every core, at least two; VITEST_MAX_WORKERS overrides it.
 */
// The tests that start `lotsa` as a child process allow each test as long as its commands may take, and their
// first command no longer builds a database (testing/database.ts, migratedDataDir), so two workers are safe.
// The server projects run their files one after another in each worker's process (isolate: false) rather
// than each in a new one: every file imported the whole app again, most of the project's time. Every file
// builds its own database and app, and the set-up file resets what test helpers hand out (testing/setup.ts).
const maxWorkers = process.env.VITEST_MAX_WORKERS
  ? Number(process.env.VITEST_MAX_WORKERS)
  : Math.max(2, availableParallelism());
const setupFiles = ['src/server/testing/setup.ts'];
const postgres = process.env.TEST_DATABASE_URL
  ? [
      {
        test: {
          name: 'postgresql',
          include: ['src/server/**/*.test.ts'],
          isolate: false,
          env: { LOTSA_TEST_DB: 'postgresql' },
          globalSetup: ['src/server/testing/postgres-template.ts'],
          setupFiles,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ]
  : [];

export default defineConfig({
  test: {
    maxWorkers,
    projects: [
      // The web app's logic on happy-dom, each file in its own environment.
      { test: { name: 'web', include: ['src/web/**/*.test.ts'], environment: 'happy-dom', testTimeout: 30_000 } },
      {
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts'],
          exclude: ['src/web/**'],
          isolate: false,
          globalSetup: ['src/server/testing/pglite-template.ts'],
          setupFiles,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...postgres,
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          // As in the server projects, a worker runs its spec files one after another in one process: the server's
          // modules are imported once per worker rather than per file. Each file still starts its own server.
          isolate: false,
          globalSetup: ['e2e/demo-template.ts'],
          setupFiles,
          // A spec walks several pages in a real browser: 40-60 s on a busy 2-core machine, so twice that.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A page fetches its data after it renders: on a loaded CI machine that took longer than expect.poll's
          // default second (CI stop 26: a measures panel, a queue table). Every poll in a spec waits up to 15 s.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
