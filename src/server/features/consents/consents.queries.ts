/** Queries over consents, always through a person the actor may see (or manage). */
import { sql, type Kysely } from 'kysely';
import { accessOf, personManagedBy, personVisibleTo, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';

type Q = Kysely<Database>;

/**
 * The person with the actor's access (basis, categories, managed), if the actor works on them for the KAA (may record
 * consents, print forms).
 */
export function selectManagedPerson(db: Q, actor: Actor, personId: string) {
  return db
    .selectFrom('persons')
    .select([
      'persons.id',
      'persons.municipality_id',
      'persons.birth_date',
      'persons.given_name',
      'persons.family_name',
      'persons.personal_identity_number',
    ])
    .select((eb) => accessOf(actor)(eb))
    .where('persons.id', '=', personId)
    .where(personManagedBy(actor))
    .executeTakeFirst();
}

/** The person with the actor's access (basis, categories, managed), if the actor may see them at all. */
export function selectVisiblePerson(db: Q, actor: Actor, personId: string) {
  return db
    .selectFrom('persons')
    .select(['persons.id', 'persons.municipality_id'])
    .select((eb) => accessOf(actor)(eb))
    .where('persons.id', '=', personId)
    .where(personVisibleTo(actor))
    .executeTakeFirst();
}

/** A person's consents, newest first, with recipients and categories. */
export async function selectConsents(db: Q, personId: string) {
  const rows = await db
    .selectFrom('consents')
    .leftJoin('staff', 'staff.id', 'consents.recorded_by')
    .select([
      'consents.id',
      'consents.purpose',
      'consents.given_by',
      'consents.method',
      'consents.given_on',
      'consents.valid_until',
      'consents.withdrawn_at',
      'consents.withdrawal_note',
      'staff.name as recorded_by',
      sql<boolean>`consents.scan is not null`.as('has_scan'),
    ])
    .where('consents.person_id', '=', personId)
    .orderBy('consents.recorded_at', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [recipients, categories] = await Promise.all([
    db
      .selectFrom('consent_recipients')
      .innerJoin('units', 'units.id', 'consent_recipients.unit_id')
      .select(['consent_recipients.consent_id', 'units.id', 'units.name'])
      .where('consent_recipients.consent_id', 'in', ids)
      .orderBy('units.name')
      .execute(),
    db.selectFrom('consent_categories').select(['consent_id', 'category']).where('consent_id', 'in', ids).execute(),
  ]);
  return rows.map((r) => ({
    ...r,
    recipients: recipients.filter((x) => x.consent_id === r.id).map((x) => ({ id: x.id, name: x.name })),
    categories: categories.filter((x) => x.consent_id === r.id).map((x) => x.category),
  }));
}
