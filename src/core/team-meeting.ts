/**
 * The team meeting's rules (issue 16), zod-free so server and web share them: the kinds of agenda
 * item and of decision, which category each belongs to, and how long after entering the register a
 * young person not yet reached is brought to the team.
 */
import type { ConsentCategory } from './consent.js';

/** Days after entering the register after which a young person not yet reached goes on the agenda. */
export const NOT_REACHED_DAYS = 30;

/** What the lead may decide; the first three answer an application to the team. */
export const TEAM_DECISION_KINDS = [
  'accepted',
  'waiting_list',
  'declined',
  'new_measure',
  'referral',
  'contact_person_change',
  'closing',
  'other',
] as const;
export type TeamDecisionKind = (typeof TEAM_DECISION_KINDS)[number];

/** Decisions on an application: they name it, and move it as the applications page does. */
export const APPLICATION_DECISION_KINDS = [
  'accepted',
  'waiting_list',
  'declined',
] as const satisfies readonly TeamDecisionKind[];

/** True when `kind` decides an application (and so needs its id). */
export function decidesApplication(kind: TeamDecisionKind): kind is (typeof APPLICATION_DECISION_KINDS)[number] {
  return (APPLICATION_DECISION_KINDS as readonly string[]).includes(kind);
}

/**
 * The category a decision is recorded in, on the timeline and in the minutes: a change of contact
 * person is contact information; everything else is about the case's assessment and plan.
 */
export function decisionCategory(kind: TeamDecisionKind): ConsentCategory {
  return kind === 'contact_person_change' ? 'contact_occupation' : 'assessment_plan';
}

/** Items members add: a case proposed for closing, or anything else to raise. */
export const MEMBER_ITEM_KINDS = ['closing_proposed', 'other'] as const;
export type MemberItemKind = (typeof MEMBER_ITEM_KINDS)[number];

/** Every kind of agenda item, in the order the agenda lists them. */
export const AGENDA_ITEM_KINDS = [
  'application',
  'follow_up_due',
  'not_reached',
  'measure_ending',
  'closing_proposed',
  'other',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** ISO weekdays, 1 Monday to 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
