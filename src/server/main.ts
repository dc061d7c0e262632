/** Starts Lotsa: opens the database, migrates, runs first-start set-up and serves HTTP. */
import { buildApp } from './app.js';
import { ensureFirstAdministrator, ensureMunicipality } from './bootstrap.js';
import { startNotice } from './first-start.js';
import { openConfiguredDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import type { Env } from './env.js';
import { pruneSessions } from './http/sessions.js';
import { failInterruptedImports } from './features/imports/imports.service.js';
import { applyRetention } from './features/retention/retention.js';
import { failUnsentSms } from './features/sms/sms.jobs.js';
import { registerJobHandlers } from './jobs/handlers.js';
import { failInterruptedJobs, startWorker } from './jobs/queue.js';

/** Starts the server and resolves once it listens; returns a function that stops it. */
export async function startServer(env: Env): Promise<() => Promise<void>> {
  const database = await openConfiguredDatabase(env);
  const applied = await migrateToLatest(database.db);
  for (const line of applied) console.log(line);
  const municipalityId = await ensureMunicipality(database.db, env.municipality);
  const firstAdmin = await ensureFirstAdministrator(database.db, municipalityId);
  // Embedded, this process is the only one: whatever still runs was left by one that stopped.
  const silentSeconds = database.kind === 'pglite' ? 0 : undefined;
  await failInterruptedJobs(database.db, silentSeconds);
  await failInterruptedImports(database.db, silentSeconds);
  await failUnsentSms(database.db, silentSeconds);
  registerJobHandlers();

  const app = await buildApp(database, env);
  await app.listen({ port: env.port, host: env.host });
  const where = database.kind === 'pglite' ? `embedded database in ${env.dataDir}` : 'PostgreSQL server';
  const notice = `\n${startNotice(env, where, firstAdmin).join('\n')}\n`;
  console.log(notice);
  const stopWorker = startWorker(database);
  const housekeeping = () => Promise.all([pruneSessions(database.db, env.sessionMaxHours), applyRetention(database.db, env.retentionDays, env.uploadsDir)]);
  await housekeeping().catch((err) => console.error(`Housekeeping failed (it runs again within the hour): ${(err as Error).message}`));
  // Start-up is done: the sign-in notice again, below whatever was logged meanwhile.
  if (firstAdmin) console.log(notice);
  const timer = setInterval(() => void housekeeping().catch(() => {}), 60 * 60 * 1000);
  timer.unref();
  // On a shared PostgreSQL server another process may die mid-work: its silent work, and the text messages it left unsent, are failed here.
  const reaper = setInterval(() => void Promise.all([failInterruptedJobs(database.db), failInterruptedImports(database.db), failUnsentSms(database.db)]).catch(() => {}), 60 * 1000);
  reaper.unref();
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    clearInterval(reaper);
    await stopWorker();
    await app.close();
    await database.close();
  };
}
