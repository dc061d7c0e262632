/** /api/v1/units: the units and agencies of your municipality; administrators add and change them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { kaaUnitsBody, problemSchema, unitSchema } from '../../../core/schemas.js';
import { unitCreateBody, unitListQuery, unitUpdateBody } from '../../../core/unit-schemas.js';
import { contextOf } from '../../http/context.js';
import { addUnit, listUnits, setKaaUnits, updateUnit } from './units.service.js';

const tags = ['units'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the unit routes. */
export async function unitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/units', {
    schema: {
      tags,
      summary: 'Units and agencies of your municipality: the active ones, or every one with includeInactive=true',
      querystring: unitListQuery,
      response: { 200: z.array(unitSchema), 400: problemSchema, 401: problemSchema },
    },
    handler: (request) => listUnits(contextOf(request), { includeInactive: request.query.includeInactive === 'true' }),
  });

  r.post('/api/v1/units', {
    schema: {
      tags,
      summary:
        'Add a unit or agency (administrators); a name already in use in the municipality gives 409 duplicate_unit',
      body: unitCreateBody,
      response: { 201: unitSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await addUnit(contextOf(request), request.body)),
  });

  r.patch('/api/v1/units/:id', {
    schema: {
      tags,
      summary:
        'Rename a unit, change its kind or KAA mark, ' +
        'or deactivate it (administrators): a deactivated unit is no longer offered as a choice but stays ' +
        'on old records',
      params: z.object({ id: z.string().uuid() }),
      body: unitUpdateBody,
      response: { 200: unitSchema, ...errors },
    },
    handler: (request) => updateUnit(contextOf(request), request.params.id, request.body),
  });

  r.put('/api/v1/units/kaa', {
    schema: {
      tags,
      summary:
        "Which units are the KAA's own (administrators): their caseworkers work with the KAA's cases without " +
        'consent, everyone else only by consent',
      body: kaaUnitsBody,
      response: { 200: z.array(unitSchema), 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => setKaaUnits(contextOf(request), request.body.unitIds),
  });
}
