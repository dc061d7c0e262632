/** /api/v1/persons: the young people, their details, timeline and journal notes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  eventSchema,
  noteBody,
  noteSharingBody,
  noteSharingSchema,
  paged,
  personCreateBody,
  personDetailSchema,
  personListQuery,
  personSummarySchema,
  personUpdateBody,
  problemSchema,
} from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { addNote, createPerson, getPerson, listEvents, listPersons, updatePerson } from './persons.service.js';
import { idempotencyKeyOf } from '../contact/contact.routes.js';
import { setNoteSharing } from './note-sharing.service.js';

const tags = ['persons'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the person routes. */
export async function personRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/persons', {
    schema: {
      tags,
      summary: 'Search, sort and page the persons you may see',
      querystring: personListQuery,
      response: { 200: paged(personSummarySchema), ...errors },
    },
    handler: (request) => listPersons(contextOf(request), request.query),
  });

  r.post('/api/v1/persons', {
    schema: {
      tags,
      summary: 'Register a person and open their case',
      body: personCreateBody,
      response: { 201: z.object({ id: z.string().uuid() }), ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await createPerson(contextOf(request), request.body)),
  });

  r.get('/api/v1/persons/:id', {
    schema: {
      tags,
      summary: 'One person with register periods and case',
      params: idParams,
      response: { 200: personDetailSchema, ...errors },
    },
    handler: (request) => getPerson(contextOf(request), request.params.id),
  });

  r.patch('/api/v1/persons/:id', {
    schema: {
      tags,
      summary: 'Edit a person; send the version you read (409 if it changed)',
      params: idParams,
      body: personUpdateBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await updatePerson(contextOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/persons/:id/events', {
    schema: {
      tags,
      summary: "The person's timeline, newest first",
      params: idParams,
      response: { 200: z.array(eventSchema), ...errors },
    },
    handler: (request) => listEvents(contextOf(request), request.params.id),
  });

  r.post('/api/v1/persons/:id/notes', {
    schema: {
      tags,
      summary:
        'Add a journal note (optionally of a category, e.g. health_social: shown only where consent covers it), ' +
        'or a correction of an earlier one. possiblySensitive warns that an uncategorised note looks like sensitive ' +
        'data. Send an Idempotency-Key header so a retry records nothing twice',
      params: idParams,
      body: noteBody,
      response: { 201: z.object({ id: z.string().uuid(), possiblySensitive: z.boolean() }), ...errors },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await addNote(contextOf(request), request.params.id, request.body, idempotencyKeyOf(request))),
  });

  r.put('/api/v1/persons/:id/notes/:noteId/sharing', {
    schema: {
      tags,
      summary:
        'Show a written note to the young person (in Mitt Lotsa and their extract), or stop showing it, at once. ' +
        'Anyone who may write notes on the person, for a note in a category they see; 409 note_not_shareable for ' +
        'health and social notes',
      params: z.object({ id: z.string().uuid(), noteId: z.string().uuid() }),
      body: noteSharingBody,
      response: { 200: noteSharingSchema, ...errors },
    },
    handler: (request) => setNoteSharing(contextOf(request), request.params.id, request.params.noteId, request.body),
  });
}
