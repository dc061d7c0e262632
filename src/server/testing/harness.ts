/**
 * An app on a test database with a municipality, a neighbouring municipality, and one signed-in
 * staff member per role, for route tests through HTTP (app.inject).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ROLES, type Role } from '../../core/roles.js';
import { buildApp } from '../app.js';
import { systemClock, type Clock } from '../clock.js';
import { ensureMunicipality } from '../bootstrap.js';
import type { DatabaseHandle, Db } from '../db/connection.js';
import { loadEnv, type Env } from '../env.js';
import { insertStaff } from '../features/staff/staff.service.js';
import { createTestDatabase } from './database.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** A signed-in client: its cookie and CSRF token. */
export type Client = {
  staffId: string;
  email: string;
  request: (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  /** Sends `file` as the raw request body, as the web app uploads a list. */
  upload: (url: string, file: Buffer, contentType?: string) => Promise<LightMyRequestResponse>;
};

/** Everything a route test needs. */
export type Harness = {
  app: FastifyInstance;
  db: Db;
  handle: DatabaseHandle;
  env: Env;
  /** The app's clock: the system's unless the test gave one. */
  clock: Clock;
  municipalityId: string;
  otherMunicipalityId: string;
  /** Signed-in clients by role; `otherCoordinator` works in the neighbouring municipality. */
  as: Record<Role | 'otherCoordinator' | 'secondCoach', Client>;
  anonymous: Client['request'];
  signIn: (email: string, password?: string) => Promise<Client>;
  close: () => Promise<void>;
};

/**
 * Builds the app and signs in one staff member per role; `envOverrides` are configuration variables
 * to set, and `clock` the time the app reads (a test whose answer depends on the hour or day fixes it).
 */
export async function createHarness(
  envOverrides: Record<string, string> = {},
  { clock = systemClock }: { clock?: Clock } = {},
): Promise<Harness> {
  const handle = await createTestDatabase();
  const env = loadEnv({
    LOG_LEVEL: 'silent',
    LOTSA_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lotsa-test-')),
    ...envOverrides,
  });
  const municipalityId = await ensureMunicipality(handle.db, { code: '1402', name: 'Partille kommun' });
  const otherMunicipalityId = await ensureMunicipality(handle.db, { code: '1480', name: 'Göteborgs stad' });
  const app = await buildApp(handle, env, { logger: false, clock });

  const anonymous: Client['request'] = (method, url, body, headers = {}) =>
    app.inject({ method, url, payload: body as object | undefined, headers });

  async function signIn(email: string, password = TEST_PASSWORD): Promise<Client> {
    const res = await anonymous('POST', '/api/v1/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'lotsa_session')!;
    const { csrfToken } = res.json();
    const staff = await handle.db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    return {
      staffId: staff.id,
      email,
      request: (method, url, body, headers = {}) =>
        app.inject({
          method,
          url,
          payload: body as object | undefined,
          headers: { cookie: `lotsa_session=${cookie.value}`, 'x-csrf-token': csrfToken, ...headers },
        }),
      upload: (url, file, contentType = 'text/csv') =>
        app.inject({
          method: 'POST',
          url,
          payload: file,
          headers: { cookie: `lotsa_session=${cookie.value}`, 'x-csrf-token': csrfToken, 'content-type': contentType },
        }),
    };
  }

  const accounts: [keyof Harness['as'], Role, string][] = [
    ...ROLES.map((role): [Role, Role, string] => [role, role, municipalityId]),
    ['secondCoach', 'youth_coach', municipalityId],
    ['otherCoordinator', 'coordinator', otherMunicipalityId],
  ];
  const as = {} as Harness['as'];
  // Everyone works in the KAA's own unit, the education administration, as most of a KAA's staff do.
  const kaaUnit = async (m: string) =>
    (
      await handle.db
        .selectFrom('units')
        .select('id')
        .where('municipality_id', '=', m)
        .where('kaa', '=', true)
        .executeTakeFirstOrThrow()
    ).id;
  for (const [key, role, m] of accounts) {
    const email = `${key.toLowerCase()}@test.lotsa.local`;
    await insertStaff(handle.db, {
      municipalityId: m,
      name: `Test ${key}`,
      email,
      role,
      unitId: await kaaUnit(m),
      password: TEST_PASSWORD,
    });
    as[key] = await signIn(email);
  }

  return {
    app,
    db: handle.db,
    handle,
    env,
    clock,
    municipalityId,
    otherMunicipalityId,
    as,
    anonymous,
    signIn,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
