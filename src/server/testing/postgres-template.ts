/**
 * Vitest global set-up of the PostgreSQL project: makes one migrated, empty database on the server at
 * TEST_DATABASE_URL, which every test database is cloned from (`create database … template …`, see
 * `createTestDatabase`) instead of running every migration again for each test file. Dropped at the end, with
 * every clone of it. The helpers below serve the end-to-end project's demo template too (e2e/demo-template.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, type Db } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The name of a migrated, empty database on the PostgreSQL test server, to clone and never to use. */
    postgresTemplate: string;
  }
}

/** Runs one statement on its own connection to `url` (CREATE and DROP DATABASE run outside a transaction). */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The address of the database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates the database `name` on the server of `serverUrl`, migrates it and hands it to `fill` (when given),
 * on one connection that is closed before this returns: PostgreSQL copies a template only while no one is
 * connected to it.
 */
export async function createMigratedDatabase(
  serverUrl: string,
  name: string,
  fill?: (db: Db) => Promise<void>,
): Promise<void> {
  await adminQuery(serverUrl, `create database ${name}`);
  const handle = await openDatabase({ url: databaseUrl(serverUrl, name), poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
    await fill?.(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * A new database cloned from `template` and named after it (`<template>_<random>`, so that
 * {@link dropTemplateAndClones} finds it), with its address. Its sessions do not wait for their commits to
 * reach the disk (synchronous_commit=off: a crash of the server could lose the last ones): a test database
 * lives for one file, and nothing reads it after. Queries and their answers are the same.
 */
export async function cloneDatabase(serverUrl: string, template: string): Promise<{ name: string; url: string }> {
  const name = `${template}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name} template ${template}`);
  const url = new URL(databaseUrl(serverUrl, name));
  url.searchParams.set('options', '-c synchronous_commit=off');
  return { name, url: url.toString() };
}

/**
 * Drops every database cloned from `template` that is still there, then `template`. The clones are dropped
 * eight at a time: each DROP DATABASE waits for a checkpoint of the whole server, and drops made together share one.
 */
export async function dropTemplateAndClones(serverUrl: string, template: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  let clones: string[];
  try {
    const found = await client.query<{ datname: string }>(
      `select datname from pg_database where starts_with(datname, $1)`,
      [`${template}_`],
    );
    clones = found.rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
  for (let i = 0; i < clones.length; i += 8)
    await Promise.all(
      clones.slice(i, i + 8).map((clone) => adminQuery(serverUrl, `drop database if exists ${clone} with (force)`)),
    );
  await adminQuery(serverUrl, `drop database if exists ${template} with (force)`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('The PostgreSQL test project needs TEST_DATABASE_URL');
  const name = `lotsa_template_${randomBytes(6).toString('hex')}`;
  await createMigratedDatabase(serverUrl, name);
  project.provide('postgresTemplate', name);
  // The test databases cloned from the template (testing/database.ts) are dropped together, at the end of the run.
  return () => dropTemplateAndClones(serverUrl, name);
}
