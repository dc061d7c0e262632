/** /api/v1/persons/:id/contact-grants: who may see the contact details of a protected identity. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema, protectedIdentityGrantBody } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { grantContactDetails, revokeContactDetails } from './protected-identity.service.js';

const tags = ['persons'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Registers the grant routes. */
export async function protectedIdentityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/persons/:id/contact-grants', {
    schema: {
      tags,
      summary:
        'Let a staff member see the contact details of a person with protected identity (coordinators; reason ' +
        'required)',
      params: z.object({ id: z.string().uuid() }),
      body: protectedIdentityGrantBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await grantContactDetails(contextOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  });

  r.delete('/api/v1/persons/:id/contact-grants/:staffId', {
    schema: {
      tags,
      summary: 'Take back a grant to see contact details (coordinators)',
      params: z.object({ id: z.string().uuid(), staffId: z.string().uuid() }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await revokeContactDetails(contextOf(request), request.params.id, request.params.staffId);
      return reply.code(204).send(null);
    },
  });
}
