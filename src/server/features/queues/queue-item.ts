/**
 * One row of a work queue as the API shows it: the same mapping for the queues over the register
 * (`queues.service.ts`) and the closure-follow-up queue (`outcomes/follow-ups.service.ts`).
 */
import type { QueueItem } from '../../../core/outreach-schemas.js';
import type { AttemptChannel } from '../../../core/outreach.js';

/** The person, case and contact person columns every queue selects, under these names. */
export const QUEUE_PERSON_COLUMNS = [
  'persons.id',
  'persons.given_name',
  'persons.family_name',
  'persons.personal_identity_number',
  'cases.version as case_version',
  'contact.id as contact_id',
  'contact.name as contact_name',
] as const;

/** A queue's row as selected: the person columns, the case, and what the queue adds (absent: not part of it). */
export type QueueRow = {
  id: string;
  given_name: string;
  family_name: string;
  personal_identity_number: string;
  case_id: string | null;
  case_version: number | null;
  contact_id: string | null;
  contact_name: string | null;
  entered_on?: string | null;
  override_reason?: string | null;
  next_channel?: string | null;
  next_due?: string | null;
  last_attempt_at?: Date | string | null;
  planned_at?: Date | string | null;
  measure_ends_on?: string | null;
  plan_follow_up_on?: string | null;
  follow_up?: { id: string; months: number; due_day: string; version: number } | null;
};

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The API's queue item of a row. */
export function queueItemOf(r: QueueRow): QueueItem {
  return {
    personId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    personalIdentityNumber: r.personal_identity_number,
    caseId: r.case_id,
    caseVersion: r.case_version,
    contactPerson: r.contact_id ? { id: r.contact_id, name: r.contact_name ?? '' } : null,
    enteredOn: r.entered_on ?? null,
    lastAttemptAt: iso(r.last_attempt_at),
    nextStep:
      r.next_channel && r.next_due
        ? { channel: r.next_channel as AttemptChannel, dueOn: r.next_due, overrideReason: r.override_reason ?? null }
        : null,
    plannedAt: iso(r.planned_at),
    measureEndsOn: r.measure_ends_on ?? null,
    ...(r.plan_follow_up_on !== undefined && { planFollowUpOn: r.plan_follow_up_on }),
    ...(r.follow_up && {
      closureFollowUp: {
        id: r.follow_up.id,
        caseId: r.case_id!,
        months: r.follow_up.months,
        dueOn: r.follow_up.due_day,
        version: r.follow_up.version,
      },
    }),
  };
}
