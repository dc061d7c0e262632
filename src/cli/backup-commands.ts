/**
 * `lotsa backup FILE` and `lotsa restore FILE`: the embedded database to and from one file (src/server/db/backup.ts).
 */
import type { Command } from 'commander';
import { BackupError, backupEmbedded, restoreEmbedded } from '../server/db/backup.js';
import { loadEnv } from '../server/env.js';
import { CliError } from './register-commands.js';

const ON_POSTGRESQL =
  'Lotsa runs on a PostgreSQL server here (DATABASE_URL): back it up with pg_dump and restore with pg_restore, ' +
  'which work while Lotsa runs (docs/operations.md, Backups).';

/** Turns a refusal into the command's error message. */
const explained = (err: unknown) => {
  throw err instanceof BackupError ? new CliError(err.message) : err;
};

/** Adds the backup and restore commands to `program`. */
export function addBackupCommands(program: Command) {
  program
    .command('backup <file>')
    .description(
      'write a consistent backup of the embedded database (LOTSA_DATA_DIR) to <file>; Lotsa must be stopped meanwhile',
    )
    .action(async (file: string) => {
      const env = loadEnv();
      if (env.databaseUrl) throw new CliError(ON_POSTGRESQL);
      const bytes = await backupEmbedded(env.dataDir, file).catch(explained);
      console.log(
        `Backed up the embedded database in ${env.dataDir} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB).`,
      );
      console.log(
        `Keep the audit signing key (${env.audit.keyFile}) and checkpoints (${env.audit.checkpointFile}) with it, ` +
          `or apart as docs/operations.md says.`,
      );
    });
  program
    .command('restore <file>')
    .description(
      'restore a backup made by `lotsa backup` into LOTSA_DATA_DIR; refuses a directory that holds a database unless ' +
        '--force',
    )
    .option('--force', 'replace the database already there (it is moved aside, not deleted)')
    .action(async (file: string, opts: { force?: boolean }) => {
      const env = loadEnv();
      if (env.databaseUrl) throw new CliError(ON_POSTGRESQL);
      const { movedAside } = await restoreEmbedded(file, env.dataDir, { force: opts.force }).catch(explained);
      if (movedAside) console.log(`Moved the database that was there aside to ${movedAside}.`);
      console.log(
        `Restored ${file} into ${env.dataDir}. Check its audit log with \`npx lotsa audit verify\`, then start Lotsa.`,
      );
    });
}
