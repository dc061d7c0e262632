/** Zod schemas of the individual schedule API: the week, the contact person's additions and the young person's feed. */
import { z } from 'zod';
import { CONSENT_CATEGORIES } from './consent.js';
import { parseIsoWeek } from './iso-week.js';
import { SCHEDULE_KINDS, SCHEDULE_STATUSES, TIME_PATTERN, weeklyHoursProblems } from './schedule.js';
import { isoDay, optionalText, text } from './schemas.js';

const id = z.string().uuid();
/** A time of day as HH:MM. */
export const timeOfDay = z.string().regex(TIME_PATTERN, 'invalid');

/** An ISO week, `YYYY-Www`, that exists (2026-W53 does, 2027-W53 does not). */
export const isoWeekText = z.string().refine((s) => parseIsoWeek(s) !== null, 'invalid');

/** A measure's hours in the week: which weekdays, from when to when; no two overlapping on a day. */
export const weeklyHoursSchema = z
  .array(z.object({ weekday: z.number().int().min(1).max(7), start: timeOfDay, end: timeOfDay }))
  .max(14)
  .superRefine((hours, ctx) => {
    for (const p of weeklyHoursProblems(hours)) ctx.addIssue({ code: 'custom', path: [p.index, p.field], message: p.code });
  });
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

/** GET /persons/:id/schedule: the week (default: this week in Sweden). */
export const scheduleQuery = z.object({ week: isoWeekText.optional() });
/** GET /persons/:id/schedule.pdf: the week and the language of the printed page. */
export const schedulePdfQuery = scheduleQuery.extend({ lang: z.enum(['sv', 'en']).default('sv') });

/** An item of the week. `sourceId` is the meeting, measure, addition or activity session it comes from. */
export const scheduleItemSchema = z.object({
  id: z.string(),
  kind: z.enum(SCHEDULE_KINDS),
  sourceId: id,
  day: z.string(),
  /** HH:MM; both null: the whole day. */
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** Free text (a measure's offer, an activity's or addition's title); null for a meeting, named by `detail`. */
  title: z.string().nullable(),
  /** A code that names the item further: a meeting's kind, a measure's offer kind, an activity's kind. */
  detail: z.string().nullable(),
  place: z.string().nullable(),
  /** The staff member the young person meets, for a meeting. */
  staffName: z.string().nullable(),
  status: z.enum(SCHEDULE_STATUSES),
  /** For a moved item: where it was planned before. */
  movedFrom: z.object({ day: z.string(), start: z.string().nullable(), end: z.string().nullable() }).nullable(),
  /** True for an addition the reader may remove. */
  removable: z.boolean(),
});
export type ScheduleItem = z.infer<typeof scheduleItemSchema>;

export const scheduleWeekSchema = z.object({
  personId: id,
  week: z.string(),
  /** The week's seven days, Monday first. */
  days: z.array(z.string()),
  items: z.array(scheduleItemSchema),
  /** Running measures with no weekly hours yet, so not placed in the week. */
  measuresWithoutHours: z.array(z.object({ id, title: z.string() })),
  /** True when categories of the person's information the reader may not see were left out. */
  withheld: z.boolean(),
  /** The reader may add to the week and remove additions. */
  mayChange: z.boolean(),
});
export type ScheduleWeek = z.infer<typeof scheduleWeekSchema>;

/** POST /persons/:id/schedule/additions: once on `date`, or weekly from `date` until `until`. */
export const additionBody = z
  .object({
    date: isoDay,
    weekly: z.boolean().default(false),
    until: isoDay.nullish().transform((v) => v ?? null),
    start: timeOfDay.nullish().transform((v) => v ?? null),
    end: timeOfDay.nullish().transform((v) => v ?? null),
    title: text(200),
    place: optionalText(200),
    category: z.enum(CONSENT_CATEGORIES).default('contact_occupation'),
  })
  .superRefine((a, ctx) => {
    if (a.end && !a.start) ctx.addIssue({ code: 'custom', path: ['start'], message: 'required' });
    if (a.end && a.start && a.end <= a.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'invalid' });
    if (a.until && !a.weekly) ctx.addIssue({ code: 'custom', path: ['until'], message: 'invalid' });
    if (a.until && a.until < a.date) ctx.addIssue({ code: 'custom', path: ['until'], message: 'end_before_start' });
  });
export type AdditionInput = z.input<typeof additionBody>;

export const additionSchema = z.object({
  id,
  personId: id,
  date: z.string(),
  weekly: z.boolean(),
  until: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  title: z.string(),
  place: z.string().nullable(),
  category: z.enum(CONSENT_CATEGORIES),
});
export type Addition = z.infer<typeof additionSchema>;

/** POST /persons/:id/schedule/feed: the language of the feed's event titles. */
export const scheduleFeedBody = z.object({ lang: z.enum(['sv', 'en']).default('sv') }).default({ lang: 'sv' });
/** Whether the young person has a feed; the address only in the answer that makes it. */
export const scheduleFeedSchema = z.object({ active: z.boolean(), createdAt: z.string().nullable(), url: z.string().nullable() });
export type ScheduleFeed = z.infer<typeof scheduleFeedSchema>;
