/** /api/v1/teams/:id/meetings and /api/v1/meetings/team/:id: the team meeting, its agenda, decisions and minutes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../core/schemas.js';
import {
  agendaItemBody,
  attendanceBody,
  decisionBody,
  meetingSeriesBody,
  minutesQuery,
  teamMeetingBody,
  teamMeetingSchema,
  teamMeetingsSchema,
} from '../../../core/team-meeting-schemas.js';
import { contextOf } from '../../http/context.js';
import { meetingMinutes } from './minutes.js';
import {
  addAgendaItem,
  createTeamMeeting,
  getTeamMeeting,
  listTeamMeetings,
  recordDecision,
  setAttendance,
  setMeetingSeries,
} from './team-meetings.service.js';

const tags = ['team meetings'];
const idParams = z.object({ id: z.string().uuid() });
const created = z.object({ id: z.string().uuid() });
/** A recorded decision, and the measure or referral it booked. */
const decisionCreated = created.extend({
  measureId: z.string().uuid().nullable(),
  referralId: z.string().uuid().nullable(),
});
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the team meeting routes. */
export async function teamMeetingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/teams/:id/meetings', {
    schema: {
      tags,
      summary: "A team's meeting series, lead and meetings, latest first (coordinators and the team's members)",
      params: idParams,
      response: { 200: teamMeetingsSchema, ...errors },
    },
    handler: (request) => listTeamMeetings(contextOf(request), request.params.id),
  });
  r.post('/api/v1/teams/:id/meetings', {
    schema: {
      tags,
      summary: 'Create the team meeting of a day (coordinators, the lead); time and place default to the series',
      params: idParams,
      body: teamMeetingBody,
      response: { 201: created, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createTeamMeeting(contextOf(request), request.params.id, request.body)),
  });
  r.put('/api/v1/teams/:id/meeting-series', {
    schema: {
      tags,
      summary: 'Set when and where the team meets and who leads (coordinators, the lead)',
      params: idParams,
      body: meetingSeriesBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await setMeetingSeries(contextOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  });
  r.get('/api/v1/meetings/team/:id', {
    schema: {
      tags,
      summary:
        'A team meeting: attendance, the agenda Lotsa builds and the decisions, ' +
        'each young person shown only as far as you may see them',
      params: idParams,
      response: { 200: teamMeetingSchema, ...errors },
    },
    handler: (request) => getTeamMeeting(contextOf(request), request.params.id),
  });
  r.put('/api/v1/meetings/team/:id/attendance', {
    schema: {
      tags,
      summary: 'Record who attended: members present and guests by name and role (the lead, coordinators)',
      params: idParams,
      body: attendanceBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await setAttendance(contextOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  });
  r.post('/api/v1/meetings/team/:id/items', {
    schema: {
      tags,
      summary: 'Add an item to the agenda: a case proposed for closing, or anything else',
      params: idParams,
      body: agendaItemBody,
      response: { 201: created, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await addAgendaItem(contextOf(request), request.params.id, request.body)),
  });
  r.post('/api/v1/meetings/team/:id/decisions', {
    schema: {
      tags,
      summary:
        'Record a decision about a young person (the lead, coordinators); ' +
        "it goes on the person's timeline and does what it says",
      params: idParams,
      body: decisionBody,
      response: { 201: decisionCreated, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await recordDecision(contextOf(request), request.params.id, request.body)),
  });
  r.get('/api/v1/meetings/team/:id/minutes.pdf', {
    schema: {
      tags,
      summary:
        'The minutes as a PDF: who was there and the decisions, ' +
        'each young person only as far as every recipient may see',
      params: idParams,
      querystring: minutesQuery,
    },
    handler: async (request, reply) => {
      const pdf = await meetingMinutes(contextOf(request), request.params.id, request.query.lang);
      const name = request.query.lang === 'sv' ? 'protokoll-teammote' : 'team-meeting-minutes';
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(pdf);
    },
  });
}
