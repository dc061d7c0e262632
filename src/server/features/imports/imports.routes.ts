/** /api/v1/imports: upload a source list, follow its processing, map columns, review errors, accept. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptBody,
  importCreatedSchema,
  importErrorSchema,
  importErrorsQuery,
  importSchema,
  importUploadQuery,
  mappingBody,
} from '../../../core/register-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import type { Env } from '../../env.js';
import { contextOf } from '../../http/context.js';
import { languageOf } from '../../http/language.js';
import {
  acceptImportAsActor,
  importErrorPage,
  importOf,
  mapImportColumns,
  recentImports,
  uploadImport,
} from './imports.service.js';

const tags = ['imports'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
];

/** Registers the import routes; uploads are kept in `env.uploadsDir` until processed. */
export async function importRoutes(app: FastifyInstance, { env }: { env: Env }) {
  app.addContentTypeParser(FILE_TYPES, { bodyLimit: 512 * 1024 * 1024 }, (_request, payload, done) =>
    done(null, payload),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/imports', {
    schema: {
      tags,
      summary:
        'Upload a population or enrolment list (CSV or XLSX as the request body); processing runs as a background job',
      querystring: importUploadQuery,
      response: { 202: importCreatedSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { kind, fileName } = request.query;
      const created = await uploadImport(contextOf(request), {
        uploadsDir: env.uploadsDir,
        body: request.body as NodeJS.ReadableStream,
        kind,
        fileName,
      });
      return reply.code(202).send(created);
    },
  });

  r.get('/api/v1/imports', {
    schema: {
      tags,
      summary: 'Recent imports of your municipality',
      response: { 200: z.array(importSchema), ...errors },
    },
    handler: async (request) => recentImports(contextOf(request)),
  });

  r.get('/api/v1/imports/:id', {
    schema: {
      tags,
      summary: 'An import: status, progress, counts',
      params: idParams,
      response: { 200: importSchema, ...errors },
    },
    handler: async (request) => importOf(contextOf(request), { importId: request.params.id }),
  });

  r.get('/api/v1/imports/:id/errors', {
    schema: {
      tags,
      summary: 'The rows that were not imported, with line, column and reason',
      params: idParams,
      querystring: importErrorsQuery,
      response: { 200: z.array(importErrorSchema), ...errors },
    },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      return importErrorPage(contextOf(request), {
        importId: request.params.id,
        page,
        pageSize,
        language: languageOf(request),
      });
    },
  });

  r.post('/api/v1/imports/:id/mapping', {
    schema: {
      tags,
      summary: 'Map the columns of a file in another layout, optionally saving the mapping; processing starts again',
      params: idParams,
      body: mappingBody,
      response: { 202: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await mapImportColumns(contextOf(request), {
        importId: request.params.id,
        mapping: request.body.mapping,
        saveAs: request.body.saveAs ?? null,
      });
      return reply.code(202).send(null);
    },
  });

  r.post('/api/v1/imports/:id/accept', {
    schema: {
      tags,
      summary:
        'Accept skipping exactly the listed invalid rows (and, ' +
        "for a population list with fewer than 90 % of the previous one's residents, " +
        'confirmShrink: true); the import can then be used',
      params: idParams,
      body: acceptBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      const { skipLines, confirmShrink } = request.body;
      await acceptImportAsActor(contextOf(request), { importId: request.params.id, skipLines, confirmShrink });
      return reply.code(204).send(null);
    },
  });
}
