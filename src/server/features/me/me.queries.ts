/** Queries of the young person's own Lotsa, every one through `ownRecordOf` (access/young-person.ts). */
import { sql, type Kysely } from 'kysely';
import { ownRecordOf, type YoungPersonActor } from '../../access/young-person.js';
import type { Database } from '../../db/types.js';

type Q = Kysely<Database>;

/**
 * The young person's own row and newest live case, with the contact person; undefined once they may no longer sign in.
 */
export function selectOwnCase(db: Q, actor: YoungPersonActor) {
  return db
    .selectFrom('persons')
    .innerJoin('cases', 'cases.person_id', 'persons.id')
    .leftJoin('staff as contact', (j) =>
      j.onRef('contact.id', '=', 'cases.contact_person_id').on('contact.active', '=', true),
    )
    .leftJoin('units', 'units.id', 'contact.unit_id')
    .select([
      'persons.id',
      'persons.municipality_id',
      'persons.given_name',
      'cases.id as case_id',
      'contact.name as contact_name',
      'contact.email as contact_email',
      'units.name as contact_unit',
    ])
    .where(ownRecordOf(actor))
    .orderBy('cases.closed_at', (o) => o.desc().nullsFirst())
    .orderBy('cases.opened_at', 'desc')
    .executeTakeFirst();
}

/** The young person's next meeting that is not cancelled, from `now`. */
export function selectNextMeeting(db: Q, actor: YoungPersonActor, now: Date) {
  return db
    .selectFrom('meetings')
    .leftJoin('centres', 'centres.id', 'meetings.centre_id')
    .select(['meetings.starts_at', 'meetings.ends_at', 'meetings.kind', 'centres.name as place'])
    .where('meetings.person_id', '=', actor.personId)
    .where('meetings.municipality_id', '=', actor.municipalityId)
    .where('meetings.cancelled_at', 'is', null)
    .where('meetings.starts_at', '>', now)
    .orderBy('meetings.starts_at')
    .executeTakeFirst();
}

/** A step of the young person's plan on their case, with the plan it belongs to. */
export function selectOwnStep(db: Q, actor: YoungPersonActor, caseId: string, stepId: string) {
  return db
    .selectFrom('plan_steps')
    .innerJoin('action_plans', 'action_plans.id', 'plan_steps.plan_id')
    .select(['plan_steps.id', 'plan_steps.responsible_kind', 'plan_steps.status', 'action_plans.id as plan_id'])
    .where('plan_steps.id', '=', stepId)
    .where('action_plans.case_id', '=', caseId)
    .where('plan_steps.person_id', '=', actor.personId)
    .executeTakeFirst();
}

/** A consent of the young person's own. */
export function selectOwnConsent(db: Q, actor: YoungPersonActor, consentId: string) {
  return db
    .selectFrom('consents')
    .select(['id', 'person_id', 'municipality_id', 'withdrawn_at'])
    .where('id', '=', consentId)
    .where('person_id', '=', actor.personId)
    .where('municipality_id', '=', actor.municipalityId)
    .executeTakeFirst();
}

/**
 * Who read or changed the young person's data, newest first, from the audit log: staff only (their
 * own reads and the system's work are left out), with the unit, role and the basis each read
 * recorded. A refusal ('denied') read nothing and is left out.
 */
export function selectAccessLog(db: Q, actor: YoungPersonActor, limit: number) {
  return db
    .selectFrom('audit_log')
    .innerJoin('staff', 'staff.id', 'audit_log.actor_id')
    .leftJoin('units', 'units.id', 'staff.unit_id')
    .select([
      'audit_log.at',
      'audit_log.action',
      'audit_log.entity',
      'staff.name',
      'staff.role',
      'units.name as unit',
      sql<string | null>`audit_log.detail->>'basis'`.as('basis'),
    ])
    .where('audit_log.person_id', '=', actor.personId)
    .where('audit_log.municipality_id', '=', actor.municipalityId)
    .where('audit_log.action', 'in', ['read', 'list', 'create', 'update', 'export'])
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
}
