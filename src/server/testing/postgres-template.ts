/**
 * Vitest global set-up of the PostgreSQL project: makes one migrated, empty database on the server at
 * TEST_DATABASE_URL, which every test database is cloned from (`create database … template …`, see
 * `createTestDatabase`) instead of running every migration again for each test file. Dropped at the end, with
 * every clone of it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The name of a migrated, empty database on the PostgreSQL test server, to clone and never to use. */
    postgresTemplate: string;
  }
}

async function adminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('The PostgreSQL test project needs TEST_DATABASE_URL');
  const name = `lotsa_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // One connection, closed before any clone: PostgreSQL copies a template only while no one is connected to it.
  const handle = await openDatabase({ url: url.toString(), poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  project.provide('postgresTemplate', name);
  return async () => {
    // The test databases cloned from the template (testing/database.ts), dropped together: each DROP DATABASE
    // waits for a checkpoint, and drops that wait at the same time share it.
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    let clones: string[];
    try {
      const found = await client.query<{ datname: string }>(
        `select datname from pg_database where starts_with(datname, $1)`,
        [`${name}_`],
      );
      clones = found.rows.map((r) => r.datname);
    } finally {
      await client.end();
    }
    for (let i = 0; i < clones.length; i += 8)
      await Promise.all(
        clones.slice(i, i + 8).map((clone) => adminQuery(serverUrl, `drop database if exists ${clone} with (force)`)),
      );
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  };
}
