/**
 * The scheduled checkpoint: on start and every LOTSA_AUDIT_CHECKPOINT_MINUTES, a signed checkpoint of the sealed audit
 * chain.
 */
import type { Db } from '../db/connection.js';
import type { AuditAnchorConfig } from '../env.js';
import { checkpointNow } from './checkpoint.js';
import { sealAudit } from './seal.js';
import { loadOrCreateSigningKey } from './signing-key.js';

/** Where the job reports: a line for news, a line for every failure. */
export type CheckpointLog = { info: (line: string) => void; error: (line: string, err?: unknown) => void };

/**
 * Loads (or on first start creates) the signing key, writes a checkpoint now and then at every
 * interval; returns a function that stops the timer. A failure is logged and tried again at the
 * next interval; a log that no longer matches the newest checkpoint is logged as an error each time.
 */
export async function startCheckpoints(db: Db, config: AuditAnchorConfig, log: CheckpointLog): Promise<() => void> {
  const key = loadOrCreateSigningKey(config.keyFile);
  if (key.created)
    log.info(
      `Created the audit signing key ${config.keyFile} (fingerprint ${key.fingerprint}). Keep a copy of it outside ` +
        `this machine.`,
    );
  const target = { file: config.checkpointFile, command: config.checkpointCommand };
  // What has committed is sealed first, so the checkpoint covers it.
  const run = () =>
    sealAudit(db)
      .then(() => checkpointNow(db, key, target))
      .then(
        () => {},
        (err: unknown) => log.error(`Audit checkpoint not written: ${(err as Error).message}`, err),
      );
  await run();
  const timer = setInterval(() => void run(), config.checkpointMinutes * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
