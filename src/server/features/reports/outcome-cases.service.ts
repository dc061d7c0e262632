/**
 * Tracing a figure to its cases: the cases behind a count of the outcome report (an outcome, a gender,
 * a diploma, documented problems), or the persons behind a count of the SCB return's blocks, for staff
 * who may browse persons (a manager, who sees counts only, may not). Lists only the persons the reader
 * may see, counts none of the others (a count of the hidden would undo the small-cell suppression), and
 * audits each person read.
 */
import type { z } from 'zod';
import type { OutcomeCases, outcomeCasesQuery } from '../../../core/report-schemas.js';
import type { ScbBlock } from '../../../core/scb.js';
import { requireCapability } from '../../access/access.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { OUTCOME_CASES_LIMIT, selectOutcomeCases, selectVisiblePersons } from './outcome-cases.queries.js';
import { loadFigureSettings, scbRows, withoutJit } from './reports.queries.js';

type Query = z.infer<typeof outcomeCasesQuery>;
/** The filters that pick closed cases, which an SCB block (rows of persons, not cases) does not take. */
const CASE_FILTERS = [
  'outcome',
  'targetGroup',
  'contactPerson',
  'gender',
  'diploma',
  'documentedProblems',
  'median',
  'onTime',
] as const;

/** GET /reports/outcomes/cases. */
export async function outcomeCases(ctx: RequestContext, q: Query): Promise<OutcomeCases> {
  requireCapability(ctx.actor, 'figures.read');
  requireCapability(ctx.actor, 'persons.browse');
  if (q.to < q.from) throw new AppError('validation_failed', [{ field: 'to', code: 'end_before_start' }]);
  if (q.scbCode && !q.scbBlock) throw new AppError('validation_failed', [{ field: 'scbBlock', code: 'required' }]);
  const mixed = CASE_FILTERS.find((f) => q[f] !== undefined);
  if (q.scbBlock && mixed) throw new AppError('validation_failed', [{ field: mixed, code: 'invalid' }]);
  // A row has one span: the days of one median, or of the share on to studies or work.
  if (q.median && q.onTime) throw new AppError('validation_failed', [{ field: 'onTime', code: 'invalid' }]);
  const documentedProblems = q.documentedProblems === undefined ? null : q.documentedProblems === 'true';
  const onTime = q.onTime === undefined ? null : q.onTime === 'true';
  const months =
    onTime === null ? null : (await loadFigureSettings(ctx.db, ctx.actor.municipalityId)).settings.targetMonths;
  const echo = {
    from: q.from,
    to: q.to,
    outcome: q.outcome ?? null,
    gender: q.gender ?? null,
    diploma: q.diploma ?? null,
    documentedProblems,
    scbBlock: q.scbBlock ?? null,
    scbCode: q.scbCode ?? null,
    median: q.median ?? null,
    onTime,
    months,
  };
  if (q.scbBlock) return { ...echo, ...(await scbBlockRows(ctx, { ...q, scbBlock: q.scbBlock })) };
  return audited(ctx, async ({ trx, audit }) => {
    const query = {
      ...q,
      documentedProblems: documentedProblems ?? undefined,
      onTime: onTime ?? undefined,
      months: months ?? undefined,
    };
    // A median or the share reads the report's steps over the whole period: planned as the report is.
    const rows =
      q.median || onTime !== null
        ? await withoutJit(trx, (t) => selectOutcomeCases(t, ctx.actor, query))
        : await selectOutcomeCases(trx, ctx.actor, query);
    const shown = rows.slice(0, OUTCOME_CASES_LIMIT);
    await audit(
      ...shown.map((r) => ({
        action: 'read' as const,
        entity: 'outcome_report' as const,
        entityId: r.case_id,
        personId: r.person_id,
        detail: {
          from: q.from,
          to: q.to,
          outcome: q.outcome ?? null,
          ...(q.gender && { gender: q.gender }),
          ...(q.diploma && { diploma: q.diploma }),
          ...(documentedProblems !== null && { documentedProblems }),
          ...(q.median && { median: q.median }),
          ...(onTime !== null && { onTime, months }),
        },
      })),
    );
    return {
      ...echo,
      cases: shown.map((r) => ({
        caseId: r.case_id,
        closedOn: r.closed_on_day,
        outcome: r.outcome!,
        targetGroup: r.target_group,
        person: {
          id: r.person_id,
          name: `${r.given_name} ${r.family_name}`,
          personalIdentityNumber: r.personal_identity_number.trim(),
        },
        span:
          r.started_on === undefined || r.ended_on === undefined || r.days === undefined
            ? null
            : { startedOn: r.started_on, endedOn: r.ended_on, days: Number(r.days) },
      })),
      scbRows: [],
      truncated: rows.length > OUTCOME_CASES_LIMIT,
    };
  });
}

/**
 * The rows of one SCB block over the period (one code's, with `scbCode`; `none` for rows without a
 * code), as the return counts them, of the persons the reader may see; each person listed is audited
 * as a read of the SCB return.
 */
async function scbBlockRows(ctx: RequestContext, q: Query & { scbBlock: ScbBlock }) {
  return audited(ctx, async ({ trx, audit }) => {
    const all = await scbRows(
      trx,
      ctx.actor.municipalityId,
      { from: q.from, to: q.to },
      { identityNumbers: false, block: q.scbBlock },
    );
    const rows = q.scbCode ? all.filter((r) => (r.code ?? 'none') === q.scbCode) : all;
    const ids = [...new Set(rows.map((r) => r.personId))];
    const persons = new Map(
      (ids.length ? await selectVisiblePersons(trx, ctx.actor, ids) : []).map((p) => [p.id, p] as const),
    );
    const visible = rows
      .flatMap((r) => {
        const p = persons.get(r.personId);
        return p ? [{ r, p }] : [];
      })
      .sort(
        (a, b) =>
          a.r.on.localeCompare(b.r.on) ||
          a.p.family_name.localeCompare(b.p.family_name, 'sv') ||
          a.p.given_name.localeCompare(b.p.given_name, 'sv') ||
          a.r.key.localeCompare(b.r.key),
      );
    const shown = visible.slice(0, OUTCOME_CASES_LIMIT);
    await audit(
      ...[...new Set(shown.map((s) => s.p.id))].map((id) => ({
        action: 'read' as const,
        entity: 'scb_return' as const,
        entityId: id,
        personId: id,
        detail: { from: q.from, to: q.to, block: q.scbBlock, code: q.scbCode ?? null },
      })),
    );
    return {
      cases: [],
      scbRows: shown.map(({ r, p }) => ({
        block: r.block,
        on: r.on,
        code: r.code,
        person: {
          id: p.id,
          name: `${p.given_name} ${p.family_name}`,
          personalIdentityNumber: p.personal_identity_number.trim(),
        },
      })),
      truncated: visible.length > OUTCOME_CASES_LIMIT,
    };
  });
}
