/**
 * Durability of idempotent writes: a real `lotsa start` process, killed with SIGKILL in the middle
 * of concurrent contact attempts (each with its own Idempotency-Key), then started again on the same
 * database. Every attempt that was answered 2xx must be there after the restart, and retrying every
 * attempt with its key must leave each recorded exactly once. Runs on the embedded database (a data
 * directory on disk) and, in the postgresql project, on a fresh database of the PostgreSQL server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { migratedDataDir, TEST_DB_KIND } from '../../testing/database.js';

const BIN = path.resolve('bin/lotsa.js');
const EMAIL = 'samordnare@durability.lotsa.local';
const PASSWORD = 'a durable enough password';
const PERSONS = 4;
/**
 * How long a command or a start may take: seconds on a quiet machine, but minutes on one busy with other
 * work, and a test that gives up sooner fails for the machine's load rather than for what it checks.
 */
const CHILD_MS = 120_000;
const STREAMS = 8;

let dataDir = '';
let databaseUrl: string | undefined;
let dropDatabase = async () => {};
let port = 0;
let child: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as net.AddressInfo;
      server.close(() => resolve(p));
    });
  });
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOTSA_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  env.LOTSA_PUBLIC_URL = `http://127.0.0.1:${port}`;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

/** Runs a `lotsa` command to its end. */
function lotsa(args: string[], input = ''): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [BIN, ...args], { env: childEnv() });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    proc.on('close', (code) => resolve({ code, output }));
    proc.stdin.end(input);
  });
}

/** Starts `lotsa start` and resolves once it answers HTTP. */
async function start(): Promise<void> {
  const proc = spawn(process.execPath, [BIN, 'start'], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + CHILD_MS;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`lotsa start exited with ${proc.exitCode}:\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`lotsa start did not answer within ${CHILD_MS / 1000} s:\n${output}`);
}

/** Kills the server with SIGKILL (no shutdown code runs) and waits until it is gone. */
async function kill9(): Promise<void> {
  const proc = child!;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await gone;
}

type Session = {
  send: (
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any API answer; the test reads what it needs
  ) => Promise<{ status: number; body: any }>;
};

async function signIn(): Promise<Session> {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    send: async (method, url, body, headers = {}) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
  };
}

beforeAll(async () => {
  port = await freePort();
  // In the PGlite project, a copy of its migrated template rather than initdb and every migration in the child.
  dataDir = await migratedDataDir('lotsa-kill-');
  if (TEST_DB_KIND === 'postgresql') {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `lotsa_kill_${randomBytes(6).toString('hex')}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    // A clone of the project's migrated template (postgres-template.ts), as every test database is.
    const template = inject('postgresTemplate');
    await admin(template ? `create database ${name} template ${template}` : `create database ${name}`);
    dropDatabase = () => admin(`drop database if exists ${name} with (force)`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const added = await lotsa(
    ['users', 'add', '--email', EMAIL, '--name', 'Samordnare', '--role', 'coordinator', '--password-stdin'],
    `${PASSWORD}\n`,
  );
  if (added.code !== 0) throw new Error(`users add failed:\n${added.output}`);
}, CHILD_MS);

afterAll(async () => {
  await kill9().catch(() => {});
  await dropDatabase();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

type Write = { key: string; personId: string; body: { channel: string; outcome: string; at: string; note: string } };

describe(`kill -9 of the server under write load (${TEST_DB_KIND})`, () => {
  it(
    'keeps every acknowledged contact attempt, and a retry with the same Idempotency-Key records each exactly once',
    { timeout: 4 * CHILD_MS },
    async () => {
      await start();
      let session = await signIn();
      const personIds: string[] = [];
      for (let i = 0; i < PERSONS; i++) {
        const created = await session.send('POST', '/api/v1/persons', buildPerson());
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        personIds.push(created.body.id);
      }

      // Concurrent streams of attempts, each with its own key; the server is killed once some are acknowledged.
      const sent: Write[] = [];
      const acknowledged = new Map<string, string>();
      let killed = false;
      let failure: unknown;
      let n = 0;
      const stream = async () => {
        while (!killed && !failure) {
          const key = `durable-${String(n++).padStart(5, '0')}-${randomBytes(4).toString('hex')}`;
          const write: Write = {
            key,
            personId: personIds[n % PERSONS]!,
            body: { channel: 'phone', outcome: 'no_answer', at: new Date().toISOString(), note: key },
          };
          sent.push(write);
          try {
            const res = await session.send('POST', `/api/v1/persons/${write.personId}/contact-attempts`, write.body, {
              'idempotency-key': key,
            });
            if (res.status >= 200 && res.status < 300) acknowledged.set(key, res.body.id);
            else if (!killed) throw new Error(`attempt answered ${res.status}: ${JSON.stringify(res.body)}`);
          } catch (err) {
            if (!killed) failure = err;
          }
        }
      };
      const streams = Array.from({ length: STREAMS }, stream);
      while (acknowledged.size < 40 && !failure) await new Promise((r) => setTimeout(r, 5));
      if (failure) throw failure;
      killed = true;
      await kill9();
      await Promise.all(streams);
      expect(sent.length).toBeGreaterThan(acknowledged.size);

      await start();
      session = await signIn();

      // Every attempt the server acknowledged is there after the restart.
      const notesOf = async (personId: string) => {
        const res = await session.send('GET', `/api/v1/persons/${personId}/outreach`);
        expect(res.status).toBe(200);
        return (res.body.attempts as { id: string; note: string | null }[]).map((a) => ({ id: a.id, note: a.note! }));
      };
      const before = (await Promise.all(personIds.map(notesOf))).flat();
      for (const [key, id] of acknowledged)
        expect(before, `acknowledged attempt ${key}`).toContainEqual({ id, note: key });

      // A retry of every attempt, acknowledged or not, answers 2xx; an acknowledged one with its first result.
      for (const write of sent) {
        const res = await session.send('POST', `/api/v1/persons/${write.personId}/contact-attempts`, write.body, {
          'idempotency-key': write.key,
        });
        expect(res.status, `retry of ${write.key}: ${JSON.stringify(res.body)}`).toBe(201);
        if (acknowledged.has(write.key)) expect(res.body.id).toBe(acknowledged.get(write.key));
      }
      const after = (await Promise.all(personIds.map(notesOf))).flat();
      expect(after.map((a) => a.note).sort()).toEqual(sent.map((w) => w.key).sort());

      // The audit log written by the killed process, and after it, still verifies.
      await kill9();
      const verified = await lotsa(['audit', 'verify']);
      expect(verified.output).toMatch(/Audit log intact/);
      expect(verified.code).toBe(0);
    },
  );
});
