/** Zod schemas of the team meeting API (issue 16): the series, meetings, attendance, agenda items and decisions. */
import { z } from 'zod';
import { CONSENT_CATEGORIES } from './consent.js';
import { measureBody, referralBody } from './measure-schemas.js';
import { closeCaseBody } from './outcome-schemas.js';
import { isoDay, optionalText, text } from './schemas.js';
import { AGENDA_ITEM_KINDS, MEMBER_ITEM_KINDS, TEAM_DECISION_KINDS } from './team-meeting.js';

const id = z.string().uuid();
/** A time of day, HH:MM. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const staffRef = z.object({ id, name: z.string() });

/** PUT /teams/{id}/meeting-series: when and where the team meets, and who leads. */
export const meetingSeriesBody = z.object({
  weekday: z.number().int().min(1).max(7),
  time: timeOfDay,
  place: text(200),
  leadId: id,
  /** The series' version as read (409 `version_conflict` when someone changed it meanwhile). */
  version: z.number().int(),
});
export const meetingSeriesSchema = z.object({
  weekday: z.number().int().nullable(),
  time: z.string().nullable(),
  place: z.string().nullable(),
  lead: staffRef.nullable(),
  version: z.number().int(),
});

/** POST /teams/{id}/meetings: a meeting on a day; time, place and lead default to the series. */
export const teamMeetingBody = z.object({ heldOn: isoDay, time: timeOfDay.optional(), place: optionalText(200) });
export const teamMeetingSummarySchema = z.object({
  id,
  heldOn: z.string(),
  time: z.string().nullable(),
  place: z.string().nullable(),
  lead: staffRef.nullable(),
  decisions: z.number().int(),
});
export const teamMeetingsSchema = z.object({
  team: z.object({ id, name: z.string() }),
  series: meetingSeriesSchema,
  /** Whether the reader may change the series and create meetings (coordinators, the lead). */
  mayManage: z.boolean(),
  meetings: z.array(teamMeetingSummarySchema),
});

/** PUT /meetings/team/{id}/attendance: the members present and the guests, replacing what was recorded. */
export const attendanceBody = z.object({
  members: z.array(id).max(100),
  guests: z.array(z.object({ name: text(200), role: optionalText(200) })).max(50),
});

/** POST /meetings/team/{id}/items: a member's item, about a young person or not. */
export const agendaItemBody = z.object({
  personId: id.nullish().transform((v) => v ?? null),
  kind: z.enum(MEMBER_ITEM_KINDS),
  category: z.enum(CONSENT_CATEGORIES).default('assessment_plan'),
  text: text(2000),
});

/** POST /meetings/team/{id}/decisions. */
export const decisionBody = z.object({
  personId: id,
  kind: z.enum(TEAM_DECISION_KINDS),
  /** The application decided (accepted, waiting list, declined): one to this team, still pending. */
  applicationId: id.optional(),
  /** The new contact person (change of contact person). */
  contactPersonId: id.optional(),
  /** The measure a `new_measure` decision books, as `POST /persons/{id}/measures` takes it. */
  measure: measureBody.optional(),
  /** The referral a `referral` decision sends, as `POST /persons/{id}/referrals` takes it. */
  referral: referralBody.optional(),
  /** How a `closing` decision closes the open case, as `POST /cases/{id}/close` takes it (with its version). */
  closing: closeCaseBody.optional(),
  text: optionalText(2000),
});

/** A young person as a reader sees them: null when the reader may not see them ("a young person (no access)"). */
const shownPerson = z.object({ id, name: z.string() }).nullable();

/** One item of the agenda; everything about the young person is null when the reader may not see it. */
export const agendaItemSchema = z.object({
  kind: z.enum(AGENDA_ITEM_KINDS),
  /** The item's own id (an application, a measure, a member's item), or null for the hidden. */
  id: id.nullable(),
  person: shownPerson,
  /** True when the item is about a young person the reader may not see in its category. */
  hidden: z.boolean(),
  /** The day that put it on the agenda: signed, follow-up due, entered the register, planned end. */
  date: z.string().nullable(),
  /** The measure's offer, or the member's text. */
  text: z.string().nullable(),
  addedBy: z.string().nullable(),
});

export const decisionSchema = z.object({
  id,
  kind: z.enum(TEAM_DECISION_KINDS),
  person: shownPerson,
  hidden: z.boolean(),
  applicationId: id.nullable(),
  text: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
});

export const teamMeetingSchema = z.object({
  id,
  team: z.object({ id, name: z.string() }),
  heldOn: z.string(),
  time: z.string().nullable(),
  place: z.string().nullable(),
  lead: staffRef.nullable(),
  /** Whether the reader may record attendance and decisions (the lead, coordinators). */
  mayDecide: z.boolean(),
  members: z.array(
    z.object({ id, name: z.string(), role: z.string(), unit: z.string().nullable(), present: z.boolean() }),
  ),
  guests: z.array(z.object({ name: z.string(), role: z.string().nullable() })),
  agenda: z.array(agendaItemSchema),
  decisions: z.array(decisionSchema),
});

export const minutesQuery = z.object({ lang: z.enum(['sv', 'en']).default('sv') });

export type MeetingSeries = z.infer<typeof meetingSeriesSchema>;
export type TeamMeetings = z.infer<typeof teamMeetingsSchema>;
export type TeamMeeting = z.infer<typeof teamMeetingSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type TeamDecision = z.infer<typeof decisionSchema>;
