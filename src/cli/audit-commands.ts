/** `lotsa audit …`: verify the audit log against its signed checkpoints, write a checkpoint, create a signing key. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { verifyAnchored, type AnchoredReport } from '../server/audit/anchored-verify.js';
import { SEAL_BOUND_SECONDS } from '../server/audit/seal.js';
import { CheckpointMismatch, checkpointNow } from '../server/audit/checkpoint.js';
import {
  createSigningKey,
  loadOrCreateSigningKey,
  readSigningKey,
  type SigningKey,
} from '../server/audit/signing-key.js';
import type { DatabaseHandle } from '../server/db/connection.js';
import { loadEnv, type AuditAnchorConfig } from '../server/env.js';
import { CliError } from './register-commands.js';

type WithDatabase = <T>(work: (database: DatabaseHandle, municipalityId: string) => Promise<T>) => Promise<T>;

const LISTED = 50;
const n = (x: number) => x.toLocaleString('en');

/** The signing key; created only when there are no checkpoints yet that an old key signed. */
function keyFor(config: AuditAnchorConfig): SigningKey {
  if (!fs.existsSync(config.checkpointFile)) {
    const key = loadOrCreateSigningKey(config.keyFile);
    if (key.created) console.log(`Created the audit signing key ${config.keyFile} (fingerprint ${key.fingerprint}).`);
    return key;
  }
  try {
    return readSigningKey(config.keyFile);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(
        `The audit signing key ${config.keyFile} is missing, ` +
          `so the checkpoints in ${config.checkpointFile} cannot be checked. Restore the key (LOTSA_AUDIT_KEY_FILE) ` +
          `from its copy.`,
      );
    throw err;
  }
}

function print(report: AnchoredReport, config: AuditAnchorConfig, key: SigningKey) {
  const { chain } = report;
  console.log(
    chain.ok
      ? `Checked ${n(chain.checked)} audit entries: every entry's hash and its link to the one before hold.`
      : `Checked ${n(chain.checked)} audit entries: ${n(chain.brokenCount)} do not fit the chain.`,
  );
  for (const b of chain.broken.slice(0, LISTED)) console.log(`  entry ${b.id}: ${b.reason}`);
  if (chain.brokenCount > LISTED) console.log(`  … and ${n(chain.brokenCount - LISTED)} more.`);
  if (chain.unsealed > 0) {
    console.log(
      `${n(chain.unsealed)} entries are not yet sealed into the chain, ` +
        `so not checked; ${n(chain.overdue)} of them have waited more than ${SEAL_BOUND_SECONDS} s.`,
    );
    if (chain.overdue > 0)
      console.log(
        '  Entries waiting that long mean the sealing job is not running (start Lotsa) ' +
          'or someone wrote into the log behind it.',
      );
  }
  const total = report.checkpointsMatched + report.problems.length;
  console.log(
    `Checked ${n(total)} checkpoints in ${config.checkpointFile} against the key ` +
      `${key.fingerprint} (${config.keyFile}): ${n(report.checkpointsMatched)} match the ` +
      `log${report.problems.length ? `, ${n(report.problems.length)} do not` : ''}.`,
  );
  for (const p of report.problems.slice(0, LISTED)) console.log(`  ${p.problem}`);
  if (report.problems.length > LISTED) console.log(`  … and ${n(report.problems.length - LISTED)} more.`);
  if (report.newest) {
    console.log(
      `The newest checkpoint (${report.newest.at}) covers ${n(report.newest.count)} entries; ` +
        `${n(Math.max(0, report.entriesAfterNewest))} came after it, and only their hashes vouch for them.`,
    );
  } else {
    console.log('There was no checkpoint yet: a log rewritten or cut short before now could not be told apart.');
  }
  if (report.written)
    console.log(
      `Wrote a checkpoint of ${n(report.written.count)} entries (newest entry ${report.written.headId ?? 'none'}).`,
    );
  console.log(
    report.ok
      ? `Audit log intact: ${n(chain.checked)} entries verified.`
      : 'Audit log BROKEN: see above. No checkpoint was written.',
  );
}

/** Adds the audit commands to `program`. */
export function addAuditCommands(program: Command, withDatabase: WithDatabase) {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description(
      'recompute the hash chain of the audit log, check it against every signed checkpoint, ' +
        'report every broken entry, and write a new checkpoint when all holds',
    )
    .action(async () => {
      const config = loadEnv().audit;
      const key = keyFor(config);
      await withDatabase(async ({ db }) => {
        const report = await verifyAnchored(
          db,
          key,
          { file: config.checkpointFile, command: config.checkpointCommand },
          { onProgress: (x) => process.stderr.write(`\rchecked ${n(x)} entries`) },
        );
        process.stderr.write('\n');
        print(report, config, key);
        if (!report.ok) process.exitCode = 1;
      });
    });
  audit
    .command('checkpoint')
    .description(
      'write a signed checkpoint of the audit log now (the server writes one every LOTSA_AUDIT_CHECKPOINT_MINUTES)',
    )
    .action(async () => {
      const config = loadEnv().audit;
      const key = keyFor(config);
      await withDatabase(async ({ db }) => {
        const c = await checkpointNow(db, key, {
          file: config.checkpointFile,
          command: config.checkpointCommand,
        }).catch((err: unknown) => {
          throw err instanceof CheckpointMismatch ? new CliError(`No checkpoint written: ${err.message}.`) : err;
        });
        console.log(
          `Wrote a checkpoint of ${n(c.count)} entries (newest entry ${c.headId ?? 'none'}) to ` +
            `${config.checkpointFile}.`,
        );
      });
    });
  audit
    .command('keygen')
    .description(
      'create the Ed25519 key that signs checkpoints, at LOTSA_AUDIT_KEY_FILE (or --out); prints its public key',
    )
    .option('--out <file>', 'where to write the key instead of LOTSA_AUDIT_KEY_FILE')
    .option('--replace', 'replace an existing key (checkpoints it signed can then no longer be checked)')
    .action((opts: { out?: string; replace?: boolean }) => {
      const file = opts.out ?? loadEnv().audit.keyFile;
      let key: SigningKey;
      try {
        key = createSigningKey(file, { replace: opts.replace });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST')
          throw new CliError(
            `${file} already holds a key. Give --replace to replace it (checkpoints it signed can ` +
              `then no longer be checked).`,
          );
        throw err;
      }
      console.log(`Created the audit signing key ${file} (fingerprint ${key.fingerprint}). Its public key:`);
      console.log(key.publicKey.export({ type: 'spki', format: 'pem' }).toString().trim());
    });
}
