/**
 * The young person as an actor: signed in to their own Lotsa (/mitt), by a one-time code today or an
 * eID later; the session, not the method, decides what they see. Default deny, as for staff:
 *
 * - the only person a young person reaches is themselves, and only while they have a live case (open,
 *   or closed within the follow-up period) in the municipality that holds the session; every other
 *   person, and every staff endpoint, answers 404 (the auth hook refuses staff routes outright);
 * - what they may do is a short table of their own (`YOUNG_PERSON_CAN`), not a staff role;
 * - of their own record they see the categories the KAA documents with them (contact and occupation,
 *   assessment and plan), never health and social notes recorded by another agency; of notes only
 *   those staff share with them (`sharedWithYoungPerson`, or as changed since: `note_shares`); of
 *   assessments only the sections staff shared with them (`assessment_section_shares`), of completed
 *   assessments, in these categories.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ConsentCategory } from '../../core/consent.js';
import type { Database } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { FOLLOW_UP_MONTHS } from './access.js';

/** A signed-in young person: whose session, in which municipality, opened how. */
export type YoungPersonActor = {
  kind: 'young_person';
  personId: string;
  municipalityId: string;
  method: 'sms_code' | 'email_code' | 'eid';
};

/** What a young person may do in their own Lotsa. Default deny: what is not listed is refused. */
export const YOUNG_PERSON_CAN = [
  'me.read',
  'me.plan.step_done',
  'me.plan.sign',
  'me.consents.withdraw',
  'me.consents.sign',
  'me.applications.sign',
  'me.extract',
  'me.feed',
  'me.evaluate',
  'me.plan.own_words',
] as const;
export type YoungPersonCapability = (typeof YOUNG_PERSON_CAN)[number];

/** Throws 404 unless the young person may do `capability` (a staff-only action is not theirs to find). */
export function requireYoungPersonCapability(
  _actor: YoungPersonActor,
  capability: string,
): asserts capability is YoungPersonCapability {
  if (!(YOUNG_PERSON_CAN as readonly string[]).includes(capability)) throw new AppError('not_found');
}

/** The categories a young person sees of their own record: never another agency's health and social notes. */
export const YOUNG_PERSON_CATEGORIES: readonly ConsentCategory[] = ['contact_occupation', 'assessment_plan'];

/**
 * SQL condition on `persons`: the young person's own row, while they have a live case in the session's
 * municipality.
 */
export function ownRecordOf(
  actor: YoungPersonActor,
): (eb: ExpressionBuilder<Database, 'persons'>) => Expression<SqlBool> {
  return (eb) =>
    eb.and([
      eb('persons.id', '=', actor.personId),
      eb('persons.municipality_id', '=', actor.municipalityId),
      eb.exists(
        eb
          .selectFrom('cases')
          .select(sql`1`.as('one'))
          .whereRef('cases.person_id', '=', 'persons.id')
          .where((c) =>
            c.or([
              c('cases.closed_at', 'is', null),
              c('cases.closed_at', '>', sql<Date>`now() - make_interval(months => ${FOLLOW_UP_MONTHS})`),
            ]),
          ),
      ),
    ]);
}

/**
 * SQL on a note in `events`: whether it is shared with the young person now. Staff may change that after
 * writing it (a row in `note_shares`); without a change, as written (`sharedWithYoungPerson` on the note).
 */
export const noteSharedWithYoungPerson = sql<SqlBool>`coalesce(
  (select note_shares.shared from note_shares where note_shares.note_id = events.id),
  events.payload -> 'sharedWithYoungPerson' = 'true'::jsonb)`;

/**
 * SQL condition on `events`: a timeline entry of their own record that the young person may see (already
 * within their categories): a note only while staff share it with them (`noteSharedWithYoungPerson`).
 */
export const eventSharedWithYoungPerson = sql<SqlBool>`(events.type <> 'note' or ${noteSharedWithYoungPerson})`;
