/** Starts Lotsa: opens the database, migrates, runs first-start set-up and serves HTTP. */
import { buildApp } from './app.js';
import { startCheckpoints } from './audit/checkpoint-job.js';
import { sealAudit, startSealing } from './audit/seal.js';
import { ensureFirstAdministrator, ensureMunicipality } from './bootstrap.js';
import { startNotice } from './first-start.js';
import { openConfiguredDatabase, type DatabaseHandle } from './db/connection.js';
import { auditLogExposure, migrateConfigured, userOf } from './db/roles.js';
import { ConfigError, type Env } from './env.js';
import { registerJobHandlers } from './jobs/handlers.js';
import { runHousekeeping, runReaper, startHousekeeping, startReaper } from './jobs/background.js';
import { startWorker } from './jobs/queue.js';
import { backgroundFailed, setBackgroundLogger } from './log.js';

/**
 * The embedded database broke (its WebAssembly aborted): nothing more can be read or written, so
 * the process stops with a message saying why, and a service manager starts it again (docs/operations.md).
 * What was committed is on disk; the transaction that was running is rolled back on the next start.
 */
function stopOnDatabaseFailure(dataDir: string, err: unknown) {
  console.error(
    `\nThe embedded database failed and cannot go on (${(err as Error)?.message ?? err}).\n` +
      `Lotsa stops now. What was saved before is safe in ${dataDir}; start Lotsa again (a service manager such ` +
      `as systemd does this by itself, see docs/operations.md).`,
  );
  process.exit(1);
}

/**
 * Starts the server and resolves once it listens; returns a function that stops it. `openDatabase` replaces the
 * configured database (the end-to-end specs serve a copy of the demo database held in memory).
 */
export async function startServer(
  env: Env,
  { openDatabase }: { openDatabase?: () => Promise<DatabaseHandle> } = {},
): Promise<() => Promise<void>> {
  const database = await (openDatabase?.() ??
    openConfiguredDatabase(env, (err) => stopOnDatabaseFailure(env.dataDir, err)));
  const applied = await migrateConfigured(env, database.db);
  for (const line of applied) console.log(line);
  if (database.kind === 'postgresql') {
    const exposure = await auditLogExposure(database.db);
    if (exposure && env.databaseOwnerUrl) {
      await database.close();
      throw new ConfigError(
        `DATABASE_URL: the role ${userOf(env.databaseUrl!)} ${exposure}; the application's role must only read ` +
          `and append to the audit log (see docs/operations.md, Database roles).`,
      );
    }
    if (exposure)
      console.warn(
        `Note: the application's database role ${exposure}. Set DATABASE_OWNER_URL to run it with a role that may ` +
          `only append to the audit log (see docs/operations.md, Database roles).`,
      );
  }
  const municipalityId = await ensureMunicipality(database.db, env.municipality);
  const firstAdmin = await ensureFirstAdministrator(database.db, municipalityId);
  // Embedded, this process is the only one: whatever still runs was left by one that stopped.
  const silentSeconds = database.kind === 'pglite' ? 0 : undefined;
  await runReaper(database.db, silentSeconds);
  registerJobHandlers();

  const app = await buildApp(database, env);
  // From here on, background work logs its failures to the server's log, beside the requests'.
  setBackgroundLogger(app.log);
  await app.listen({ port: env.port, host: env.host });
  const where = database.kind === 'pglite' ? `embedded database in ${env.dataDir}` : 'PostgreSQL server';
  const notice = `\n${startNotice(env, where, firstAdmin).join('\n')}\n`;
  console.log(notice);
  const stopWorker = startWorker(database);
  // Audit entries are appended without a lock; every process seals them into the chain each second (one at a time).
  const stopSealing = startSealing(database.db, { error: (line, err) => backgroundFailed('sealing', err, line) });
  const stopCheckpoints = await startCheckpoints(database.db, env.audit, {
    info: (line) => console.log(line),
    error: (line, err) => backgroundFailed('checkpoint', err, line),
  });
  // Housekeeping now and every hour; every failure is logged (src/server/jobs/background.ts). The embedded
  // database's statistics are kept in its data directory, so the hourly runs alone gather them anew.
  await runHousekeeping(database.db, env);
  // Start-up is done: the sign-in notice again, below whatever was logged meanwhile.
  if (firstAdmin) console.log(notice);
  const stopHousekeeping = startHousekeeping(database.db, {
    ...env,
    embeddedStatistics: database.kind === 'pglite',
  });
  // On a shared PostgreSQL server another process may die mid-work: its silent work, and the text
  // messages it left unsent, are failed here. Embedded, this process is the only one, and a heartbeat
  // may wait behind a long statement, so only start-up (above) fails what was left.
  const stopReaper = database.kind === 'postgresql' ? startReaper(database.db) : async () => {};
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    // A housekeeping or reaper run under way finishes (and logs) before the database closes.
    await Promise.all([stopHousekeeping(), stopReaper()]);
    stopCheckpoints();
    stopSealing();
    await stopWorker();
    await app.close();
    // What the last requests appended is sealed before the database closes.
    await sealAudit(database.db).catch((err: unknown) =>
      app.log.error({ err }, 'Sealing the audit log on stopping failed; the next start seals it'),
    );
    setBackgroundLogger(null);
    await database.close();
  };
}
