import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdministrator, ensureMunicipality, FIRST_ADMIN_EMAIL } from './bootstrap.js';
import type { DatabaseHandle } from './db/connection.js';
import { verifyPassword } from './http/passwords.js';
import { createTestDatabase } from './testing/database.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('first start', () => {
  it('creates the municipality with its default units once', async () => {
    const a = await ensureMunicipality(handle.db, { code: '1402', name: 'Partille kommun' });
    const b = await ensureMunicipality(handle.db, { code: '1402', name: 'Partille kommun' });
    expect(a).toBe(b);
    const units = await handle.db.selectFrom('units').select('name').where('municipality_id', '=', a).execute();
    expect(units.map((u) => u.name).sort()).toEqual([
      'Arbetsförmedlingen',
      'Arbetsmarknadsenheten',
      'Socialtjänsten',
      'Utbildningsförvaltningen',
    ]);
  });

  it('creates a first administrator and renews the one-time password until it is changed', async () => {
    const m = await ensureMunicipality(handle.db, { code: '1402', name: 'Partille kommun' });
    const first = await ensureFirstAdministrator(handle.db, m);
    const second = await ensureFirstAdministrator(handle.db, m);
    expect(first?.email).toBe(FIRST_ADMIN_EMAIL);
    expect(second?.oneTimePassword).not.toBe(first?.oneTimePassword);
    const admin = await handle.db
      .selectFrom('staff')
      .selectAll()
      .where('email', '=', FIRST_ADMIN_EMAIL)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(admin.password_hash, second!.oneTimePassword)).toBe(true);
    expect(await verifyPassword(admin.password_hash, first!.oneTimePassword)).toBe(false);

    await handle.db.updateTable('staff').set({ must_change_password: false }).where('id', '=', admin.id).execute();
    expect(await ensureFirstAdministrator(handle.db, m)).toBeNull();
  });
});
