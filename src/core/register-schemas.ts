/** Zod schemas of the register API: imports, reconciliation, jobs and school notifications. */
import { z } from 'zod';
import { LIST_KINDS } from './source-lists.js';
import { identityNumber, isoDay } from './schemas.js';

export const importStatus = z.enum(['queued', 'running', 'needs_mapping', 'needs_review', 'ready', 'failed']);

export const importUploadQuery = z.object({ kind: z.enum(LIST_KINDS), fileName: z.string().trim().min(1).max(200) });
export const importSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(LIST_KINDS),
  fileName: z.string(),
  status: importStatus,
  headers: z.array(z.string()).nullable(),
  mapping: z.record(z.string(), z.string().nullable()).nullable(),
  rowsTotal: z.number().int(),
  rowsValid: z.number().int(),
  errorCount: z.number().int(),
  otherMunicipalityRows: z.number().int(),
  failure: z.string().nullable(),
  jobId: z.string().uuid().nullable(),
  progress: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  /**
   * Set when a population list has fewer than 90 % of the previous list's residents: that list's number. It is used
   * only once confirmed.
   */
  previousResidents: z.number().int().nullable(),
});
export const importCreatedSchema = z.object({ id: z.string().uuid(), alreadyImported: z.boolean() });
export const importErrorSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  value: z.string().nullable(),
  blocking: z.boolean(),
  message: z.string(),
});
export const importErrorsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});
export const mappingBody = z.object({
  mapping: z.record(z.string(), z.string().nullable()),
  saveAs: z.string().trim().min(1).max(100).nullish(),
});
/**
 * Accepting an import: exactly its invalid rows to skip, and for a population list that shrank, `confirmShrink: true`.
 */
export const acceptBody = z.object({
  skipLines: z.array(z.number().int().min(1)).max(1_000_000),
  confirmShrink: z.boolean().default(false),
});

/**
 * A reconciliation to run; to apply one that takes many out of the register, `confirmLeaving` must be the number
 * leaving.
 */
export const reconcileBody = z.object({
  asOf: isoDay,
  apply: z.boolean().default(false),
  confirmLeaving: z.number().int().min(0).nullish(),
});
/**
 * Who a reconciliation names. `name` and `protectedIdentity` are missing in results stored before they were recorded.
 */
const namedPerson = {
  personalIdentityNumber: z.string(),
  name: z.string().optional(),
  protectedIdentity: z.boolean().optional(),
};
export const reconcileResultSchema = z.object({
  asOf: z.string(),
  entered: z.array(z.object({ ...namedPerson, reason: z.string() })),
  left: z.array(z.object({ ...namedPerson, reason: z.string(), rule: z.string() })),
  changed: z.array(z.object({ ...namedPerson, fields: z.array(z.string()) })),
  inRegister: z.number().int(),
  inRegisterBefore: z.number().int().optional(),
  leavingNeedsConfirmation: z.boolean().optional(),
});
export const registerQuery = z.object({ asOf: isoDay });
export const registerEntrySchema = z.object({
  personalIdentityNumber: z.string(),
  reason: z.string(),
  since: z.string(),
});

export const jobSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().int(),
  total: z.number().int().nullable(),
  result: z.unknown(),
  error: z.string().nullable(),
});

export { NOTIFICATION_KINDS } from './register.js';
import { NOTIFICATION_KINDS, NOTIFICATION_OUTCOMES } from './register.js';
export const notificationBody = z.object({
  personalIdentityNumber: identityNumber,
  schoolUnitCode: z
    .string()
    .trim()
    .regex(/^\d{8}$/),
  schoolUnitName: z.string().trim().max(200).nullish(),
  kind: z.enum(NOTIFICATION_KINDS),
  date: isoDay,
  message: z.string().trim().max(4000).nullish(),
});
/**
 * Why a coordinator should verify where a notified student lives: population lists of other
 * municipalities, which the reporter's municipality does not trust for routing, name the student.
 * The notification stayed in the reporter's municipality's inbox.
 */
export const routingNoteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verify_home'), claimedBy: z.array(z.string()) }),
]);
export type RoutingNote = z.infer<typeof routingNoteSchema>;

/** The municipalities whose population lists may route this municipality's schools' notifications. */
export const notificationRoutingSchema = z.object({
  trusted: z.array(z.object({ id: z.string().uuid(), code: z.string(), name: z.string() })),
  others: z.array(z.object({ id: z.string().uuid(), code: z.string(), name: z.string() })),
});
export const notificationRoutingBody = z.object({ trustedMunicipalityIds: z.array(z.string().uuid()).max(300) });

export const notificationSchema = z.object({
  id: z.string().uuid(),
  personalIdentityNumber: z.string(),
  schoolUnitCode: z.string(),
  schoolUnitName: z.string().nullable(),
  kind: z.enum(NOTIFICATION_KINDS),
  date: z.string(),
  message: z.string().nullable(),
  /** Reporters see only 'received' or 'handled': where it went would tell them who is in a register. */
  status: z.enum(['received', 'inbox', 'on_timeline', 'handled']),
  routed: z.boolean().nullable(),
  personId: z.string().uuid().nullable(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  /** For the coordinator only (null for reporters): why the home municipality needs verifying. */
  routingNote: routingNoteSchema.nullable(),
});
export const handleNotificationBody = z.object({
  outcome: z.enum(NOTIFICATION_OUTCOMES),
  note: z.string().trim().max(2000).nullish(),
});

export type ImportSummary = z.infer<typeof importSchema>;
export type ImportError = z.infer<typeof importErrorSchema>;
export type ReconcileResult = z.infer<typeof reconcileResultSchema>;
export type Job = z.infer<typeof jobSchema>;
export type Notification = z.infer<typeof notificationSchema>;
export type NotificationRouting = z.infer<typeof notificationRoutingSchema>;
