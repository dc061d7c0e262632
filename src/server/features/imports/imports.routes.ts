/** /api/v1/imports: upload a source list, follow its processing, map columns, review errors, accept. */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptBody, importCreatedSchema, importErrorSchema, importErrorsQuery, importSchema, importUploadQuery, mappingBody } from '../../../core/register-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { requireCapability } from '../../access/access.js';
import type { Env } from '../../env.js';
import { audited, contextOf } from '../../http/context.js';
import { languageOf } from '../../http/language.js';
import { enqueueJob } from '../../jobs/queue.js';
import { acceptImport, fileSha256, importErrors, importSummary, registerImport, setMapping } from './imports.service.js';

const tags = ['imports'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const FILE_TYPES = ['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];

/** Registers the import routes; uploads are kept in `env.uploadsDir` until processed. */
export async function importRoutes(app: FastifyInstance, { env }: { env: Env }) {
  const uploads = env.uploadsDir;
  app.addContentTypeParser(FILE_TYPES, { bodyLimit: 512 * 1024 * 1024 }, (_request, payload, done) => done(null, payload));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/imports', {
    schema: {
      tags,
      summary: 'Upload a population or enrolment list (CSV or XLSX as the request body); processing runs as a background job',
      querystring: importUploadQuery,
      response: { 202: importCreatedSchema, ...errors },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'imports.run');
      mkdirSync(uploads, { recursive: true });
      const file = path.join(uploads, randomUUID());
      await pipeline(request.body as NodeJS.ReadableStream, createWriteStream(file));
      const sha = await fileSha256(file);
      // The import and its job are queued together, so an import never waits for a job that was not made.
      const { id, created } = await audited(ctx, async ({ trx, audit }) => {
        const registered = await registerImport(trx, { id: ctx.actor.id, municipalityId: ctx.actor.municipalityId }, request.query.kind, request.query.fileName, file, sha);
        if (registered.created) {
          await enqueueJob(trx, { municipalityId: ctx.actor.municipalityId, kind: 'import', payload: { importId: registered.id, path: file }, createdBy: ctx.actor.id });
          await audit({ action: 'create', entity: 'import', entityId: registered.id, detail: { kind: request.query.kind } });
        }
        return registered;
      });
      if (!created) await rm(file, { force: true });
      return reply.code(202).send({ id, alreadyImported: !created });
    },
  });

  r.get('/api/v1/imports', {
    schema: { tags, summary: 'Recent imports of your municipality', response: { 200: z.array(importSchema), ...errors } },
    handler: async (request) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'imports.run');
      const ids = await ctx.db.selectFrom('imports').select('id').where('municipality_id', '=', ctx.actor.municipalityId).orderBy('created_at', 'desc').limit(50).execute();
      return Promise.all(ids.map((i) => importSummary(ctx.db, ctx.actor.municipalityId, i.id)));
    },
  });

  r.get('/api/v1/imports/:id', {
    schema: { tags, summary: 'An import: status, progress, counts', params: idParams, response: { 200: importSchema, ...errors } },
    handler: async (request) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'imports.run');
      return importSummary(ctx.db, ctx.actor.municipalityId, request.params.id);
    },
  });

  r.get('/api/v1/imports/:id/errors', {
    schema: { tags, summary: 'The rows that were not imported, with line, column and reason', params: idParams, querystring: importErrorsQuery, response: { 200: z.array(importErrorSchema), ...errors } },
    handler: async (request) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'imports.run');
      await importSummary(ctx.db, ctx.actor.municipalityId, request.params.id);
      const { page, pageSize } = request.query;
      const rows = await importErrors(ctx.db, request.params.id, languageOf(request), pageSize, (page - 1) * pageSize);
      // Invalid rows quote the file's cells, identity numbers included.
      await audited(ctx, ({ audit }) => audit({ action: 'read', entity: 'import_errors', entityId: request.params.id, detail: { page, rows: rows.length } }));
      return rows;
    },
  });

  r.post('/api/v1/imports/:id/mapping', {
    schema: { tags, summary: 'Map the columns of a file in another layout, optionally saving the mapping; processing starts again', params: idParams, body: mappingBody, response: { 202: z.null(), ...errors } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      await audited(ctx, async ({ trx, audit }) => {
        const { path: file } = await setMapping(trx, ctx.actor, request.params.id, request.body.mapping, request.body.saveAs ?? null);
        await enqueueJob(trx, { municipalityId: ctx.actor.municipalityId, kind: 'import', payload: { importId: request.params.id, path: file }, createdBy: ctx.actor.id });
        await audit({ action: 'update', entity: 'import', entityId: request.params.id, detail: { mapping: request.body.mapping, savedAs: request.body.saveAs ?? null } });
      });
      return reply.code(202).send(null);
    },
  });

  r.post('/api/v1/imports/:id/accept', {
    schema: { tags, summary: 'Accept skipping exactly the listed invalid rows (and, for a population list with fewer than 90 % of the previous one\'s residents, confirmShrink: true); the import can then be used', params: idParams, body: acceptBody, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'imports.run');
      await acceptImport(ctx.db, { id: ctx.actor.id, municipalityId: ctx.actor.municipalityId }, request.params.id, request.body.skipLines, request.body.confirmShrink);
      await audited(ctx, ({ audit }) => audit({ action: 'update', entity: 'import', entityId: request.params.id, detail: { accepted: true, skippedLines: request.body.skipLines.length, confirmedShrink: request.body.confirmShrink } }));
      return reply.code(204).send(null);
    },
  });
}
