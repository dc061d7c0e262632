/** Centres, meetings and drop-in hours, the calendar per staff member or centre, and each staff member's iCal feed. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarFeedSchema,
  calendarQuery,
  centreBody,
  centreSchema,
  meetingBody,
  meetingSchema,
} from '../../../core/outreach-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import type { Env } from '../../env.js';
import { contextOf } from '../../http/context.js';
import { FEED_PATH, feedFor, feedStatus, renewFeed, revokeFeed } from './calendar-feed.js';
import { bookMeeting, calendar, cancelMeeting, createCentre, listCentres } from './meetings.service.js';

const tags = ['calendar'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the calendar routes. */
export async function calendarRoutes(app: FastifyInstance, { env }: { env: Env }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/centres', {
    schema: { tags, summary: 'The municipality’s centres', response: { 200: z.array(centreSchema), ...errors } },
    handler: (request) => listCentres(contextOf(request)),
  });
  r.post('/api/v1/centres', {
    schema: {
      tags,
      summary: 'Add a centre (coordinators)',
      body: centreBody,
      response: { 201: centreSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await createCentre(contextOf(request), request.body)),
  });

  r.get('/api/v1/calendar', {
    schema: {
      tags,
      summary:
        'Meetings from `from` to `to` (YYYY-MM-DD) for a staff member (default: you) or a centre; young persons only ' +
        'where you may see them, never addresses',
      querystring: calendarQuery,
      response: { 200: z.array(meetingSchema), ...errors },
    },
    handler: (request) => calendar(contextOf(request), request.query),
  });
  r.post('/api/v1/meetings', {
    schema: {
      tags,
      summary: 'Book a meeting, drop-in hours or an announced home visit (two staff, far enough ahead for the notice)',
      body: meetingBody,
      response: { 201: z.object({ id: z.string().uuid() }), ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await bookMeeting(contextOf(request), request.body)),
  });
  r.post('/api/v1/meetings/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel a meeting; send the version you read',
      params: z.object({ id: z.string().uuid() }),
      body: z.object({ version: z.number().int() }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await cancelMeeting(contextOf(request), request.params.id, request.body.version);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/calendar/feed', {
    schema: {
      tags,
      summary: 'Whether you have an iCal subscription',
      response: { 200: calendarFeedSchema, ...errors },
    },
    handler: (request) => feedStatus(contextOf(request)),
  });
  r.post('/api/v1/calendar/feed', {
    schema: {
      tags,
      summary: 'Make a new iCal subscription address (shown once); the old one stops working',
      response: { 200: calendarFeedSchema, ...errors },
    },
    handler: (request) => renewFeed(contextOf(request), env.publicUrl),
  });
  r.delete('/api/v1/calendar/feed', {
    schema: { tags, summary: 'Revoke your iCal subscription address', response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await revokeFeed(contextOf(request));
      return reply.code(204).send(null);
    },
  });

  r.get(FEED_PATH, {
    config: { public: true },
    schema: {
      tags,
      summary:
        'Your calendar as iCal, for subscribing; ?token= from POST /api/v1/calendar/feed. Event titles only, ' +
        'no personal data',
      querystring: z.object({ token: z.string().max(200).default('') }),
      produces: ['text/calendar'],
      response: { 200: z.string(), 404: problemSchema },
    },
    handler: async (request, reply) => {
      const text = await feedFor(app.db, request.query.token, request.ip ?? null);
      return reply.type('text/calendar; charset=utf-8').send(text);
    },
  });
}
