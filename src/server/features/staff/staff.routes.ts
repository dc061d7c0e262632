/** /api/v1/staff: staff accounts for administrators; the staff list for coordinators. (Units: features/units.) */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  problemSchema,
  signInCodeRequestSchema,
  staffCreateBody,
  staffCreatedSchema,
  staffListQuery,
  staffSchema,
  staffUpdateBody,
} from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { issueSignInCode, listSignInCodeRequests } from './sign-in-codes.service.js';
import { createStaff, listStaff, resetStaffPassword, updateStaff } from './staff.service.js';

const tags = ['staff'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the staff routes. */
export async function staffRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/staff', {
    schema: {
      tags,
      summary: 'Staff of your municipality',
      querystring: staffListQuery,
      response: { 200: z.array(staffSchema), ...errors },
    },
    handler: (request) => listStaff(contextOf(request), request.query),
  });

  r.post('/api/v1/staff', {
    schema: {
      tags,
      summary:
        'Create a staff account (administrators); its one-time code is issued by another administrator ' +
        'or a coordinator',
      body: staffCreateBody,
      response: { 201: staffCreatedSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await createStaff(contextOf(request), request.body)),
  });

  r.patch('/api/v1/staff/:id', {
    schema: {
      tags,
      summary: 'Edit or deactivate a staff account (administrators)',
      params: idParams,
      body: staffUpdateBody,
      response: { 200: staffSchema, ...errors },
    },
    handler: (request) => updateStaff(contextOf(request), request.params.id, request.body),
  });

  r.post('/api/v1/staff/:id/reset-password', {
    schema: {
      tags,
      summary: 'Ask for a new one-time code (administrators); another administrator or a coordinator issues it',
      params: idParams,
      response: { 200: z.object({ codeRequestId: z.string().uuid() }), ...errors },
    },
    handler: (request) => resetStaffPassword(contextOf(request), request.params.id),
  });

  r.get('/api/v1/sign-in-codes', {
    schema: {
      tags,
      summary:
        'One-time codes waiting to be issued (administrators and coordinators; not those you asked for ' +
        'or that are for you)',
      response: { 200: z.array(signInCodeRequestSchema), 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => listSignInCodeRequests(contextOf(request)),
  });

  r.post('/api/v1/sign-in-codes/:id/issue', {
    schema: {
      tags,
      summary:
        'Issue a waiting one-time code: shown once, to hand to the person, ' +
        "who chooses a password at first sign-in; the account's sessions end",
      params: idParams,
      response: { 200: z.object({ oneTimePassword: z.string(), name: z.string(), email: z.string() }), ...errors },
    },
    handler: (request) => issueSignInCode(contextOf(request), request.params.id),
  });
}
