/**
 * The SCB half-year return: its five blocks counted per code, the consistency checks with each failure
 * named to those who may see the person, and the file for SCB (CSV, or XLSX for a coordinator to read).
 * Counts leave small cells as "<3" unless the reader is the municipality's own coordinator; the file
 * holds identity numbers, so only a coordinator makes it, and each person in it is audited.
 */
import { seesSmallCells, suppressSmallCells } from '../../../core/figures.js';
import type { ScbReturn } from '../../../core/report-schemas.js';
import { codeListsFor, halfYear, SCB_BLOCKS, scbCsv, type ScbBlock, type ScbRow } from '../../../core/scb.js';
import { personVisibleTo, requireCapability } from '../../access/access.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { scbRows, scbSummary } from './reports.queries.js';
import { scbXlsx } from './reports.export.js';

function periodOf(half: string) {
  const period = halfYear(half);
  if (!period) throw new AppError('validation_failed', [{ field: 'half', code: 'invalid' }]);
  return period;
}

/** The return as JSON, with its checks. */
export async function scbReturn(ctx: RequestContext, half: string): Promise<ScbReturn> {
  requireCapability(ctx.actor, 'figures.read');
  const period = periodOf(half);
  const lists = codeListsFor(half);
  return audited(ctx, async ({ trx, audit }) => {
    // Counts and checks made in the database (`scbSummary`, core's `scbChecks` in SQL): no row leaves it.
    const { counts, failures } = await scbSummary(trx, ctx.actor.municipalityId, period, lists);
    const ids = [...new Set(failures.map((f) => f.personId))];
    const visible = ids.length
      ? await trx
          .selectFrom('persons')
          .select(['id', 'given_name', 'family_name', 'personal_identity_number'])
          .where('id', 'in', ids)
          .where(personVisibleTo(ctx.actor))
          .execute()
      : [];
    const byId = new Map(visible.map((p) => [p.id, p]));
    const listed = failures.flatMap((f) => {
      const p = byId.get(f.personId);
      return p
        ? [
            {
              check: f.check,
              block: f.block,
              on: f.on,
              person: {
                id: p.id,
                name: `${p.given_name} ${p.family_name}`,
                personalIdentityNumber: p.personal_identity_number.trim(),
              },
            },
          ]
        : [];
    });
    await audit(
      ...visible.map((p) => ({
        action: 'read' as const,
        entity: 'scb_return' as const,
        entityId: p.id,
        personId: p.id,
        detail: { half },
      })),
    );
    const suppress = !seesSmallCells(ctx.actor);
    const blocks = suppress ? suppressSmallCells(blocksOf(counts)) : blocksOf(counts);
    return {
      half,
      ...period,
      codeListVersion: lists.version,
      blocks,
      checks: {
        passed: failures.length === 0,
        failures: failures.length,
        listed,
        notShown: failures.length - listed.length,
      },
      smallCellsSuppressed: suppress,
    };
  });
}

/** Counts per block and Lotsa code ('none' for a row without one). */
export function countBlocks(
  rows: readonly ScbRow[],
): Record<ScbBlock, { total: number; byCode: Record<string, number> }> {
  const blocks = Object.fromEntries(
    SCB_BLOCKS.map((b) => [b, { total: 0, byCode: {} as Record<string, number> }]),
  ) as Record<ScbBlock, { total: number; byCode: Record<string, number> }>;
  for (const r of rows) {
    const b = blocks[r.block];
    b.total += 1;
    b.byCode[r.code ?? 'none'] = (b.byCode[r.code ?? 'none'] ?? 0) + 1;
  }
  return blocks;
}

/** Counts per block and Lotsa code from the database's counts (`scbSummary`), every block present. */
export function blocksOf(
  counts: readonly { block: ScbBlock; code: string; n: number }[],
): Record<ScbBlock, { total: number; byCode: Record<string, number> }> {
  const blocks = Object.fromEntries(
    SCB_BLOCKS.map((b) => [b, { total: 0, byCode: {} as Record<string, number> }]),
  ) as Record<ScbBlock, { total: number; byCode: Record<string, number> }>;
  for (const c of counts) {
    blocks[c.block].total += c.n;
    blocks[c.block].byCode[c.code] = c.n;
  }
  return blocks;
}

/**
 * The file for SCB: CSV in the documented layout, or the same rows as XLSX. Coordinators only; each
 * person in it is audited.
 */
export async function scbFile(ctx: RequestContext, half: string, format: 'csv' | 'xlsx'): Promise<Buffer> {
  requireCapability(ctx.actor, 'register.read');
  const period = periodOf(half);
  const lists = codeListsFor(half);
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await scbRows(trx, ctx.actor.municipalityId, period);
    const code = await trx
      .selectFrom('municipalities')
      .select('code')
      .where('id', '=', ctx.actor.municipalityId)
      .executeTakeFirstOrThrow();
    const persons = [...new Set(rows.map((r) => r.personId))];
    await audit(
      ...persons.map((id) => ({
        action: 'export' as const,
        entity: 'scb_return' as const,
        entityId: id,
        personId: id,
        detail: { half, format },
      })),
    );
    return format === 'csv' ? Buffer.from(scbCsv(rows, code.code, lists), 'utf8') : scbXlsx(rows, code.code, lists);
  });
}
