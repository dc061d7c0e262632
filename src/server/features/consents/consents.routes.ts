/**
 * /api/v1/persons/:id/consents, /api/v1/consents/:id: record, list and withdraw consents; the form to print; the signed
 * scan.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consentBody, consentFormQuery, consentSchema, withdrawBody } from '../../../core/consent-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { printConsentForm } from './consent-form.service.js';
import { attachScan, listConsents, readScan, recordConsent, SCAN_TYPES, withdrawConsent } from './consents.service.js';

const tags = ['consents'];
const idParams = z.object({ id: z.string().uuid() });
const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  415: problemSchema,
};
const MAX_SCAN_BYTES = 10 * 1024 * 1024;

/** Registers the consent routes. */
export async function consentRoutes(app: FastifyInstance) {
  app.addContentTypeParser([...SCAN_TYPES], { parseAs: 'buffer', bodyLimit: MAX_SCAN_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/persons/:id/consents', {
    schema: {
      tags,
      summary:
        "Record the young person's consent to share the named categories with the named units, for a purpose, " +
        'until a date or withdrawal. The same consent sent twice is recorded once',
      params: idParams,
      body: consentBody,
      response: { 201: z.object({ id: z.string().uuid() }), ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await recordConsent(contextOf(request), request.params.id, request.body)),
  });

  r.get('/api/v1/persons/:id/consents', {
    schema: {
      tags,
      summary: "A person's consents, newest first, with their state (valid, expired, withdrawn)",
      params: idParams,
      response: { 200: z.array(consentSchema), ...errors },
    },
    handler: (request) => listConsents(contextOf(request), request.params.id),
  });

  r.post('/api/v1/consents/:id/withdraw', {
    schema: {
      tags,
      summary: 'Withdraw a consent; it stops giving access at once',
      params: idParams,
      body: withdrawBody.nullish(),
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await withdrawConsent(contextOf(request), request.params.id, request.body?.note ?? null);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/persons/:id/consent-form', {
    schema: {
      tags,
      summary: 'The consent form to print and sign, pre-filled from the case (PDF, Swedish or English)',
      params: idParams,
      querystring: consentFormQuery,
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const pdf = await printConsentForm(contextOf(request), request.params.id, request.query.lang);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="${request.query.lang === 'sv' ? 'samtycke' : 'consent'}.pdf"`,
        )
        .send(pdf);
    },
  });

  r.put('/api/v1/consents/:id/scan', {
    schema: {
      tags,
      summary: 'Attach the scan of the signed paper form (PDF, JPEG or PNG as the request body, at most 10 MB)',
      params: idParams,
      querystring: z.object({ fileName: z.string().trim().min(1).max(200).default('samtycke') }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (
        !(SCAN_TYPES as readonly string[]).includes(contentType) ||
        !Buffer.isBuffer(request.body) ||
        request.body.length === 0
      )
        throw new AppError('unsupported_file');
      await attachScan(contextOf(request), request.params.id, {
        data: request.body,
        contentType,
        fileName: request.query.fileName,
      });
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/consents/:id/scan', {
    schema: {
      tags,
      summary: 'The scan of the signed paper form',
      params: idParams,
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const scan = await readScan(contextOf(request), request.params.id);
      return reply
        .type(scan.contentType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(scan.fileName)}"`)
        .send(scan.data);
    },
  });
}
