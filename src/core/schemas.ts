/**
 * Zod schemas of the HTTP API: request bodies, queries and responses. The server validates with
 * them and generates its OpenAPI document from them; the web client uses their types.
 */
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './audit-vocabulary.js';
import { z } from 'zod';
import { parseIdentityNumber } from './personnummer.js';
import { isPhoneNumber, normalPostalCode } from './contact-details.js';
import { CONSENT_CATEGORIES } from './consent.js';
import { ROLES } from './roles.js';
import { PROFESSIONS } from './professions.js';
import { ENTRY_REASONS } from './register.js';
import { isDayInRange, isInstantInRange, isStorableText } from './input-rules.js';

export { CASE_STATUSES, type CaseStatus } from './cases.js';
import { CASE_STATUSES } from './cases.js';
import { CASE_STATUS_FILTERS, CONTACT_PERSON_FILTERS, MAX_GUARDIANS, PERSON_SORTS } from './persons.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';
import { DIPLOMA_VALUES, DOCUMENTED_PROBLEMS, SETTABLE_TARGET_GROUPS } from './outcomes.js';

export { EVENT_TYPES, type EventType } from './events/index.js';
import { EVENT_TYPES } from './events/index.js';

/** Text PostgreSQL can store (no NUL, no lone surrogate), with the field message that says so. */
export const storable = [isStorableText, { message: 'unsafe_text' }] as const;
/** Required trimmed text of at most `max` characters that can be stored. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(...storable);
/** Optional trimmed text; empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(...storable)
    .nullish()
    .transform((v) => (v ? v : null));
/** A day as YYYY-MM-DD that exists and lies within DAY_RANGE. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && isDayInRange(s);
  });
/** A date-time with its offset (ISO 8601) on a day within DAY_RANGE. */
export const isoDateTimeInput = z.string().datetime({ offset: true, abort: true }).refine(isInstantInRange);
const isoDateTime = z.string();
const id = z.string().uuid();

/** A personnummer or samordningsnummer in any accepted form; becomes the twelve-digit canonical form. */
export const identityNumber = z.string().transform((value, ctx) => {
  const parsed = parseIdentityNumber(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.value.canonical;
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  leaving: z.number().int().optional(),
  inRegister: z.number().int().optional(),
  residents: z.number().int().optional(),
  previousResidents: z.number().int().optional(),
});

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  /** 'stalled' when a queued job has waited over 10 minutes and no job is running (the worker has stopped). */
  jobs: z.enum(['ok', 'stalled']),
  /** How many minutes the oldest queued job has waited; null when none waits. */
  oldestQueuedJobMinutes: z.number().int().nullable(),
});

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
/** A new password; the current one may be left out only while the account must still replace its one-time password. */
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});

export const meSchema = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  unitId: id.nullable(),
  municipality: z.object({ id, code: z.string(), name: z.string() }),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});

/** Who gave one of the young person's own contact details: themselves, or someone else (guardian, school, register). */
export const CONTACT_GIVEN_BY = ['young_person', 'someone_else'] as const;
/** Where a young person's sign-in code goes. */
export const SIGN_IN_CODE_CHANNELS = ['sms', 'email'] as const;

/** An optional phone number, Swedish or E.164 (see contact-details.ts). */
const phoneNumber = optionalText(40).refine((v) => v === null || isPhoneNumber(v), { message: 'phone' });
/** An optional Swedish postal code, stored as "NNN NN". */
const postalCode = optionalText(10).transform((v, ctx) => {
  if (v === null) return null;
  const normal = normalPostalCode(v);
  if (normal === null) ctx.addIssue({ code: 'custom', message: 'postal_code' });
  return normal ?? z.NEVER;
});

export const guardianSchema = z.object({
  name: text(200),
  relation: optionalText(50),
  phone: phoneNumber,
  email: optionalText(200),
});

const personFields = {
  givenName: text(100),
  familyName: text(100),
  streetAddress: optionalText(200),
  postalCode,
  city: optionalText(100),
  phone: phoneNumber,
  email: z
    .string()
    .trim()
    .email()
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
  /** Who gave the phone number; a sign-in code goes only to a detail the young person gave (null: not recorded). */
  phoneGivenBy: z.enum(CONTACT_GIVEN_BY).nullable().default(null),
  /** Who gave the e-mail address (as `phoneGivenBy`). */
  emailGivenBy: z.enum(CONTACT_GIVEN_BY).nullable().default(null),
  /** Where the young person's sign-in code goes, chosen by the contact person. */
  signInCodeChannel: z.enum(SIGN_IN_CODE_CHANNELS).default('sms'),
  protectedIdentity: z.boolean().default(false),
  guardians: z.array(guardianSchema).max(MAX_GUARDIANS).default([]),
};

export const personCreateBody = z.object({ personalIdentityNumber: identityNumber, ...personFields });
/**
 * An edit. Who gave a detail and the code channel may be left out: they then stay as they were, except that a changed
 * phone number or e-mail address left without its giver is recorded as given by someone not known (no code).
 */
export const personUpdateBody = z.object({
  ...personFields,
  phoneGivenBy: z.enum(CONTACT_GIVEN_BY).nullable().optional(),
  emailGivenBy: z.enum(CONTACT_GIVEN_BY).nullable().optional(),
  signInCodeChannel: z.enum(SIGN_IN_CODE_CHANNELS).optional(),
  version: z.number().int(),
});

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const personListQuery = pageQuery.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .refine(...storable)
    .default(''),
  sort: z.enum(PERSON_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  contactPerson: z.enum(CONTACT_PERSON_FILTERS).default('any'),
  status: z.enum(CASE_STATUS_FILTERS).optional(),
  register: z.enum(['in', 'out']).optional(),
  teamId: z.string().uuid().optional(),
  under18: z.enum(['true', 'false']).optional(),
  entryReason: z.enum(ENTRY_REASONS).optional(),
});

export const staffRef = z.object({ id, name: z.string() }).nullable();

export const personSummarySchema = z.object({
  id,
  personalIdentityNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  caseStatus: z.enum(CASE_STATUSES).nullable(),
  contactPerson: staffRef,
  inRegister: z.boolean(),
  /** Age in whole years today (Sweden). */
  age: z.number().int(),
  /** When the newest contact attempt was made; null when none, or when the reader may not see contact information. */
  lastAttemptAt: z.string().nullable(),
});

export const registerPeriodSchema = z.object({
  id,
  enteredOn: z.string(),
  entryReason: z.string(),
  leftOn: z.string().nullable(),
  leaveReason: z.string().nullable(),
  /** The eligibility rule that closed the period (see core/eligibility RULES), when reconciliation closed it. */
  rule: z.string().nullable(),
  /** The rows of the source lists that put the person in the register, when reconciliation did. */
  sources: z.array(
    z.object({ list: z.enum(['population', 'enrolments']), fileName: z.string(), line: z.number().int() }),
  ),
});

export const caseSchema = z.object({
  id,
  status: z.enum(CASE_STATUSES),
  /** With what they work as, so the plan can say who the young person's contact is. */
  contactPerson: z.object({ id, name: z.string(), profession: z.enum(PROFESSIONS).nullable() }).nullable(),
  /**
   * False when the contact person may not open the case (inactive, or not of a role and unit that may hold it): choose
   * another.
   */
  contactPersonHasAccess: z.boolean(),
  team: z.object({ id, name: z.string() }).nullable(),
  openedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  version: z.number().int(),
});

export const personDetailSchema = z.object({
  id,
  personalIdentityNumber: z.string(),
  kind: z.enum(['personal', 'coordination']),
  birthDate: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  protectedIdentity: z.boolean(),
  /** True when the person has protected identity and the reader has no grant: contact details are withheld. */
  contactDetailsHidden: z.boolean(),
  streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Who gave the phone number; null when not recorded or withheld (protected identity). */
  phoneGivenBy: z.enum(CONTACT_GIVEN_BY).nullable(),
  emailGivenBy: z.enum(CONTACT_GIVEN_BY).nullable(),
  /** Where the young person's sign-in code goes; null when contact details are withheld. */
  signInCodeChannel: z.enum(SIGN_IN_CODE_CHANNELS).nullable(),
  guardians: z.array(
    z.object({
      name: z.string(),
      relation: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
  registerPeriods: z.array(registerPeriodSchema),
  case: caseSchema.nullable(),
  /** What the reader may see of this person and why (see server/access). */
  access: z.object({
    basis: z.enum(['register', 'contact_person', 'team', 'consent', 'emergency']),
    categories: z.array(z.enum(CONSENT_CATEGORIES)),
    emergencyUntil: isoDateTime.nullable(),
    /**
     * True when the reader works on the person for the KAA (may record consents and applications), not by consent or
     * emergency alone.
     */
    managed: z.boolean(),
  }),
});

export const eventSchema = z.object({
  id,
  type: z.enum(EVENT_TYPES),
  occurredAt: isoDateTime,
  actor: staffRef,
  payload: z.record(z.string(), z.unknown()),
  correctsEventId: id.nullable(),
  correctedBy: id.nullable(),
  category: z.enum(CONSENT_CATEGORIES),
});

export const noteBody = z.object({
  text: text(10000),
  correctsEventId: id.optional(),
  category: z.enum(CONSENT_CATEGORIES).optional(),
  /** Staff choose to share the note with the young person (their own Lotsa and extract); not shared unless said. */
  sharedWithYoungPerson: z.boolean().optional(),
});

/** Whether a written note is shown to the young person from now on. */
export const noteSharingBody = z.object({ shared: z.boolean() });
/** A note's sharing with the young person, after a change. */
export const noteSharingSchema = z.object({ id, sharedWithYoungPerson: z.boolean() });
export type NoteSharing = z.infer<typeof noteSharingSchema>;

export const caseUpdateBody = z.object({
  contactPersonId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  status: z.enum(CASE_STATUSES).optional(),
  /** `kaa` is derived from the register when the case opens and cannot be set. */
  targetGroup: z.enum(SETTABLE_TARGET_GROUPS).optional(),
  upperSecondaryDiploma: z.enum(DIPLOMA_VALUES).optional(),
  /** Health and social information: only for those allowed that category for the person. */
  documentedProblems: z.array(z.enum(DOCUMENTED_PROBLEMS)).max(DOCUMENTED_PROBLEMS.length).optional(),
  version: z.number().int(),
});

export const staffSchema = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  unit: z.object({ id, name: z.string() }).nullable(),
  profession: z.enum(PROFESSIONS).nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
});

export const staffCreateBody = z.object({
  name: text(200),
  email: z.string().trim().toLowerCase().email().max(200),
  role: z.enum(ROLES),
  unitId: id.nullable().default(null),
  profession: z.enum(PROFESSIONS).nullable().default(null),
});
/** A created account: its one-time code waits for another administrator or a coordinator to issue it. */
export const staffCreatedSchema = staffSchema.extend({ codeRequestId: z.string().uuid() });
/** A sign-in code that waits to be issued. */
export const signInCodeRequestSchema = z.object({
  id: z.string().uuid(),
  staff: z.object({ id: z.string().uuid(), name: z.string(), email: z.string(), role: z.enum(ROLES) }),
  requestedBy: z.object({ id: z.string().uuid(), name: z.string() }),
  reason: z.enum(['new_account', 'reset']),
  createdAt: z.string(),
});
export type SignInCodeRequest = z.infer<typeof signInCodeRequestSchema>;
export const staffUpdateBody = z.object({
  name: text(200),
  role: z.enum(ROLES),
  unitId: id.nullable(),
  /** Left out: unchanged. */
  profession: z.enum(PROFESSIONS).nullable().optional(),
  active: z.boolean(),
  version: z.number().int(),
});
export const staffListQuery = z.object({
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).optional(),
  /** Only those who may hold a case as contact person: coordinators and caseworkers of the KAA's own units. */
  contactPerson: z.enum(['true']).optional(),
});

/** A unit or agency; a deactivated one (`active: false`) is no longer offered as a choice but stays on old records. */
export const unitSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(['municipal', 'external']),
  kaa: z.boolean(),
  active: z.boolean(),
});

/** The units that are the KAA's own; every other unit of the municipality is not. */
export const kaaUnitsBody = z.object({ unitIds: z.array(id).min(1).max(50) });

export const auditQuery = pageQuery.extend({
  personId: id.optional(),
  /** An identity number (any usual form) or a part of a name. */
  person: z.string().trim().min(1).max(100).optional(),
  actorId: id.optional(),
  /** The kind of record, and what was done to it. */
  entity: z.enum(AUDIT_ENTITIES).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** Reads of the log itself are hidden unless this is "true". */
  ownReads: z.enum(['true', 'false']).optional(),
  from: isoDateTimeInput.or(isoDay).optional(),
  to: isoDateTimeInput.or(isoDay).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTime,
  actor: staffRef,
  person: z.object({ id, name: z.string() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** What a read of the log itself showed: how many persons' entries. */
  personsShown: z.number().int().nullable(),
  ip: z.string().nullable(),
  /** True for emergency access and everything read under it: highlighted in the log. */
  emergency: z.boolean(),
});

/** A grant to see the contact details of a person with protected identity. */
/** How long a reason for a grant to see protected contact details must at least be, in characters. */
export const GRANT_REASON_MIN_LENGTH = 10;
export const protectedIdentityGrantBody = z.object({ staffId: id, reason: text(500) });

export const figuresSchema = z.object({
  inRegister: z.number().int(),
  openCases: z.number().int(),
  withoutContactPerson: z.number().int(),
  myCases: z.number().int().nullable(),
  /** Coordinators: open cases whose contact person may not open them (another agency's staff, or no longer active). */
  contactPersonWithoutAccess: z.number().int().nullable(),
  byStatus: z.record(z.string(), z.number().int()),
});

/**
 * A page of items with the total count (a lower bound, "more than", when `totalIsLowerBound`: the count stopped there).
 */
export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    totalIsLowerBound: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export type Me = z.infer<typeof meSchema>;
export type PersonSummary = z.infer<typeof personSummarySchema>;
export type PersonDetail = z.infer<typeof personDetailSchema>;
export type PersonCreate = z.input<typeof personCreateBody>;
export type TimelineEvent = z.infer<typeof eventSchema>;
export type Staff = z.infer<typeof staffSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type Figures = z.infer<typeof figuresSchema>;
export type Paged<T> = { items: T[]; total: number; totalIsLowerBound?: boolean; page: number; pageSize: number };

/** A new municipality's first steps, each done or not (the administrator's start page). */
export const gettingStartedSchema = z.object({
  staff: z.boolean(),
  kaaUnits: z.boolean(),
  lists: z.boolean(),
  reconciled: z.boolean(),
});
export type GettingStarted = z.infer<typeof gettingStartedSchema>;
