/** /api/v1/teams: teams, their host agency and members. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { teamBody, teamMemberBody, teamSchema } from '../../../core/consent-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { addTeamMember, createTeam, listTeams, removeTeamMember } from './teams.service.js';

const tags = ['teams'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the team routes. */
export async function teamRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/teams', {
    schema: {
      tags,
      summary: 'Teams of your municipality with host agency and members',
      response: { 200: z.array(teamSchema), ...errors },
    },
    handler: (request) => listTeams(contextOf(request)),
  });
  r.post('/api/v1/teams', {
    schema: {
      tags,
      summary: 'Create a team run by a unit (coordinators, administrators)',
      body: teamBody,
      response: { 201: z.object({ id: z.string().uuid() }), ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await createTeam(contextOf(request), request.body)),
  });
  r.post('/api/v1/teams/:id/members', {
    schema: {
      tags,
      summary: 'Add a member to a team',
      params: z.object({ id: z.string().uuid() }),
      body: teamMemberBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await addTeamMember(contextOf(request), request.params.id, request.body.staffId);
      return reply.code(204).send(null);
    },
  });
  r.delete('/api/v1/teams/:id/members/:staffId', {
    schema: {
      tags,
      summary: 'Remove a member from a team',
      params: z.object({ id: z.string().uuid(), staffId: z.string().uuid() }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await removeTeamMember(contextOf(request), request.params.id, request.params.staffId);
      return reply.code(204).send(null);
    },
  });
}
