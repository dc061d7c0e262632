/**
 * Staff members made for one test, so that what a test does as them (the day's emergency accesses, their
 * alerts, the cases they hold) is not shared with another test that signs in as the harness's accounts.
 */
import type { Role } from '../../core/roles.js';
import { insertStaff } from '../features/staff/staff.service.js';
import { TEST_PASSWORD, type Client, type Harness } from './harness.js';

/** A signed-in staff member of one test, with the name the app shows for them. */
export type TestStaff = Client & { name: string };

let made = 0;

/** The id of the KAA's own unit in `municipalityId`, where the harness's accounts work. */
export async function kaaUnitId(h: Harness, municipalityId = h.municipalityId): Promise<string> {
  const unit = await h.db
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('kaa', '=', true)
    .executeTakeFirstOrThrow();
  return unit.id;
}

/**
 * A new staff member with `role`, signed in: in the KAA's unit of the test municipality unless `unitId`
 * (or `municipalityId`) says otherwise; named `name`, or after the role with a number of its own.
 */
export async function signInNewStaff(
  h: Harness,
  role: Role,
  { unitId, municipalityId = h.municipalityId, name }: { unitId?: string; municipalityId?: string; name?: string } = {},
): Promise<TestStaff> {
  made += 1;
  const shownName = name ?? `Test ${role} ${made}`;
  const email = `new-${role.replace(/_/g, '-')}-${made}@test.lotsa.local`;
  await insertStaff(h.db, {
    municipalityId,
    name: shownName,
    email,
    role,
    unitId: unitId ?? (await kaaUnitId(h, municipalityId)),
    password: TEST_PASSWORD,
  });
  return { ...(await h.signIn(email)), name: shownName };
}
