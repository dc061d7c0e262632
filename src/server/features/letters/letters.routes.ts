/** /api/v1/letters and /api/v1/message-templates: the day's letters as one PDF, and the templates coordinators edit. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayInSweden } from '../../../core/dates.js';
import {
  letterBody,
  letterDueSchema,
  templateBody,
  templateParams,
  templateSchema,
} from '../../../core/outreach-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { idempotencyKeyOf } from '../contact/contact.routes.js';
import { listDueLetters, printLetters } from './letters.service.js';
import { listTemplates, saveTemplate } from './templates.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the letter and template routes. */
export async function letterRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/letters/due', {
    schema: {
      tags: ['letters'],
      summary:
        'The letters due today for the persons you may see, marking those forwarded through Skatteverket ' +
        'or without an address',
      response: { 200: z.array(letterDueSchema), ...errors },
    },
    handler: (request) => listDueLetters(contextOf(request)),
  });

  r.post('/api/v1/letters', {
    schema: {
      tags: ['letters'],
      summary:
        'Render one PDF: the listed persons’ letters, ' +
        'or every letter due today (dueToday). recordAttempts records each ' +
        'as sent (send an Idempotency-Key). Headers Lotsa-Printed, Lotsa-Forwarded ' +
        'and Lotsa-Skipped-No-Address count the letters',
      body: letterBody,
      produces: ['application/pdf'],
      response: { 200: z.any().describe('The letters as one PDF (application/pdf)'), ...errors },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const result = await printLetters(ctx, request.body, idempotencyKeyOf(request));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="brev-${todayInSweden(ctx.clock.now())}.pdf"`)
        .header('lotsa-printed', String(result.printed))
        .header('lotsa-forwarded', String(result.forwarded))
        .header('lotsa-skipped-no-address', String(result.skippedNoAddress))
        .send(result.pdf);
    },
  });

  r.get('/api/v1/message-templates', {
    schema: {
      tags: ['letters'],
      summary: 'The letter and text-message templates in force, Swedish and English',
      response: { 200: z.array(templateSchema), ...errors },
    },
    handler: (request) => listTemplates(contextOf(request)),
  });

  r.put('/api/v1/message-templates/:kind/:language', {
    schema: {
      tags: ['letters'],
      summary:
        'Save a template (coordinators); placeholders {{name}}, {{contactPerson}}, {{phone}}, ' +
        '{{meetingTime}} (text messages: no {{name}})',
      params: templateParams,
      body: templateBody,
      response: { 200: templateSchema, ...errors },
    },
    handler: (request) =>
      saveTemplate(contextOf(request), {
        kind: request.params.kind,
        language: request.params.language,
        input: request.body,
      }),
  });
}
