/**
 * Zod schemas of the outreach API: contact attempts, next steps, work queues, settings, letters, SMS, calendar,
 * figures.
 */
import { z } from 'zod';
import { isoDateTimeInput, isoDay, optionalText, storable } from './schemas.js';
import {
  ATTEMPT_CHANNELS,
  ATTEMPT_OUTCOMES,
  CONTACT_CHANNELS,
  MEETING_KINDS,
  OCCUPATION_CODE_LIST,
  QUEUE_KEYS,
  TEMPLATE_KINDS,
  type QueueKey,
  type TemplateKind,
} from './outreach.js';

export { QUEUE_KEYS, TEMPLATE_KINDS, type QueueKey, type TemplateKind };

const id = z.string().uuid();
const dateTime = isoDateTimeInput;

export const attemptChannel = z.enum(ATTEMPT_CHANNELS);
export const attemptOutcome = z.enum(ATTEMPT_OUTCOMES);
export const occupation = z.enum(OCCUPATION_CODE_LIST.codes);

/**
 * POST /persons/{id}/contact-attempts. `outcome` must be chosen (none is assumed: without it the
 * answer is 400 `outcome_required`) and fit the channel; `occupation` and `agreed` only with an
 * outcome that means a conversation.
 */
export const contactAttemptBody = z.object({
  channel: attemptChannel,
  outcome: attemptOutcome.nullish(),
  at: dateTime,
  occupation: occupation.optional(),
  agreed: optionalText(2000),
  note: optionalText(2000),
});

export const nextStepSchema = z
  .object({
    channel: attemptChannel,
    dueOn: z.string(),
    /** Why the coach chose another step than Lotsa's proposal; null for Lotsa's own. */
    overrideReason: z.string().nullable(),
  })
  .nullable();

export const contactAttemptSchema = z.object({
  id,
  channel: attemptChannel,
  outcome: attemptOutcome,
  at: z.string(),
  staff: z.object({ id, name: z.string() }),
  occupation: occupation.nullable(),
  occupationListVersion: z.number().int().nullable(),
  agreed: z.string().nullable(),
  note: z.string().nullable(),
});
export const contactAttemptCreatedSchema = z.object({ id, nextStep: nextStepSchema });

/** The outreach state of one person: attempts since entering the register, next step, occupation. */
export const outreachSchema = z.object({
  personId: id,
  enteredOn: z.string().nullable(),
  under18: z.boolean(),
  attempts: z.array(contactAttemptSchema),
  nextStep: nextStepSchema,
  /** Lotsa's own proposal, whatever the coach chose. */
  proposal: nextStepSchema,
  /** The next step's row version, for optimistic locking of overrides (0 before any). */
  nextStepVersion: z.number().int(),
  firstReachedAt: z.string().nullable(),
  occupation: z.object({ code: occupation, confirmedAt: z.string(), valid: z.boolean() }).nullable(),
  /**
   * Text messages to the person kept in the outbox that the reader sent (a coordinator: anyone sent) and has not yet
   * confirmed as sent; no attempt yet.
   */
  awaitingSms: z.array(z.object({ id, recipient: z.enum(['young_person', 'guardian']), createdAt: z.string() })),
  /** The person's booked meetings and home visits that have not ended, soonest first. */
  meetings: z.array(
    z.object({
      id,
      kind: z.enum(MEETING_KINDS),
      startsAt: z.string(),
      endsAt: z.string(),
      staff: z.object({ id, name: z.string() }),
      secondStaff: z.object({ id, name: z.string() }).nullable(),
    }),
  ),
});

export const nextStepOverrideBody = z.object({
  channel: attemptChannel,
  dueOn: isoDay,
  reason: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine(...storable),
  version: z.number().int().min(0),
});

export const queueFilterQuery = z.object({
  /** `me`, a staff id, or `none` (no contact person); empty for everyone the reader may see. */
  contactPerson: z.union([z.literal('me'), z.literal('none'), id]).optional(),
});
export const queueSchema = z.object({
  key: z.enum(QUEUE_KEYS),
  count: z.number().int(),
  /** The count is a lower bound ("at least"): it stopped there, as the person list's total does. */
  countIsLowerBound: z.boolean().optional(),
  kind: z.enum(['persons', 'notifications']),
});
export const queueItemSchema = z.object({
  personId: id,
  givenName: z.string(),
  familyName: z.string(),
  personalIdentityNumber: z.string(),
  caseId: id.nullable(),
  caseVersion: z.number().int().nullable(),
  contactPerson: z.object({ id, name: z.string() }).nullable(),
  enteredOn: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextStep: nextStepSchema,
  /** For the home-visits queue: when the planned visit is. */
  plannedAt: z.string().nullable(),
  /** For the measure-ending queue: the soonest planned end of a running measure. */
  measureEndsOn: z.string().nullable(),
  /**
   * The first follow-up date of the open case's action plan or its open steps (the follow-up-due queue sorts by it).
   */
  planFollowUpOn: z.string().nullable().optional(),
  /** For the closure-follow-up queue: the follow-up after closure that is due (record its result with its version). */
  closureFollowUp: z
    .object({ id, caseId: id, months: z.number().int(), dueOn: z.string(), version: z.number().int() })
    .nullable()
    .optional(),
});
/**
 * How one queue's persons can be sorted; `due` is the next step's date (the planned visit in the home-visits queue).
 */
export const QUEUE_SORTS = ['due', 'name', 'entered', 'lastAttempt', 'contactPerson'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const queueItemsQuery = queueFilterQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  sort: z.enum(QUEUE_SORTS).default('due'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const queuePageSchema = z.object({
  key: z.enum(QUEUE_KEYS),
  items: z.array(queueItemSchema),
  total: z.number().int(),
  /** The total is a lower bound ("at least"): the count stopped there, as the person list's does. */
  totalIsLowerBound: z.boolean().optional(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const bulkAssignBody = z.object({ personIds: z.array(id).min(1).max(500), contactPersonId: id });
export const bulkAssignResultSchema = z.object({ assigned: z.number().int() });

export const ladderStep = z.object({ channel: z.enum(CONTACT_CHANNELS), waitDays: z.number().int().min(0).max(90) });
export const outreachSettingsSchema = z.object({
  overdueDays: z.number().int().min(1).max(90),
  ladder: z
    .array(ladderStep)
    .min(1)
    .max(12)
    .refine((l) => new Set(l.map((s) => s.channel)).size === l.length, 'each channel once'),
  homeVisitNoticeDays: z.number().int().min(1).max(30),
  occupationValidityDays: z.object(
    Object.fromEntries(OCCUPATION_CODE_LIST.codes.map((c) => [c, z.number().int().min(0).max(730)])) as Record<
      (typeof OCCUPATION_CODE_LIST.codes)[number],
      z.ZodNumber
    >,
  ),
  planMissingDays: z.number().int().min(1).max(365).default(30),
  followUpMonths: z.array(z.number().int().min(1).max(60)).max(6).default([6, 12]),
  contactPhone: z
    .string()
    .trim()
    .max(40)
    .refine(...storable),
  returnAddress: z
    .string()
    .trim()
    .max(200)
    .refine(...storable),
});
export const outreachSettingsResponse = z.object({
  settings: outreachSettingsSchema,
  version: z.number().int(),
  occupationListVersion: z.number().int(),
});
export const outreachSettingsBody = z.object({ settings: outreachSettingsSchema, version: z.number().int().min(0) });

export const templateSchema = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  language: z.enum(['sv', 'en']),
  heading: z.string(),
  body: z.string(),
  version: z.number().int(),
});
export const templateBody = z.object({
  heading: z
    .string()
    .trim()
    .max(200)
    .refine(...storable),
  body: z
    .string()
    .trim()
    .min(1)
    .max(5000)
    .refine(...storable),
  version: z.number().int().min(0),
});
export const templateParams = z.object({ kind: z.enum(TEMPLATE_KINDS), language: z.enum(['sv', 'en']) });

/** POST /letters: one person's letter, or every letter due today that the reader may see. */
export const letterBody = z
  .object({
    personIds: z.array(id).min(1).max(500).optional(),
    dueToday: z.boolean().optional(),
    kind: z.enum(['letter', 'second_letter', 'home_visit_notice']).optional(),
    language: z.enum(['sv', 'en']).default('sv'),
    /** Record a sent letter as a contact attempt for each person printed. */
    recordAttempts: z.boolean().default(false),
  })
  .refine((b) => Boolean(b.personIds) !== Boolean(b.dueToday), {
    message: 'personIds or dueToday',
    path: ['personIds'],
  });
export const letterDueSchema = z.object({
  personId: id,
  givenName: z.string(),
  familyName: z.string(),
  kind: z.enum(['letter', 'second_letter', 'home_visit_notice']),
  dueOn: z.string(),
  /** Printed without address, for forwarding through Skatteverket. */
  forwardViaSkatteverket: z.boolean(),
  /** No postal address is known: nothing can be printed. */
  noAddress: z.boolean(),
});

/**
 * POST /persons/{id}/sms. `meetingTime` is free text put in the template, checked like a template (no identity number,
 * no placeholder).
 */
export const smsBody = z.object({
  recipient: z.enum(['young_person', 'guardian']).default('young_person'),
  meetingTime: optionalText(60),
});
export const smsSchema = z.object({
  id,
  personId: id,
  person: z.object({ givenName: z.string(), familyName: z.string() }).nullable(),
  recipient: z.enum(['young_person', 'guardian']),
  to: z.string().nullable(),
  body: z.string(),
  provider: z.enum(['outbox', 'gateway']),
  status: z.enum(['stored', 'sent', 'delivered', 'failed']),
  /**
   * Why a failed message never reached the gateway: it refused, it did not answer, or Lotsa stopped before handing it
   * over.
   */
  failure: z.enum(['refused', 'no_answer', 'not_sent']).nullable(),
  sentBy: z.string(),
  createdAt: z.string(),
  /** Kept in the outbox and not yet confirmed as sent by other means: no contact attempt recorded for it yet. */
  awaitingConfirmation: z.boolean(),
});

export const centreSchema = z.object({ id, name: z.string() });
export const centreBody = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine(...storable),
});
export const meetingBody = z.object({
  kind: z.enum(MEETING_KINDS),
  startsAt: dateTime,
  endsAt: dateTime,
  staffId: id.optional(),
  secondStaffId: id.nullish(),
  centreId: id.nullish(),
  personId: id.nullish(),
});
export const meetingSchema = z.object({
  id,
  kind: z.enum(MEETING_KINDS),
  startsAt: z.string(),
  endsAt: z.string(),
  staff: z.object({ id, name: z.string() }),
  secondStaff: z.object({ id, name: z.string() }).nullable(),
  centre: centreSchema.nullable(),
  /** The young person, only for readers who may see them; never an address. */
  person: z.object({ id, givenName: z.string(), familyName: z.string() }).nullable(),
  noticeDueOn: z.string().nullable(),
  version: z.number().int(),
});
export const calendarQuery = z.object({ from: isoDay, to: isoDay, staffId: id.optional(), centreId: id.optional() });
export const calendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  url: z.string().nullable(),
});

const figureRow = z.object({
  inRegister: z.number().int(),
  reached: z.number().int(),
  reachedShare: z.number().nullable(),
  reachedInTime: z.number().int(),
  reachedInTimeShare: z.number().nullable(),
  medianDaysToFirstContact: z.number().nullable(),
  notReached: z.number().int(),
  overdue: z.number().int(),
  /** In the register with a completed assessment (kartläggning). */
  mapped: z.number().int(),
  mappedShare: z.number().nullable(),
});
export const outreachFiguresSchema = z.object({
  overdueDays: z.number().int(),
  /**
   * The day from which only a conversation counts as reached; attempts recorded before it count as they were recorded.
   */
  conversationRuleSince: z.string().nullable(),
  municipality: figureRow,
  byContactPerson: z.array(figureRow.extend({ contactPerson: z.object({ id, name: z.string() }).nullable() })),
});

export type ContactAttempt = z.infer<typeof contactAttemptSchema>;
export type Outreach = z.infer<typeof outreachSchema>;
export type QueueSummary = z.infer<typeof queueSchema>;
export type QueueItem = z.infer<typeof queueItemSchema>;
export type OutreachSettingsResponse = z.infer<typeof outreachSettingsResponse>;
export type MessageTemplate = z.infer<typeof templateSchema>;
export type LetterDue = z.infer<typeof letterDueSchema>;
export type SmsMessage = z.infer<typeof smsSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Centre = z.infer<typeof centreSchema>;
export type OutreachFigures = z.infer<typeof outreachFiguresSchema>;
