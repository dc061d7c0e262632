/** Zod schemas of the activities API: activities, their sessions, enrolments and attendance. */
import { z } from 'zod';
import { ACTIVITY_KINDS, ATTENDANCE_STATUSES, isTimeOfDay, type Weekday } from './activities.js';
import { isoDay, optionalText, text } from './schemas.js';

const id = z.string().uuid();
const time = z.string().refine(isTimeOfDay, 'invalid');
const weekday = z
  .number()
  .int()
  .min(1)
  .max(7)
  .transform((n) => n as Weekday);

export const recurrenceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('weekly'), slots: z.array(z.object({ weekday, start: time, end: time })).max(7) }),
  z.object({ type: z.literal('dates'), dates: z.array(z.object({ date: isoDay, start: time, end: time })).max(366) }),
]);
/** The recurrence as the API answers it (no transforms: a response is encoded). */
const recurrenceOut = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('weekly'),
    slots: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  }),
  z.object({
    type: z.literal('dates'),
    dates: z.array(z.object({ date: z.string(), start: z.string(), end: z.string() })),
  }),
]);

/** A period the activity is closed (a summer break, a Christmas closure): both days inclusive. */
export const closedPeriodSchema = z.object({ from: isoDay, to: isoDay, reason: optionalText(200) });

/** An activity as sent when it is created. */
export const activityBody = z.object({
  title: text(200),
  kind: z.enum(ACTIVITY_KINDS),
  leaderStaffIds: z.array(id).max(20).default([]),
  guestLeaders: z.array(text(200)).max(20).default([]),
  place: optionalText(300),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(10000)
    .nullish()
    .transform((v) => v ?? null),
  recurrence: recurrenceSchema,
  startsOn: isoDay,
  endsOn: isoDay.nullish().transform((v) => v ?? null),
  offerId: id.nullish().transform((v) => v ?? null),
  dropIn: z.boolean().default(false),
  unitId: id.nullish().transform((v) => v ?? null),
  closedPeriods: z.array(closedPeriodSchema).max(50).default([]),
});
/** A change to an activity: any of its fields, `active: false` to end it, and the version it was made on. */
export const activityUpdateBody = z.object({
  title: text(200).optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  leaderStaffIds: z.array(id).max(20).optional(),
  guestLeaders: z.array(text(200)).max(20).optional(),
  place: optionalText(300).optional(),
  capacity: z.number().int().min(1).max(10000).nullish(),
  recurrence: recurrenceSchema.optional(),
  startsOn: isoDay.optional(),
  endsOn: isoDay.nullish(),
  offerId: id.nullish(),
  dropIn: z.boolean().optional(),
  unitId: id.nullish(),
  closedPeriods: z.array(closedPeriodSchema).max(50).optional(),
  active: z.boolean().optional(),
  version: z.number().int(),
});

export const activitySchema = z.object({
  id,
  title: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  leaders: z.array(z.object({ staffId: id, name: z.string() })),
  guestLeaders: z.array(z.string()),
  place: z.string().nullable(),
  capacity: z.number().int().nullable(),
  recurrence: recurrenceOut,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  /** Days the activity is closed: no session is planned on them. */
  closedPeriods: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string().nullable() })),
  offer: z.object({ id, name: z.string() }).nullable(),
  dropIn: z.boolean(),
  unit: z.object({ id, name: z.string() }).nullable(),
  active: z.boolean(),
  /** Enrolments running today. */
  enrolled: z.number().int(),
  /** True when the reader leads the activity or otherwise takes its attendance and sees its roster. */
  takesAttendance: z.boolean(),
  version: z.number().int(),
});
export type Activity = z.infer<typeof activitySchema>;

export const rangeQuery = z.object({ from: isoDay, to: isoDay });
export const activityListQuery = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const sessionSchema = z.object({
  id: z.string(),
  activityId: id,
  occursOn: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  cancelled: z.boolean(),
  moved: z.boolean(),
  note: z.string().nullable(),
});
export type SessionOut = z.infer<typeof sessionSchema>;

/** PATCH /sessions/{id}: cancel a session (or undo it), move it to another day and time (null: back to plan). */
export const sessionChangeBody = z.object({
  cancelled: z.boolean().optional(),
  movedTo: z.object({ date: isoDay, start: time, end: time }).nullish(),
  note: optionalText(500).optional(),
});

export const enrolmentBody = z.object({ personId: id, from: isoDay, to: isoDay.nullish().transform((v) => v ?? null) });
export const enrolmentSchema = z.object({
  id,
  activityId: id,
  personId: id,
  from: z.string(),
  to: z.string().nullable(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;
/** PATCH /enrolments/{id}: the enrolment's last day. */
export const enrolmentEndBody = z.object({ to: isoDay });
/** An enrolment as a person's attendance report lists it. */
export const personEnrolmentSchema = z.object({
  id,
  activityId: id,
  activityTitle: z.string(),
  from: z.string(),
  to: z.string().nullable(),
});

/**
 * One line of a session's attendance: a known person, or an anonymous visitor (true: a new one; a key: that one
 * again).
 */
export const attendanceItem = z.union([
  z.object({ personId: id, status: z.enum(ATTENDANCE_STATUSES) }).strict(),
  z
    .object({
      anonymous: z.union([z.literal(true), z.string().trim().min(1).max(40)]),
      status: z.enum(ATTENDANCE_STATUSES),
    })
    .strict(),
]);
export const attendanceBody = z.array(attendanceItem).max(500);

/**
 * A session's roster as its leader sees it: the enrolled (and drop-in) persons with their latest status, and
 * anonymous visits.
 */
export const sessionAttendanceSchema = z.object({
  session: sessionSchema,
  activity: z.object({ id, title: z.string(), dropIn: z.boolean() }),
  persons: z.array(
    z.object({ personId: id, name: z.string(), enrolled: z.boolean(), status: z.enum(ATTENDANCE_STATUSES).nullable() }),
  ),
  anonymous: z.array(z.object({ key: z.string(), status: z.enum(ATTENDANCE_STATUSES) })),
});
export type SessionAttendance = z.infer<typeof sessionAttendanceSchema>;

export const figuresSchema = z.object({
  present: z.number().int(),
  late: z.number().int(),
  absent: z.number().int(),
  excused: z.number().int(),
  rate: z.number().nullable(),
});

/** GET /persons/{id}/attendance: the period's sessions of the person, with figures. */
export const personAttendanceQuery = rangeQuery.extend({
  format: z.enum(['json', 'pdf']).default('json'),
  lang: z.enum(['sv', 'en']).default('sv'),
});
export const personAttendanceSchema = z.object({
  personId: id,
  from: z.string(),
  to: z.string(),
  entries: z.array(
    z.object({
      sessionId: z.string(),
      activityId: id,
      activityTitle: z.string(),
      date: z.string(),
      status: z.enum(ATTENDANCE_STATUSES),
    }),
  ),
  figures: figuresSchema,
  /** The person's enrolments not ended before `from`. */
  enrolments: z.array(personEnrolmentSchema),
  /** Whether the reader may enrol the person and end their enrolments. */
  mayChange: z.boolean(),
});
export type PersonAttendance = z.infer<typeof personAttendanceSchema>;

/** A count as shown: 1 and 2 as "<3" to all but the municipality's coordinator. */
const shownCount = z.union([z.number().int(), z.literal('<3')]);

/**
 * GET /activities/{id}/figures: attendance over a period, and anonymous visits counted; small cells suppressed
 * (with the rate) for all but the municipality's coordinator.
 */
export const activityFiguresSchema = z.object({
  activityId: id,
  from: z.string(),
  to: z.string(),
  sessions: z.number().int(),
  figures: z.object({
    present: shownCount,
    late: shownCount,
    absent: shownCount,
    excused: shownCount,
    rate: z.number().nullable(),
  }),
  anonymousVisits: shownCount,
  smallCellsSuppressed: z.boolean(),
});

/** GET /reports/attendance: a period (both days inclusive, at most 400 days) and a format. */
export const attendanceFiguresQuery = rangeQuery.extend({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  lang: z.enum(['sv', 'en']).default('sv'),
});
/**
 * GET /reports/attendance: the period's attendance per activity and the young people counted into bands of their
 * rate (core's `attendanceInPeriod`); counts only, small cells as "<3" to all but the coordinator and managers.
 */
export const attendanceFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  activities: z.array(
    z.object({
      activityId: id,
      title: z.string(),
      kind: z.string(),
      sessions: z.number().int(),
      present: shownCount,
      late: shownCount,
      absent: shownCount,
      excused: shownCount,
      rate: z.number().nullable(),
      anonymousVisits: shownCount,
      youngPeople: shownCount,
    }),
  ),
  youngPeople: z.object({
    from90: shownCount,
    from75: shownCount,
    from50: shownCount,
    below50: shownCount,
    noRate: shownCount,
  }),
  totals: z.object({ youngPeople: shownCount, anonymousVisits: shownCount, rate: z.number().nullable() }),
  smallCellsSuppressed: z.boolean(),
});
export type AttendanceFiguresView = z.infer<typeof attendanceFiguresSchema>;

/**
 * POST /activities/closed-periods: close a whole centre for a period: every active activity of the municipality (or
 * of one unit) gets the closed period.
 */
export const centreClosureBody = closedPeriodSchema.extend({ unitId: id.nullish().transform((v) => v ?? null) });
export const centreClosureSchema = z.object({ activities: z.number().int() });
