/**
 * SQL of school notifications: the population lists that claim a student, the municipalities
 * trusted for routing, the notifications themselves and the inbox.
 */
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { NotificationsTable } from '../../db/types.js';

/** The municipalities whose newest ready, not culled population list holds `pnr`, newest list first. */
export function claimants(db: Db, pnr: string): Promise<{ municipalityId: string; name: string }[]> {
  return db
    .selectFrom('population_rows')
    .innerJoin('imports', 'imports.id', 'population_rows.import_id')
    .innerJoin('municipalities', 'municipalities.id', 'imports.municipality_id')
    .select(['imports.municipality_id as municipalityId', 'municipalities.name'])
    .where('population_rows.personal_identity_number', '=', pnr)
    .where('imports.kind', '=', 'population')
    .where('imports.status', '=', 'ready')
    .where('imports.culled_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('imports as newer')
            .select('newer.id')
            .whereRef('newer.municipality_id', '=', 'imports.municipality_id')
            .where('newer.kind', '=', 'population')
            .where('newer.status', '=', 'ready')
            .where('newer.culled_at', 'is', null)
            .whereRef('newer.created_at', '>', 'imports.created_at'),
        ),
      ),
    )
    .orderBy('imports.created_at', 'desc')
    .execute();
}

/** The id of the municipality's person with this identity number who is in the register now, or undefined. */
export async function personInRegister(db: Db, municipalityId: string, pnr: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('persons')
    .innerJoin('register_periods', 'register_periods.person_id', 'persons.id')
    .select('persons.id')
    .where('persons.municipality_id', '=', municipalityId)
    .where('persons.personal_identity_number', '=', pnr)
    .where('register_periods.left_on', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

/** Inserts a notification; returns its id and when it was submitted. */
export function insertNotification(db: Db, notification: Insertable<NotificationsTable>) {
  return db
    .insertInto('notifications')
    .values(notification)
    .returning(['id', 'submitted_at'])
    .executeTakeFirstOrThrow();
}

/** Notifications with their submitter's name. */
const notificationsQuery = (db: Db) =>
  db
    .selectFrom('notifications')
    .leftJoin('staff', 'staff.id', 'notifications.submitted_by')
    .select([
      'notifications.id',
      'routing_note',
      'personal_identity_number',
      'school_unit_code',
      'school_unit_name',
      'kind',
      'occurred_on',
      'message',
      'status',
      'routed',
      'person_id',
      'submitted_at',
      'staff.name as submitter',
    ]);

/** The staff member's own submissions, newest first (at most 200). */
export function submittedBy(db: Db, staffId: string) {
  return notificationsQuery(db)
    .where('submitted_by', '=', staffId)
    .orderBy('submitted_at', 'desc')
    .limit(200)
    .execute();
}

/** The municipality's notifications waiting in its inbox, oldest first. */
export function inboxOf(db: Db, municipalityId: string) {
  return notificationsQuery(db)
    .where('notifications.municipality_id', '=', municipalityId)
    .where('status', '=', 'inbox')
    .orderBy('submitted_at')
    .execute();
}

/** Marks one of the municipality's inbox notifications handled now, with the outcome; false when there is none. */
export async function markNotificationHandled(
  db: Db,
  q: { municipalityId: string; id: string; handledBy: string; outcome: string; note: string | null },
): Promise<boolean> {
  const updated = await db
    .updateTable('notifications')
    .set({
      status: 'handled',
      handled_by: q.handledBy,
      handled_at: sql`now()`,
      outcome: q.outcome,
      outcome_note: q.note,
    })
    .where('id', '=', q.id)
    .where('municipality_id', '=', q.municipalityId)
    .where('status', '=', 'inbox')
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** The ids of the municipalities `municipalityId` trusts for routing. */
export async function trustedBy(db: Db, municipalityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('municipality_trusts')
    .select('trusted_municipality_id')
    .where('municipality_id', '=', municipalityId)
    .execute();
  return rows.map((r) => r.trusted_municipality_id);
}

/** Every municipality of the installation but `exceptId`, by name. */
export function otherMunicipalities(db: Db, exceptId: string) {
  return db
    .selectFrom('municipalities')
    .select(['id', 'code', 'name'])
    .where('id', '<>', exceptId)
    .orderBy('name')
    .execute();
}

/** How many of `ids` are municipalities of the installation. */
export async function knownMunicipalityCount(db: Db, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db.selectFrom('municipalities').select('id').where('id', 'in', ids).execute();
  return rows.length;
}

/** Makes `trustedIds` the municipalities `municipalityId` trusts for routing, in place of the earlier ones. */
export async function replaceTrusts(
  db: Db,
  q: { municipalityId: string; trustedIds: string[]; createdBy: string },
): Promise<void> {
  await db.deleteFrom('municipality_trusts').where('municipality_id', '=', q.municipalityId).execute();
  if (q.trustedIds.length)
    await db
      .insertInto('municipality_trusts')
      .values(
        q.trustedIds.map((id) => ({
          municipality_id: q.municipalityId,
          trusted_municipality_id: id,
          created_by: q.createdBy,
        })),
      )
      .execute();
}
