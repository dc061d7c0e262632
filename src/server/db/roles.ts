/**
 * Two database roles on a PostgreSQL server: an owner that runs migrations and maintenance, and the
 * application's role, which may read and append to the audit log (and the append-only events) but
 * not change, delete or truncate them, does not own them (so it cannot disable their triggers), and
 * is no superuser (so it cannot set session_replication_role). PGlite has a single user; there the
 * signed checkpoints are what protects the log.
 */
import { sql } from 'kysely';
import type { Db } from './connection.js';
import { openDatabase } from './connection.js';
import { migrateToLatest } from './migrate.js';

/** Tables the application may only read and append to. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_seals', 'events'] as const;
/** Tables whose partitions the application creates, attaches and drops for each import, so it owns them. */
const PARTITIONED_BY_APP = ['population_rows', 'enrolment_rows'] as const;

/** Thrown when a role cannot be made the application's role; the message says why. */
export class RoleError extends Error {}

/** The user a connection URL names. */
export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Grants `role` what the application needs and no more, run as the owner of the tables (after every
 * migration, since new tables need grants too); returns a line per step.
 */
export async function grantAppRole(db: Db, role: string): Promise<string[]> {
  const found = await sql<{ rolsuper: boolean; owner: string; member_of_owner: boolean; is_owner: boolean }>`
    select r.rolsuper, t.tableowner as owner, pg_has_role(r.rolname, t.tableowner, 'MEMBER') as member_of_owner,
      r.rolname = current_user as is_owner
    from pg_roles r cross join (select tableowner from pg_tables where schemaname = 'public'
      and tablename = 'audit_log') t
    where r.rolname = ${role}`.execute(db);
  const r = found.rows[0];
  if (!r)
    throw new RoleError(
      `There is no role "${role}" (or the database is not migrated yet). Create it first: create role ${role} login ` +
        `password '…';`,
    );
  if (r.is_owner || r.member_of_owner)
    throw new RoleError(
      `The role "${role}" is (or is a member of) "${r.owner}", ` +
        `which owns the audit log; the application's role must be another role.`,
    );
  if (r.rolsuper)
    throw new RoleError(
      `The role "${role}" is a superuser, which can do anything to the audit log; the application's role must not be ` +
        `one.`,
    );
  const to = sql.id(role);
  const appendOnly = sql.join(APPEND_ONLY_TABLES.map((t) => sql.table(t)));
  await sql`grant usage, create on schema public to ${to}`.execute(db);
  await sql`grant select, insert, update, delete, references on all tables in schema public to ${to}`.execute(db);
  await sql`revoke update, delete, truncate, references, trigger on ${appendOnly} from ${to}`.execute(db);
  await sql`grant usage, select on all sequences in schema public to ${to}`.execute(db);
  const partitions = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p
      on p.oid = i.inhparent
    where p.relname in (${sql.join([...PARTITIONED_BY_APP])})`.execute(db);
  for (const table of [...PARTITIONED_BY_APP, ...partitions.rows.map((p) => p.name)])
    await sql`alter table ${sql.table(table)} owner to ${to}`.execute(db);
  return [
    `Granted ${role} reading and writing of Lotsa's tables, and only reading and appending ` +
      `on ${APPEND_ONLY_TABLES.join(' and ')}.`,
    `${role} now owns ${PARTITIONED_BY_APP.join(' and ')} and their partitions (each import adds one).`,
  ];
}

/** Why the connection's own role could change or remove audit entries, or null when it cannot. */
export async function auditLogExposure(db: Db): Promise<string | null> {
  const { rows } = await sql<{ rolsuper: boolean; owns: boolean; can_change: boolean }>`
    select r.rolsuper,
      pg_has_role(current_user, t.tableowner, 'MEMBER') as owns,
      has_table_privilege('audit_log', 'UPDATE') or has_table_privilege('audit_log', 'DELETE')
        or has_table_privilege('audit_log', 'TRUNCATE') as can_change
    from pg_roles r cross join (select tableowner from pg_tables where schemaname = 'public'
      and tablename = 'audit_log') t
    where r.rolname = current_user`.execute(db);
  const r = rows[0];
  if (!r) return null;
  if (r.rolsuper) return 'is a superuser';
  if (r.owns) return 'owns the audit log (and could disable its triggers)';
  if (r.can_change) return 'may update, delete or truncate audit entries';
  return null;
}

/**
 * Migrates the database: with an owner URL, as the owner, granting the application's role (the user
 * of `databaseUrl`) afterwards; otherwise on `db` itself. Returns a line per step.
 */
export async function migrateConfigured(
  env: { databaseUrl?: string; databaseOwnerUrl?: string },
  db: Db,
): Promise<string[]> {
  if (!env.databaseOwnerUrl || !env.databaseUrl) return migrateToLatest(db);
  const owner = await openDatabase({ url: env.databaseOwnerUrl, poolSize: 1 });
  try {
    const lines = await migrateToLatest(owner.db);
    await grantAppRole(owner.db, userOf(env.databaseUrl));
    return lines;
  } finally {
    await owner.close();
  }
}
