/** /api/v1/audit: the audit log for administrators, filterable by person, staff member, kind and time. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntrySchema, auditQuery, paged, problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { readAuditLog } from './audit-log.service.js';

/** Registers the audit log route. */
export async function auditRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Audit log entries, newest first (administrators); reads of the log itself only with ownReads=true',
      querystring: auditQuery,
      response: { 200: paged(auditEntrySchema), 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: async (request) => readAuditLog(contextOf(request), request.query),
  });
}
