/** /api/v1/audit: the audit log for administrators, filterable by person, staff member and time. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { auditEntrySchema, auditQuery, paged, problemSchema } from '../../../core/schemas.js';
import { requireCapability } from '../../access/access.js';
import { audited, contextOf } from '../../http/context.js';

/** Registers the audit log route. */
export async function auditRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Audit log entries, newest first (administrators)',
      querystring: auditQuery,
      response: { 200: paged(auditEntrySchema), 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'audit.read');
      const { personId, actorId, from, to, page, pageSize } = request.query;
      return audited(ctx, async ({ trx, audit }) => {
        let q = trx
          .selectFrom('audit_log')
          .leftJoin('staff', 'staff.id', 'audit_log.actor_id')
          // Names only of the reader's own municipality's persons, whatever an entry points at.
          .leftJoin('persons', (join) => join.onRef('persons.id', '=', 'audit_log.person_id').on('persons.municipality_id', '=', ctx.actor.municipalityId))
          .where('audit_log.municipality_id', '=', ctx.actor.municipalityId);
        if (personId) q = q.where('audit_log.person_id', '=', personId);
        if (actorId) q = q.where('audit_log.actor_id', '=', actorId);
        if (from) q = q.where('audit_log.at', '>=', new Date(from));
        // A bare date as `to` means the whole of that day.
        if (to) q = q.where('audit_log.at', '<', to.length === 10 ? sql<Date>`${to}::date + 1` : new Date(to));
        const { total } = await q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
        const rows = await q
          .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.ip', 'staff.id as actor_id', 'staff.name as actor_name', 'persons.id as person_id', 'persons.given_name', 'persons.family_name', sql<boolean>`coalesce(audit_log.entity = 'emergency_access' or audit_log.detail->>'basis' = 'emergency', false)`.as('emergency')])
          .orderBy('audit_log.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute();
        // Names of young people appear in the log, so each one shown is itself an audited read.
        const shown = [...new Set(rows.map((r) => r.person_id).filter((id): id is string => id !== null))];
        await audit(
          { action: 'read', entity: 'audit_log', detail: { personId, actorId, from, to, page } },
          ...shown.map((id) => ({ action: 'read' as const, entity: 'audit_log', personId: id })),
        );
        return {
          total,
          page,
          pageSize,
          items: rows.map((r) => ({
            id: String(r.id),
            at: r.at.toISOString(),
            actor: r.actor_id ? { id: r.actor_id, name: r.actor_name! } : null,
            person: r.person_id ? { id: r.person_id, name: `${r.given_name} ${r.family_name}` } : null,
            action: r.action,
            entity: r.entity,
            entityId: r.entity_id,
            ip: r.ip,
            emergency: r.emergency,
          })),
        };
      });
    },
  });
}
