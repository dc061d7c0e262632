/**
 * Tracing a figure to its cases: the cases behind a count of the outcome report, for staff who may
 * browse persons (a manager, who sees counts only, may not). Lists only the persons the reader may
 * see, counts none of the others (a count of the hidden would undo the small-cell suppression), and
 * audits each person read.
 */
import type { z } from 'zod';
import type { OutcomeCases, outcomeCasesQuery } from '../../../core/report-schemas.js';
import { requireCapability } from '../../access/access.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { OUTCOME_CASES_LIMIT, selectOutcomeCases } from './outcome-cases.queries.js';

/** GET /reports/outcomes/cases. */
export async function outcomeCases(ctx: RequestContext, q: z.infer<typeof outcomeCasesQuery>): Promise<OutcomeCases> {
  requireCapability(ctx.actor, 'figures.read');
  requireCapability(ctx.actor, 'persons.browse');
  if (q.to < q.from) throw new AppError('validation_failed', [{ field: 'to', code: 'end_before_start' }]);
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await selectOutcomeCases(trx, ctx.actor, q);
    const shown = rows.slice(0, OUTCOME_CASES_LIMIT);
    await audit(
      ...shown.map((r) => ({
        action: 'read' as const,
        entity: 'outcome_report' as const,
        entityId: r.case_id,
        personId: r.person_id,
        detail: { from: q.from, to: q.to, outcome: q.outcome ?? null },
      })),
    );
    return {
      from: q.from,
      to: q.to,
      outcome: q.outcome ?? null,
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
      })),
      truncated: rows.length > OUTCOME_CASES_LIMIT,
    };
  });
}
