/**
 * The `lotsa` command line: start, migrate, demo, users add, units, audit verify, backup, restore, import, register.
 * The web server is loaded only by `start`, so the other commands start in a fraction of a second.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { ERRORS } from '../core/errors.js';
import { PROFESSIONS, type Profession } from '../core/professions.js';
import { ROLES, type Role } from '../core/roles.js';
import { recordAudit } from '../server/audit/audit.js';
import { ensureMunicipality } from '../server/bootstrap.js';
import { sealAudit } from '../server/audit/seal.js';
import { openConfiguredDatabase, type DatabaseHandle } from '../server/db/connection.js';
import { DataDirBusyError } from '../server/db/data-dir-lock.js';
import { migrateDown, migrateToLatest } from '../server/db/migrate.js';
import { grantAppRole, migrateConfigured, RoleError, userOf } from '../server/db/roles.js';
import { fillDemo, RealDataError } from '../server/demo/demo.js';
import { writeDemoLists } from '../server/demo/demo-lists.js';
import { ConfigError, loadEnv } from '../server/env.js';
import { AppError } from '../server/http/app-error.js';
import { applyRetention } from '../server/features/retention/retention.js';
import { insertStaff } from '../server/features/staff/staff.service.js';
import { addAuditCommands } from './audit-commands.js';
import { addBackupCommands } from './backup-commands.js';
import { passwordWeakness } from '../server/features/auth/password-policy.js';
import { addRegisterCommands, CliError } from './register-commands.js';
import { addUnitCommands } from './unit-commands.js';

/** Runs `work` on the configured, migrated database and closes it. */
async function withDatabase<T>(work: (database: DatabaseHandle, municipalityId: string) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const database = await openConfiguredDatabase(env);
  try {
    await migrateConfigured(env, database.db);
    const municipalityId = await ensureMunicipality(database.db, env.municipality);
    return await work(database, municipalityId);
  } finally {
    // What the command appended to the audit log is sealed into the chain now, as a server does as it
    // stops, so `audit verify` (and a backup) later finds nothing left waiting.
    await sealAudit(database.db).catch((err: unknown) =>
      console.error(`The audit log could not be sealed (${(err as Error).message}); the next start of Lotsa seals it.`),
    );
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const program = new Command('lotsa').description('Lotsa: the municipal activity responsibility for young people (KAA)');

program
  .command('start')
  .description('start the web server (PORT, DATABASE_URL, LOTSA_DATA_DIR configure it)')
  .action(async () => {
    const { startServer } = await import('../server/main.js');
    const stop = await startServer(loadEnv());
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void stop().then(() => process.exit(0)));
    }
  });

program
  .command('migrate')
  .description(
    "apply pending database migrations (as DATABASE_OWNER_URL when set, then granting DATABASE_URL's role), " +
      'or revert the newest with --down',
  )
  .option('--down', 'revert the newest migration instead')
  .action(async (opts: { down?: boolean }) => {
    const env = loadEnv();
    const database = await openConfiguredDatabase({ ...env, databaseUrl: env.databaseOwnerUrl ?? env.databaseUrl });
    try {
      const lines = opts.down ? await migrateDown(database.db) : await migrateToLatest(database.db);
      if (!opts.down && env.databaseOwnerUrl && env.databaseUrl)
        lines.push(...(await grantAppRole(database.db, userOf(env.databaseUrl))));
      console.log(lines.length ? lines.join('\n') : 'The database is up to date.');
    } finally {
      await database.close();
    }
  });

program
  .command('demo')
  .description('fill the database with a demo municipality (test identity numbers only); safe to run again')
  .action(async () => {
    await withDatabase(async ({ db }, municipalityId) => {
      const summary = await fillDemo(db, municipalityId, (line) => process.stderr.write(`${line}\n`));
      console.log(summary);
      console.log((await writeDemoLists(db, municipalityId, path.join(loadEnv().dataDir, 'demo-lists'))).join('\n'));
    });
  });

const users = program.command('users').description('manage staff accounts');
users
  .command('add')
  .description('create a staff account; prints a one-time password unless --password-stdin is given')
  .requiredOption('--email <email>', 'e-mail address, used to sign in')
  .requiredOption('--name <name>', 'full name')
  .addOption(new Option('--role <role>', 'role').choices(ROLES as unknown as string[]).makeOptionMandatory())
  .option('--unit <name>', 'unit or agency, by name')
  .addOption(new Option('--profession <profession>', 'what they work as').choices(PROFESSIONS as unknown as string[]))
  .option('--password-stdin', 'read a final password from standard input instead of generating a one-time password')
  .action(
    async (opts: {
      email: string;
      name: string;
      role: Role;
      unit?: string;
      profession?: Profession;
      passwordStdin?: boolean;
    }) => {
      const password = opts.passwordStdin ? await readStdin() : undefined;
      const weakness = password === undefined ? null : passwordWeakness(password, [opts.email, opts.name]);
      if (weakness)
        throw new CliError(
          weakness === 'common' ? ERRORS.common_password.en : 'The password must have at least 12 characters.',
        );
      await withDatabase(async ({ db }, municipalityId) => {
        let unitId: string | null = null;
        if (opts.unit) {
          const unit = await db
            .selectFrom('units')
            .select('id')
            .where('municipality_id', '=', municipalityId)
            .where('name', '=', opts.unit)
            .where('active', '=', true)
            .executeTakeFirst();
          if (!unit) {
            const names = (
              await db
                .selectFrom('units')
                .select('name')
                .where('municipality_id', '=', municipalityId)
                .where('active', '=', true)
                .execute()
            ).map((u) => u.name);
            throw new CliError(`No unit is called "${opts.unit}". Units: ${names.join(', ')}.`);
          }
          unitId = unit.id;
        }
        const email = z.string().trim().toLowerCase().email().safeParse(opts.email);
        if (!email.success) throw new CliError(`"${opts.email}" is not a valid e-mail address.`);
        const created = await db.transaction().execute(async (trx) => {
          const staff = await insertStaff(trx, {
            municipalityId,
            email: email.data,
            name: opts.name.trim(),
            role: opts.role,
            unitId,
            profession: opts.profession ?? null,
            password,
          });
          await recordAudit(trx, { id: null, municipalityId, ip: null }, [
            { action: 'create', entity: 'staff', entityId: staff.id, detail: { via: 'cli', role: opts.role } },
          ]);
          return staff;
        });
        console.log(`Created ${opts.role} ${opts.email} (${created.id}).`);
        if (created.oneTimePassword)
          console.log(`One-time password: ${created.oneTimePassword} (must be changed at first sign-in)`);
      });
    },
  );

addAuditCommands(program, withDatabase);
addBackupCommands(program);
addUnitCommands(program, withDatabase);

program
  .command('db')
  .description('database administration on a PostgreSQL server')
  .command('grant-app-role <role>')
  .description(
    'give <role> what the application needs and no more: it may only read and append to the audit log (run ' +
      'as the owner: DATABASE_OWNER_URL, else DATABASE_URL)',
  )
  .action(async (role: string) => {
    const env = loadEnv();
    const url = env.databaseOwnerUrl ?? env.databaseUrl;
    if (!url)
      throw new CliError(
        'The embedded database has a single user, so there is no application role to ' +
          'set up; the signed audit checkpoints protect its log.',
      );
    const database = await openConfiguredDatabase({ ...env, databaseUrl: url });
    try {
      await migrateToLatest(database.db);
      console.log((await grantAppRole(database.db, role)).join('\n'));
    } finally {
      await database.close();
    }
  });

program
  .command('retention')
  .description(
    'retention (gallring): cull source lists no longer in use, uploads ' +
      'and finished jobs older than LOTSA_RETENTION_DAYS',
  )
  .command('run')
  .description('cull now (the server also does it every hour)')
  .action(async () => {
    const env = loadEnv();
    await withDatabase(async ({ db }) => {
      const report = await applyRetention(db, env.retentionDays, env.uploadsDir);
      console.log(
        `Culled ${report.lists} source lists, ${report.uploads} uploaded files ` +
          `and ${report.jobs} finished jobs older than ${env.retentionDays} days.`,
      );
    });
  });

addRegisterCommands(program, withDatabase);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (
    err instanceof CliError ||
    err instanceof ConfigError ||
    err instanceof RoleError ||
    err instanceof DataDirBusyError ||
    err instanceof RealDataError
  ) {
    console.error(err.message);
  } else if (err instanceof AppError) {
    console.error(ERRORS[err.code].en + (err.fields.length ? ` (${err.fields.map((f) => f.field).join(', ')})` : ''));
  } else {
    console.error(err);
  }
  process.exit(1);
});
