/** /api/v1/email: the reader's own e-mail outbox (sign-in codes to pass on). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emailOutboxMessageSchema } from '../../../core/email-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { listEmail } from './email.service.js';

/** Registers the e-mail outbox route. */
export async function emailRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/email', {
    schema: {
      tags: ['email'],
      summary: 'The e-mails sent from you and kept in the outbox (sign-in codes to pass on), newest first',
      response: { 200: z.array(emailOutboxMessageSchema), 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => listEmail(contextOf(request)),
  });
}
