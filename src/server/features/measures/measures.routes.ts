/**
 * /api/v1/offers, /api/v1/persons/:id/measures, /api/v1/measures/:id, /api/v1/persons/:id/referrals,
 * /api/v1/referrals/:id.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  linkableGoalSchema,
  measureBody,
  measureSchema,
  measureUpdateBody,
  offerBody,
  offerListQuery,
  offerSchema,
  offersPdfQuery,
  offerUpdateBody,
  referralBody,
  referralSchema,
  referralUpdateBody,
} from '../../../core/measure-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { createMeasure, listLinkableGoals, listMeasures, updateMeasure } from './measures.service.js';
import { offersPdf } from './offers-pdf.js';
import { createOffer, listOffers, offersForPrint, updateOffer } from './offers.service.js';
import { createReferral, listReferrals, updateReferral } from './referrals.service.js';

const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the routes of the offer catalogue, measures and referrals. */
export async function measureRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/offers', {
    schema: {
      tags: ['offers'],
      summary: "The municipality's catalogue of offers, by name; includeInactive=true also lists those taken out",
      querystring: offerListQuery,
      response: { 200: z.array(offerSchema), ...errors },
    },
    handler: (request) => listOffers(contextOf(request), request.query.includeInactive),
  });
  r.get('/api/v1/offers.pdf', {
    schema: {
      tags: ['offers'],
      summary: 'The active catalogue as a PDF in plain Swedish or English, for young people, guardians and colleagues',
      querystring: offersPdfQuery,
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const pdf = await offersPdf(await offersForPrint(contextOf(request)), request.query.lang);
      const name = request.query.lang === 'sv' ? 'insatskatalog' : 'offer-catalogue';
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(pdf);
    },
  });
  r.post('/api/v1/offers', {
    schema: {
      tags: ['offers'],
      summary: 'Add an offer to the catalogue (coordinators): what it is, who provides it, where, capacity and cost',
      body: offerBody,
      response: { 201: offerSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await createOffer(contextOf(request), request.body)),
  });
  r.patch('/api/v1/offers/:id', {
    schema: {
      tags: ['offers'],
      summary:
        'Change an offer, or take it out of the catalogue with active=false (coordinators); 409 when version is stale',
      params: idParams,
      body: offerUpdateBody,
      response: { 200: offerSchema, ...errors },
    },
    handler: (request) => updateOffer(contextOf(request), request.params.id, request.body),
  });

  r.get('/api/v1/persons/:id/measures', {
    schema: {
      tags: ['measures'],
      summary: "A person's measures, newest start first (none when the reader may not see the assessment and plan)",
      params: idParams,
      response: { 200: z.array(measureSchema), ...errors },
    },
    handler: (request) => listMeasures(contextOf(request), request.params.id),
  });
  r.post('/api/v1/persons/:id/measures', {
    schema: {
      tags: ['measures'],
      summary:
        'Book a measure: an offer of the municipality, ' +
        'optionally linked to a goal of the same person; a work placement carries its employer and supervisor',
      params: idParams,
      body: measureBody,
      response: { 201: measureSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createMeasure(contextOf(request), request.params.id, request.body)),
  });
  r.patch('/api/v1/measures/:id', {
    schema: {
      tags: ['measures'],
      summary:
        'Change a measure: end it with a reason, add follow-ups, an evaluation, placement visits; 409 ' +
        'when version is stale',
      params: idParams,
      body: measureUpdateBody,
      response: { 200: measureSchema, ...errors },
    },
    handler: (request) => updateMeasure(contextOf(request), request.params.id, request.body),
  });
  r.get('/api/v1/persons/:id/measure-goals', {
    schema: {
      tags: ['measures'],
      summary: "The goals of the person's plan a measure can be linked to",
      params: idParams,
      response: { 200: z.array(linkableGoalSchema), ...errors },
    },
    handler: (request) => listLinkableGoals(contextOf(request), request.params.id),
  });

  r.get('/api/v1/persons/:id/referrals', {
    schema: {
      tags: ['referrals'],
      summary: "A person's referrals to other agencies that the reader may see by consent category, newest first",
      params: idParams,
      response: { 200: z.array(referralSchema), ...errors },
    },
    handler: (request) => listReferrals(contextOf(request), request.params.id),
  });
  r.post('/api/v1/persons/:id/referrals', {
    schema: {
      tags: ['referrals'],
      summary:
        'Refer the young person to another agency; one to social services, health care, addiction care ' +
        'or the youth health clinic is in the health and social category',
      params: idParams,
      body: referralBody,
      response: { 201: referralSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createReferral(contextOf(request), request.params.id, request.body)),
  });
  r.patch('/api/v1/referrals/:id', {
    schema: {
      tags: ['referrals'],
      summary:
        "Change a referral's status, outcome, first visit or whether staff went along; 409 when version is stale",
      params: idParams,
      body: referralUpdateBody,
      response: { 200: referralSchema, ...errors },
    },
    handler: (request) => updateReferral(contextOf(request), request.params.id, request.body),
  });
}
