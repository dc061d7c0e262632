/**
 * First-start set-up: the municipality from configuration with its usual units, and a first
 * administrator with a one-time password. While that administrator has not yet signed in and
 * changed it, every start issues and prints a fresh one-time password, so it cannot be lost.
 */
import { sql } from 'kysely';
import type { Db } from './db/connection.js';
import type { Env } from './env.js';
import { hashPassword, oneTimePassword } from './http/passwords.js';

/** The units a new municipality starts with; administrators can add more later. */
export const DEFAULT_UNITS = [
  { name: 'Utbildningsförvaltningen', kind: 'municipal', kaa: true },
  { name: 'Socialtjänsten', kind: 'municipal', kaa: false },
  { name: 'Arbetsmarknadsenheten', kind: 'municipal', kaa: false },
  { name: 'Arbetsförmedlingen', kind: 'external', kaa: false },
] as const;

export const FIRST_ADMIN_EMAIL = 'admin@lotsa.local';

/** Returns the id of the configured municipality, creating it and its default units if missing. */
export async function ensureMunicipality(db: Db, municipality: Env['municipality']): Promise<string> {
  await db
    .insertInto('municipalities')
    .values(municipality)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const { id } = await db
    .selectFrom('municipalities')
    .select('id')
    .where('code', '=', municipality.code)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('units')
    .values(DEFAULT_UNITS.map((u) => ({ ...u, municipality_id: id })))
    .onConflict((oc) => oc.columns(['municipality_id', 'name']).doNothing())
    .execute();
  return id;
}

/** What a start should tell the operator about signing in, or null when nothing is pending. */
export type FirstAdmin = { email: string; oneTimePassword: string } | null;

/** Creates the first administrator, or renews their one-time password while it is still unused. */
export async function ensureFirstAdministrator(db: Db, municipalityId: string): Promise<FirstAdmin> {
  const admins = await db
    .selectFrom('staff')
    .select(['id', 'email', 'must_change_password'])
    .where('municipality_id', '=', municipalityId)
    .where('role', '=', 'administrator')
    .where('active', '=', true)
    .execute();
  const pending = admins.find((a) => a.email === FIRST_ADMIN_EMAIL && a.must_change_password);
  if (admins.length > 0 && !pending) return null;
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  if (pending) {
    await db
      .updateTable('staff')
      .set({ password_hash: hash, updated_at: sql`now()` })
      .where('id', '=', pending.id)
      .execute();
  } else {
    await db
      .insertInto('staff')
      .values({
        municipality_id: municipalityId,
        email: FIRST_ADMIN_EMAIL,
        name: 'Administratör',
        role: 'administrator',
        password_hash: hash,
        must_change_password: true,
      })
      .execute();
  }
  return { email: FIRST_ADMIN_EMAIL, oneTimePassword: password };
}
