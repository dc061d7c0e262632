/**
 * The municipality's assessment manual: Lotsa's default until a coordinator saves one, then one
 * stored version per save (assessments keep the version they were made with).
 */
import type { z } from 'zod';
import { DEFAULT_MANUAL, manualProblems, type ManualSection } from '../../../core/assessment.js';
import type { Manual, manualBody } from '../../../core/assessment-schemas.js';
import { roleCan } from '../../../core/roles.js';
import { requireCapability } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { insertManual, selectLatestManual } from './assessments.queries.js';

/** Those who work with assessments read the manual; coordinators edit it. */
const readsManual = (ctx: RequestContext) =>
  roleCan(ctx.actor.role, 'persons.browse') || roleCan(ctx.actor.role, 'outreach.configure');

/** The current manual of the actor's municipality (version 0: Lotsa's default, not yet saved). */
export async function getManual(ctx: RequestContext): Promise<Manual> {
  if (!readsManual(ctx)) throw new AppError('forbidden');
  const latest = await selectLatestManual(ctx.db, ctx.actor.municipalityId);
  if (!latest) return { version: 0, sections: DEFAULT_MANUAL, updatedAt: null, updatedBy: null };
  return {
    version: latest.version,
    sections: latest.sections,
    updatedAt: latest.created_at.toISOString(),
    updatedBy: latest.created_by,
  };
}

/** Saves the manual as a new version; 409 when someone saved another version since `version` was read. */
export async function saveManual(ctx: RequestContext, input: z.infer<typeof manualBody>): Promise<Manual> {
  requireCapability(ctx.actor, 'outreach.configure');
  const problems = manualProblems(input.sections);
  if (problems.length)
    throw new AppError(
      'validation_failed',
      problems.map((field) => ({ field, code: 'invalid' as const })),
    );
  await audited(ctx, async ({ trx, audit }) => {
    const latest = await selectLatestManual(trx, ctx.actor.municipalityId);
    if ((latest?.version ?? 0) !== input.version) throw new AppError('version_conflict');
    const saved = await insertManual(trx, ctx.actor.municipalityId, input.version + 1, input.sections, ctx.actor.id);
    if (!saved) throw new AppError('version_conflict');
    await audit({
      action: 'update',
      entity: 'assessment_manual',
      entityId: saved.id,
      detail: { version: saved.version, sections: input.sections.length },
    });
  });
  return getManual(ctx);
}

/**
 * The manual a new assessment uses: the newest stored version, or Lotsa's default stored as
 * version 1 the first time (so that every assessment points at a stored version).
 */
export async function currentManualFor(
  db: Db,
  municipalityId: string,
): Promise<{ id: string; version: number; sections: ManualSection[] }> {
  const latest = await selectLatestManual(db, municipalityId);
  if (latest) return latest;
  await insertManual(db, municipalityId, 1, DEFAULT_MANUAL, null);
  return (await selectLatestManual(db, municipalityId))!;
}
