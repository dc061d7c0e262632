/** /api/v1/persons/:id/schedule (JSON, PDF, additions, the young person's feed) and /api/v1/schedule-feed.ics. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  additionBody,
  additionSchema,
  scheduleFeedBody,
  scheduleFeedSchema,
  schedulePdfQuery,
  scheduleQuery,
  scheduleWeekSchema,
} from '../../../core/schedule-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import type { Env } from '../../env.js';
import { AppError } from '../../http/app-error.js';
import { contextOf } from '../../http/context.js';
import { renewScheduleFeed, revokeScheduleFeed, SCHEDULE_FEED_PATH, scheduleFeedFor, scheduleFeedStatus } from './schedule-feed.js';
import { schedulePdf } from './schedule-pdf.js';
import { addAddition, personSchedule, removeAddition, scheduleForPrint } from './schedule.service.js';

const tags = ['schedule'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the routes of the individual schedule. */
export async function scheduleRoutes(app: FastifyInstance, { env }: { env: Env }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/persons/:id/schedule', {
    schema: {
      tags,
      summary: "A young person's week (ISO week YYYY-Www, default this week): meetings, measures with hours, activities, additions",
      params: idParams,
      querystring: scheduleQuery,
      response: { 200: scheduleWeekSchema, ...errors },
    },
    handler: (request) => personSchedule(contextOf(request), request.params.id, request.query.week),
  });
  r.get('/api/v1/persons/:id/schedule.pdf', {
    schema: {
      tags,
      summary: 'The week on one A4 page in plain Swedish or English, for the young person',
      params: idParams,
      querystring: schedulePdfQuery,
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const data = await scheduleForPrint(contextOf(request), request.params.id, request.query.week);
      const pdf = await schedulePdf(data, request.query.lang);
      const name = `${request.query.lang === 'sv' ? 'veckoschema' : 'schedule'}-${data.week.week}`;
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(pdf);
    },
  });
  r.post('/api/v1/persons/:id/schedule/additions', {
    schema: {
      tags,
      summary: "Add to the young person's week: once, or weekly until a day; a time or the whole day",
      params: idParams,
      body: additionBody,
      response: { 201: additionSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await addAddition(contextOf(request), request.params.id, request.body)),
  });
  r.delete('/api/v1/persons/:id/schedule/additions/:additionId', {
    schema: {
      tags,
      summary: "Remove an addition from the young person's week (every week, if it repeats)",
      params: idParams.extend({ additionId: z.string().uuid() }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await removeAddition(contextOf(request), request.params.id, request.params.additionId);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/persons/:id/schedule/feed', {
    schema: { tags, summary: 'Whether the young person has an iCal subscription of their week', params: idParams, response: { 200: scheduleFeedSchema, ...errors } },
    handler: (request) => scheduleFeedStatus(contextOf(request), request.params.id),
  });
  r.post('/api/v1/persons/:id/schedule/feed', {
    schema: {
      tags,
      summary: "Make a new iCal address of the young person's week (shown once) to give them; the old one stops working",
      params: idParams,
      body: scheduleFeedBody,
      response: { 200: scheduleFeedSchema, ...errors },
    },
    handler: (request) => renewScheduleFeed(contextOf(request), request.params.id, request.body.lang, env.publicUrl),
  });
  r.delete('/api/v1/persons/:id/schedule/feed', {
    schema: { tags, summary: "Revoke the young person's iCal address", params: idParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await revokeScheduleFeed(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
  r.get(SCHEDULE_FEED_PATH, {
    config: { public: true },
    schema: {
      tags,
      summary: "A young person's own week as iCal; ?token= from POST /api/v1/persons/{id}/schedule/feed. Only their own events",
      querystring: z.object({ token: z.string().max(200).default('') }),
      produces: ['text/calendar'],
      response: { 200: z.string(), 404: problemSchema },
    },
    handler: async (request, reply) => {
      const text = request.query.token ? await scheduleFeedFor(app.db, request.query.token, request.ip ?? null, app.clock.now()) : null;
      if (text === null) throw new AppError('not_found');
      return reply.type('text/calendar; charset=utf-8').send(text);
    },
  });
}
