/** Starts Lotsa: opens the database, migrates, runs first-start set-up and serves HTTP. */
import { buildApp } from './app.js';
import { ensureFirstAdministrator, ensureMunicipality } from './bootstrap.js';
import { openConfiguredDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import type { Env } from './env.js';
import { pruneSessions } from './http/sessions.js';
import { failInterruptedImports } from './features/imports/imports.service.js';
import { registerJobHandlers } from './jobs/handlers.js';
import { failInterruptedJobs, startWorker } from './jobs/queue.js';

/** Starts the server and resolves once it listens; returns a function that stops it. */
export async function startServer(env: Env): Promise<() => Promise<void>> {
  const database = await openConfiguredDatabase(env);
  const applied = await migrateToLatest(database.db);
  for (const line of applied) console.log(line);
  const municipalityId = await ensureMunicipality(database.db, env.municipality);
  const firstAdmin = await ensureFirstAdministrator(database.db, municipalityId);
  await pruneSessions(database.db, env.sessionMaxHours);
  await failInterruptedJobs(database.db);
  await failInterruptedImports(database.db);
  registerJobHandlers();

  const app = await buildApp(database, env);
  await app.listen({ port: env.port, host: env.host });
  const where = database.kind === 'pglite' ? `embedded database in ${env.dataDir}` : 'PostgreSQL server';
  console.log(`\nLotsa is running at ${env.publicUrl} (${where}).`);
  if (firstAdmin) {
    console.log(`\nSign in as ${firstAdmin.email} with the one-time password ${firstAdmin.oneTimePassword}`);
    console.log('You will be asked to choose a new password. Until then, each start prints a new one-time password.\n');
  }
  const stopWorker = startWorker(database);
  const timer = setInterval(() => void pruneSessions(database.db, env.sessionMaxHours).catch(() => {}), 60 * 60 * 1000);
  timer.unref();
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    await stopWorker();
    await app.close();
    await database.close();
  };
}
