/**
 * SQL of the contact ladder: register periods, attempts, stored next steps, the meetings and
 * unconfirmed text messages shown with a person's outreach, and the outreach settings.
 */
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { ContactAttemptsTable, EventsTable } from '../../db/types.js';

/** The person's open register period, if they are in the register. */
export function openPeriod(db: Db, personId: string) {
  return db
    .selectFrom('register_periods')
    .select(['id', 'entered_on', 'entry_reason'])
    .where('person_id', '=', personId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
}

/** The person's open case, if any. */
export function openCaseOf(db: Db, personId: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'status'])
    .where('person_id', '=', personId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
}

/** Moves a case from new to contacting, stepping its version. */
export async function markCaseContacting(db: Db, caseId: string): Promise<void> {
  await db
    .updateTable('cases')
    .set({ status: 'contacting', version: sql`version + 1` })
    .where('id', '=', caseId)
    .execute();
}

/** The channel, outcome and time of the attempts recorded in a register period, oldest first. */
export function periodAttempts(db: Db, periodId: string) {
  return db
    .selectFrom('contact_attempts')
    .select(['channel', 'outcome', 'at'])
    .where('period_id', '=', periodId)
    .orderBy('at')
    .execute();
}

/** Inserts an attempt's timeline event (built with `eventRow`); returns its id. */
export async function insertAttemptEvent(db: Db, event: Insertable<EventsTable>): Promise<string> {
  const row = await db.insertInto('events').values(event).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts an attempt; returns its id. A reused idempotency key throws a unique violation. */
export async function insertAttemptRow(db: Db, attempt: Insertable<ContactAttemptsTable>): Promise<string> {
  const row = await db.insertInto('contact_attempts').values(attempt).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The attempt the staff member recorded under an idempotency key, or undefined. */
export function attemptByIdempotencyKey(db: Db, staffId: string, key: string) {
  return db
    .selectFrom('contact_attempts')
    .select(['id', 'person_id', 'period_id'])
    .where('staff_id', '=', staffId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Every attempt at the person, newest first, with who made it. */
export function attemptsOf(db: Db, personId: string) {
  return db
    .selectFrom('contact_attempts')
    .innerJoin('staff', 'staff.id', 'contact_attempts.staff_id')
    .select([
      'contact_attempts.id',
      'channel',
      'outcome',
      'at',
      'period_id',
      'occupation',
      'occupation_list_version',
      'agreed',
      'note',
      'staff.id as staff_id',
      'staff.name as staff_name',
    ])
    .where('contact_attempts.person_id', '=', personId)
    .orderBy('at', 'desc')
    .execute();
}

/** The person's meetings not cancelled and not yet over, by start (at most 20), with their staff. */
export function upcomingMeetingsOf(db: Db, personId: string) {
  return db
    .selectFrom('meetings')
    .innerJoin('staff as s1', 's1.id', 'meetings.staff_id')
    .leftJoin('staff as s2', 's2.id', 'meetings.second_staff_id')
    .select([
      'meetings.id',
      'meetings.kind',
      'meetings.starts_at',
      'meetings.ends_at',
      's1.id as staff_id',
      's1.name as staff_name',
      's2.id as second_id',
      's2.name as second_name',
    ])
    .where('meetings.person_id', '=', personId)
    .where('meetings.cancelled_at', 'is', null)
    .where('meetings.ends_at', '>', sql<Date>`now()`)
    .orderBy('meetings.starts_at')
    .limit(20)
    .execute();
}

/**
 * Text messages to the person stored in the outbox whose attempt nobody has confirmed yet, newest
 * first (at most 20); only those `sentBy` sent, unless null. Sign-in codes are left out.
 */
export function unconfirmedSmsOf(db: Db, personId: string, sentBy: string | null) {
  let q = db
    .selectFrom('sms_messages')
    .select(['id', 'recipient', 'created_at'])
    .where('person_id', '=', personId)
    .where('provider', '=', 'outbox')
    .where('status', '=', 'stored')
    .where('attempt_recorded_at', 'is', null)
    // A sign-in code is no contact attempt to confirm.
    .where('purpose', '!=', 'sign_in_code');
  if (sentBy !== null) q = q.where('sent_by', '=', sentBy);
  return q.orderBy('created_at', 'desc').limit(20).execute();
}

/** The stored next step for the period, or undefined when none has been stored for it yet. */
export function storedNextStep(db: Db, personId: string, periodId: string) {
  return db
    .selectFrom('next_steps')
    .select(['channel', 'due_on', 'override_reason', 'version'])
    .where('person_id', '=', personId)
    .where('period_id', '=', periodId)
    .executeTakeFirst();
}

type NextStepValues = {
  period_id: string;
  channel: string | null;
  due_on: string | null;
  override_reason: string | null;
  set_by: string | null;
};

/** Stores Lotsa's proposal as the person's next step, in place of whatever was stored. */
export async function upsertProposedNextStep(
  db: Db,
  at: { personId: string; municipalityId: string },
  values: NextStepValues,
): Promise<void> {
  await db
    .insertInto('next_steps')
    .values({ person_id: at.personId, municipality_id: at.municipalityId, ...values })
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({ ...values, updated_at: sql`now()`, version: sql`next_steps.version + 1` }),
    )
    .execute();
}

/**
 * Stores a coach's first next step for the person in the period: inserts it, or replaces a step
 * stored for an earlier period. Returns the new version, or undefined when one is already stored
 * for this period.
 */
export function insertNextStepOverride(
  db: Db,
  at: { personId: string; municipalityId: string },
  values: NextStepValues,
) {
  return db
    .insertInto('next_steps')
    .values({ person_id: at.personId, municipality_id: at.municipalityId, ...values })
    .onConflict((oc) =>
      oc
        .column('person_id')
        .doUpdateSet({ ...values, updated_at: sql`now()`, version: sql`next_steps.version + 1` })
        .where('next_steps.period_id', 'is distinct from', values.period_id),
    )
    .returning('version')
    .executeTakeFirst();
}

/** Replaces the person's next step of the period if still at `version`; returns the new version, or undefined. */
export function updateNextStepOverride(db: Db, personId: string, version: number, values: NextStepValues) {
  return db
    .updateTable('next_steps')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('person_id', '=', personId)
    .where('period_id', '=', values.period_id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/** The municipality's stored outreach settings and their version, or undefined while the defaults apply. */
export function outreachSettingsRow(db: Db, municipalityId: string) {
  return db
    .selectFrom('outreach_settings')
    .select(['settings', 'version'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

/** Stores the municipality's first outreach settings; returns the version, or undefined when some are stored. */
export function insertOutreachSettings(db: Db, municipalityId: string, settings: string, updatedBy: string) {
  return db
    .insertInto('outreach_settings')
    .values({ municipality_id: municipalityId, settings, updated_by: updatedBy })
    .onConflict((oc) => oc.column('municipality_id').doNothing())
    .returning('version')
    .executeTakeFirst();
}

/** Replaces the municipality's outreach settings if still at `version`; returns the new version, or undefined. */
export function updateOutreachSettings(
  db: Db,
  q: { municipalityId: string; version: number; settings: string; updatedBy: string },
) {
  return db
    .updateTable('outreach_settings')
    .set({ settings: q.settings, version: sql`version + 1`, updated_by: q.updatedBy, updated_at: sql`now()` })
    .where('municipality_id', '=', q.municipalityId)
    .where('version', '=', q.version)
    .returning('version')
    .executeTakeFirst();
}
