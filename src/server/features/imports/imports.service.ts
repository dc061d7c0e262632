/**
 * Imports of source lists: register a file once (the same file twice gives the same import),
 * process it in a background job, show its errors, take a column mapping, and accept skipping
 * exactly the invalid rows. Only coordinators import. The lower functions (db, actor) serve the
 * command line and the job too; the use cases taking a RequestContext serve the routes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql, type Transaction } from 'kysely';
import { REQUIRED, ROW_ERRORS, type ListKind } from '../../../core/source-lists.js';
import type { Language } from '../../../core/errors.js';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import { requireCapability, type Actor } from '../../access/access.js';
import { mappingProblems, type ColumnMapping } from './column-mapping.js';
import { dropStagingTable } from './staging-tables.js';
import { silentFor } from '../../jobs/heartbeat.js';
import { enqueueJob } from '../../jobs/queue.js';
import { audited, type RequestContext } from '../../http/context.js';
import { recentImportIds } from './imports.queries.js';

/**
 * An import whose heartbeat (every 15 s) has been silent this long belongs to a process that died.
 * With the reaper's minute, an interrupted import is failed within two minutes, as docs/register.md says.
 */
export const IMPORT_SILENT_AFTER_SECONDS = 45;

/** SHA-256 of a file, streamed. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Registers an import of the file at `path` whose SHA-256 is `sha`. When the same file is already
 * imported (or being imported) for the municipality, returns that import instead: nothing is doubled.
 */
export async function registerImport(
  db: Db,
  actor: { id: string | null; municipalityId: string },
  kind: ListKind,
  fileName: string,
  path: string,
  sha: string,
): Promise<{ id: string; created: boolean }> {
  // An import of the same file whose process died is failed first, so the file can be imported again at once.
  await failInterruptedImports(db, IMPORT_SILENT_AFTER_SECONDS, { municipalityId: actor.municipalityId, sha });
  const inserted = await db
    .insertInto('imports')
    .values({
      municipality_id: actor.municipalityId,
      kind,
      file_name: fileName,
      file_sha256: sha,
      upload_path: path,
      status: 'queued',
      created_by: actor.id,
    })
    .onConflict((oc) =>
      oc
        .columns(['municipality_id', 'kind', 'file_sha256'])
        .where('status', '<>', 'failed')
        .where('culled_at', 'is', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('imports')
    .select('id')
    .where('municipality_id', '=', actor.municipalityId)
    .where('kind', '=', kind)
    .where('file_sha256', '=', sha)
    .where('status', '<>', 'failed')
    .where('culled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/** An import as the API and CLI show it. */
export async function importSummary(db: Db, municipalityId: string, importId: string) {
  const imp = await db
    .selectFrom('imports')
    .leftJoin('jobs', (j) => j.on(sql`jobs.payload->>'importId'`, '=', sql`imports.id::text`))
    .select([
      'imports.id',
      'imports.kind',
      'imports.file_name',
      'imports.status',
      'imports.headers',
      'imports.mapping',
      'imports.rows_total',
      'imports.rows_valid',
      'imports.error_count',
      'imports.failure',
      'imports.created_at',
      'imports.finished_at',
      'imports.accepted_at',
      'imports.previous_residents',
      'jobs.id as job_id',
      'jobs.progress',
    ])
    .where('imports.id', '=', importId)
    .where('imports.municipality_id', '=', municipalityId)
    .orderBy('jobs.created_at', 'desc')
    .executeTakeFirst();
  if (!imp) throw new AppError('not_found');
  const skipped = await db
    .selectFrom('import_errors')
    .select(sql<number>`count(distinct line)::int`.as('n'))
    .where('import_id', '=', importId)
    .where('blocking', '=', false)
    .executeTakeFirstOrThrow();
  return {
    id: imp.id,
    kind: imp.kind,
    fileName: imp.file_name,
    status: imp.status,
    headers: (imp.headers as string[] | null) ?? null,
    mapping: (imp.mapping as ColumnMapping | null) ?? null,
    rowsTotal: imp.rows_total,
    rowsValid: imp.rows_valid,
    errorCount: imp.error_count,
    otherMunicipalityRows: skipped.n,
    failure: imp.failure,
    jobId: imp.job_id ?? null,
    progress: imp.progress ?? 0,
    createdAt: imp.created_at.toISOString(),
    finishedAt: imp.finished_at?.toISOString() ?? null,
    acceptedAt: imp.accepted_at?.toISOString() ?? null,
    previousResidents: imp.previous_residents,
  };
}

/** The rows of an import that were not imported, with line, column and reason, in `language`. */
export async function importErrors(db: Db, importId: string, language: Language, limit = 1000, offset = 0) {
  const rows = await db
    .selectFrom('import_errors')
    .select(['line', 'column_name', 'code', 'value', 'blocking'])
    .where('import_id', '=', importId)
    .orderBy('line')
    .orderBy('column_name')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    line: r.line,
    column: r.column_name,
    code: r.code,
    value: r.value,
    blocking: r.blocking,
    message: ROW_ERRORS[r.code as keyof typeof ROW_ERRORS]?.[language] ?? r.code,
  }));
}

/**
 * The coordinator's word that exactly the listed invalid rows may be skipped, and (for a population
 * list held because it shrank) that it is to be used all the same; the import becomes ready.
 */
export async function acceptImport(
  db: Db,
  actor: { id: string | null; municipalityId: string },
  importId: string,
  skipLines: number[],
  confirmShrink = false,
) {
  await db.transaction().execute(async (trx) => {
    const imp = await trx
      .selectFrom('imports')
      .select(['status', 'rows_valid', 'previous_residents'])
      .where('id', '=', importId)
      .where('municipality_id', '=', actor.municipalityId)
      .where('culled_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!imp) throw new AppError('not_found');
    if (imp.status !== 'needs_review') throw new AppError('import_not_reviewable');
    const lines = (
      await trx
        .selectFrom('import_errors')
        .select('line')
        .distinct()
        .where('import_id', '=', importId)
        .where('blocking', '=', true)
        .execute()
    ).map((r) => r.line);
    const wanted = new Set(skipLines);
    if (wanted.size !== lines.length || lines.some((l) => !wanted.has(l)))
      throw new AppError('skip_lines_mismatch', [{ field: 'skipLines', code: 'invalid' }]);
    if (imp.previous_residents !== null && !confirmShrink) {
      throw new AppError('population_shrank', [{ field: 'confirmShrink', code: 'required' }], {
        residents: imp.rows_valid,
        previousResidents: imp.previous_residents,
      });
    }
    await trx
      .updateTable('imports')
      .set({ status: 'ready', accepted_by: actor.id, accepted_at: sql`now()` })
      .where('id', '=', importId)
      .execute();
  });
}

/**
 * Sets the column mapping of an import waiting for one, optionally saving it by name for later
 * files, in the caller's transaction `trx` (which also queues the import again).
 */
export async function setMapping(
  trx: Transaction<Database>,
  actor: Actor,
  importId: string,
  mapping: ColumnMapping,
  saveAs: string | null,
): Promise<{ path: string }> {
  requireCapability(actor, 'imports.run');
  const imp = await trx
    .selectFrom('imports')
    .select(['kind', 'status', 'headers', 'upload_path'])
    .where('id', '=', importId)
    .where('municipality_id', '=', actor.municipalityId)
    .where('culled_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!imp) throw new AppError('not_found');
  if (imp.status !== 'needs_mapping') throw new AppError('import_not_mappable');
  const headers = (imp.headers as string[] | null) ?? [];
  const problems = mappingProblems(imp.kind, headers, mapping, REQUIRED[imp.kind]);
  if (problems.length)
    throw new AppError(
      'validation_failed',
      problems.map((p) => ({ field: `mapping.${p.split(':')[0]}`, code: 'invalid' as const })),
    );
  await trx
    .updateTable('imports')
    .set({ mapping: JSON.stringify(mapping), status: 'queued' })
    .where('id', '=', importId)
    .execute();
  if (saveAs) {
    await trx
      .insertInto('import_mappings')
      .values({
        municipality_id: actor.municipalityId,
        kind: imp.kind,
        name: saveAs,
        headers: JSON.stringify(headers),
        mapping: JSON.stringify(mapping),
      })
      .onConflict((oc) =>
        oc
          .columns(['municipality_id', 'kind', 'name'])
          .doUpdateSet({ headers: JSON.stringify(headers), mapping: JSON.stringify(mapping) }),
      )
      .execute();
  }
  return { path: imp.upload_path };
}

/**
 * Imports whose process stopped are failed, and their half-loaded rows dropped, so they can be
 * imported again: those whose heartbeat has been silent for `silentSeconds` (0 when no other
 * process can be running them), and those still queued behind a job that failed. The uploaded copy
 * of a failed import (one that came with a job, not a file the CLI was given) is deleted. With
 * `only`, just the imports of that file in that municipality are looked at.
 */
export async function failInterruptedImports(
  db: Db,
  silentSeconds = IMPORT_SILENT_AFTER_SECONDS,
  only?: { municipalityId: string; sha: string },
): Promise<void> {
  const failure = 'Interrupted: Lotsa stopped during the import. Import the file again.';
  const interrupted = await db
    .updateTable('imports')
    .set({ status: 'failed', failure, finished_at: sql`now()` })
    .where(silentFor(silentSeconds))
    .$if(only !== undefined, (q) =>
      q.where('municipality_id', '=', only!.municipalityId).where('file_sha256', '=', only!.sha),
    )
    .returning([
      'id',
      'kind',
      'upload_path',
      sql<boolean>`exists (select 1 from jobs where jobs.payload->>'importId' = imports.id::text)`.as('uploaded'),
    ])
    .execute();
  for (const imp of interrupted) {
    await dropStagingTable(db, imp.kind, imp.id);
    if (imp.uploaded) await rm(imp.upload_path, { force: true });
  }
  if (only) return;
  const stranded = await db
    .updateTable('imports')
    .set({ status: 'failed', failure, finished_at: sql`now()` })
    .where('status', '=', 'queued')
    .where(
      sql<boolean>`not exists (select 1 from jobs where jobs.payload->>'importId' = imports.id::text
        and jobs.status in ('queued', 'running'))`,
    )
    .where(
      sql<boolean>`exists (select 1 from jobs where jobs.payload->>'importId' = imports.id::text
        and jobs.status = 'failed')`,
    )
    .returning('upload_path')
    .execute();
  for (const imp of stranded) await rm(imp.upload_path, { force: true });
}

/**
 * A coordinator's upload: stores the request's file under `uploadsDir` and registers it, queueing its
 * processing with it (an import never waits for a job that was not made). The same file again gives
 * the earlier import, and the copy is removed.
 */
export async function uploadImport(
  ctx: RequestContext,
  {
    uploadsDir,
    body,
    kind,
    fileName,
  }: { uploadsDir: string; body: NodeJS.ReadableStream; kind: ListKind; fileName: string },
) {
  requireCapability(ctx.actor, 'imports.run');
  mkdirSync(uploadsDir, { recursive: true });
  const file = path.join(uploadsDir, randomUUID());
  await pipeline(body, createWriteStream(file));
  const sha = await fileSha256(file);
  const { id, created } = await audited(ctx, async ({ trx, audit }) => {
    const registered = await registerImport(
      trx,
      { id: ctx.actor.id, municipalityId: ctx.actor.municipalityId },
      kind,
      fileName,
      file,
      sha,
    );
    if (registered.created) {
      await enqueueJob(trx, {
        municipalityId: ctx.actor.municipalityId,
        kind: 'import',
        payload: { importId: registered.id, path: file },
        createdBy: ctx.actor.id,
      });
      await audit({ action: 'create', entity: 'import', entityId: registered.id, detail: { kind } });
    }
    return registered;
  });
  if (!created) await rm(file, { force: true });
  return { id, alreadyImported: !created };
}

/** The municipality's 50 most recent imports. */
export async function recentImports(ctx: RequestContext) {
  requireCapability(ctx.actor, 'imports.run');
  const ids = await recentImportIds(ctx.db, ctx.actor.municipalityId, 50);
  return Promise.all(ids.map((i) => importSummary(ctx.db, ctx.actor.municipalityId, i.id)));
}

/** One import of the actor's municipality: status, progress, counts. */
export async function importOf(ctx: RequestContext, { importId }: { importId: string }) {
  requireCapability(ctx.actor, 'imports.run');
  return importSummary(ctx.db, ctx.actor.municipalityId, importId);
}

/**
 * A page of an import's invalid rows; they quote the file's cells, identity numbers included, so reading them is
 * audited.
 */
export async function importErrorPage(
  ctx: RequestContext,
  { importId, page, pageSize, language }: { importId: string; page: number; pageSize: number; language: Language },
) {
  requireCapability(ctx.actor, 'imports.run');
  await importSummary(ctx.db, ctx.actor.municipalityId, importId);
  const rows = await importErrors(ctx.db, importId, language, pageSize, (page - 1) * pageSize);
  await audited(ctx, ({ audit }) =>
    audit({ action: 'read', entity: 'import_errors', entityId: importId, detail: { page, rows: rows.length } }),
  );
  return rows;
}

/** Maps the columns of a file in another layout (optionally saving the mapping) and queues its processing again. */
export async function mapImportColumns(
  ctx: RequestContext,
  { importId, mapping, saveAs }: { importId: string; mapping: ColumnMapping; saveAs: string | null },
) {
  await audited(ctx, async ({ trx, audit }) => {
    const { path: file } = await setMapping(trx, ctx.actor, importId, mapping, saveAs);
    await enqueueJob(trx, {
      municipalityId: ctx.actor.municipalityId,
      kind: 'import',
      payload: { importId, path: file },
      createdBy: ctx.actor.id,
    });
    await audit({ action: 'update', entity: 'import', entityId: importId, detail: { mapping, savedAs: saveAs } });
  });
}

/** Accepts an import skipping exactly `skipLines` (and, for a shrunken population list, with `confirmShrink`). */
export async function acceptImportAsActor(
  ctx: RequestContext,
  { importId, skipLines, confirmShrink }: { importId: string; skipLines: number[]; confirmShrink: boolean },
) {
  requireCapability(ctx.actor, 'imports.run');
  await acceptImport(
    ctx.db,
    { id: ctx.actor.id, municipalityId: ctx.actor.municipalityId },
    importId,
    skipLines,
    confirmShrink,
  );
  const detail = { accepted: true, skippedLines: skipLines.length, confirmedShrink: confirmShrink };
  await audited(ctx, ({ audit }) => audit({ action: 'update', entity: 'import', entityId: importId, detail }));
}
