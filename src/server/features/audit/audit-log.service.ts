/** The audit log as administrators read it: filtered, paged, and each view itself recorded once. */
import type { AuditQuery, Paged, AuditEntry } from '../../../core/schemas.js';
import { requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { auditLogPage } from './audit-log.queries.js';

/**
 * A page of the log by `query`. Names of young people appear in it, so the view is an audited
 * read: one entry per view, naming the persons shown (and, when it shows one person only, in that
 * person's own trail), never one entry per person, which would fill the log with its own reading.
 */
export async function readAuditLog(ctx: RequestContext, query: AuditQuery): Promise<Paged<AuditEntry>> {
  requireCapability(ctx.actor, 'audit.read');
  return audited(ctx, async ({ trx, audit }) => {
    const { total, rows } = await auditLogPage(trx, ctx.actor.municipalityId, query);
    const shown = [...new Set(rows.map((r) => r.person_id).filter((id): id is string => id !== null))];
    const { page, pageSize: _size, ...filters } = query;
    await audit({
      action: 'read',
      entity: 'audit_log',
      personId: shown.length === 1 ? shown[0]! : (query.personId ?? null),
      detail: { ...filters, page, persons: shown },
    });
    return {
      total,
      page,
      pageSize: query.pageSize,
      items: rows.map((r) => ({
        id: String(r.id),
        at: r.at.toISOString(),
        actor: r.actor_id ? { id: r.actor_id, name: r.actor_name! } : null,
        person: r.person_id ? { id: r.person_id, name: `${r.given_name} ${r.family_name}` } : null,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        ip: r.ip,
        personsShown: r.persons_shown,
        emergency: r.emergency,
      })),
    };
  });
}
