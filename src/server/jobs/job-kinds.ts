/**
 * Every kind of background job Lotsa runs, with the zod schema of its payload. Enqueuing checks a
 * payload against its kind's schema, and the worker checks it again when it claims the job, so a
 * job stored by an older release with another shape fails with a logged reason instead of running
 * on guessed fields.
 */
import { z } from 'zod';
import { isoDay } from '../../core/schemas.js';

/** The payload schema of each job kind. */
export const JOB_PAYLOADS = {
  /** Read, check and load an uploaded source list (`features/imports`). */
  import: z.object({ importId: z.string().uuid(), path: z.string().min(1) }),
  /** Reconcile the register on a day, or apply it (`features/register`). */
  reconcile: z.object({
    asOf: isoDay,
    apply: z.boolean(),
    actorId: z.string().uuid().nullable(),
    confirmLeaving: z.number().int().min(0).nullish(),
  }),
} as const;

/** A kind of background job. */
export type JobKind = keyof typeof JOB_PAYLOADS;

/** The payload a job of kind `K` carries. */
export type JobPayload<K extends JobKind> = z.infer<(typeof JOB_PAYLOADS)[K]>;

/** True when `kind` names a job kind Lotsa knows. */
export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(JOB_PAYLOADS, kind);
}
