/**
 * Benchmark of the figures (issue 15): the outcome report for a year and the SCB half-year return over
 * five years of a national-size register (500,000 persons) on PostgreSQL.
 *
 *   npm run bench:figures        (tsx bench/figures.ts; BENCH_PERSONS=20000 for a quick run)
 *
 * Creates a throw-away database `lotsa_bench_figures_<random>` on the server of BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/test), migrates it, writes synthetic persons (identity
 * numbers that are not Skatteverket's test numbers, so they only ever live in this database), one
 * register period, one case (seven in ten closed with an outcome), one conversation and, for every
 * second person, one measure each, spread over 2021-07-01 … 2026-06-30; then times the report queries
 * and drops the database, also when a step fails (BENCH_KEEP_DATABASE=1 keeps it, named on stderr, to
 * EXPLAIN the queries by hand; BENCH_REUSE_DATABASE=<that name> migrates it to the latest, vacuums it and times the
 * reports again without seeding, and keeps it). The SCB return is timed as its JSON makes it (counts and checks, no
 * identity numbers, counted and checked in the database); the file's rows and CSV are timed on a line
 * of their own. The last line is
 * `outcomes_s=… scb_s=… target_s=1 ok|over (server cpu_s …; load average …)`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import { outcomeReport } from '../src/core/figures.js';
import { OUTCOME_CODES } from '../src/core/outcomes.js';
import { codeListsFor, halfYear, scbCsv } from '../src/core/scb.js';
import { openDatabase } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { outcomeGroups, scbRows, scbSummary } from '../src/server/features/reports/reports.queries.js';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 500_000);
const TARGET_S = 1;
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * CPU seconds the database's server processes have used so far (PostgreSQL on this machine, read from
 * /proc), or null when they cannot be read. Beside the wall-clock time it shows the work a report
 * costs when other work shares the machine.
 */
async function serverCpu(db: Parameters<typeof migrateToLatest>[0]): Promise<number | null> {
  const { rows } = await sql<{
    pid: number;
  }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  try {
    return rows.reduce((sum, { pid }) => {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(f[11]) + Number(f[12])) / 100;
    }, 0);
  } catch {
    return null;
  }
}
const cpuSince = (before: number | null, after: number | null) =>
  before === null || after === null ? 'n/a' : (after - before).toFixed(2);

async function admin(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Writes the synthetic register in set-based SQL. */
async function seed(db: Parameters<typeof migrateToLatest>[0], n: number): Promise<string> {
  const m = (
    await sql<{
      id: string;
    }>`insert into municipalities (code, name) values ('1480', 'Göteborgs stad') returning id`.execute(db)
  ).rows[0]!.id;
  const staff = (
    await sql<{
      id: string;
    }>`insert into staff (municipality_id, email, name, role, password_hash)
      values (${m}, 'bench@example.se', 'Bench', 'coordinator', 'x') returning id`.execute(db)
  ).rows[0]!.id;
  const codes = sql.join(OUTCOME_CODES.map((c) => sql.lit(c)));
  const statements = [
    sql`insert into persons (municipality_id, personal_identity_number, birth_date, given_name, family_name)
      select ${m}, to_char(d, 'YYYYMMDD') || lpad((i / 2900 % 1000)::text, 3, '0') || '0', d, 'Bench',
        'Person' || i
      from (select i, date '2002-01-01' + (i % 2900) as d from generate_series(1, ${n}) i) s
      on conflict do nothing`,
    sql`insert into register_periods
        (municipality_id, person_id, entered_on, entry_reason, left_on, leave_reason, source)
      select ${m}, p.id, e, (array['dropped_out','never_started','certificate_only','moved_in','other'])[1 + r % 5],
        case when r % 5 <> 0 then e + (200 + r % 300)::int end,
        case when r % 5 <> 0
          then (array['turned_20','moved_out','started_upper_secondary','completed','other'])[1 + r % 5] end, '{}'
      from (select id, row_number() over () as r,
        date '2021-07-01' + (row_number() over () * 7 % 1800)::int as e from persons) p`,
    sql`with e as (insert into events (municipality_id, person_id, type, payload)
        select ${m}, person_id, 'contact_attempt', '{}' from register_periods returning id, person_id)
      insert into contact_attempts (municipality_id, person_id, period_id, event_id, channel, outcome, at, staff_id,
        occupation, occupation_list_version)
      select ${m}, e.person_id, rp.id, e.id, 'phone', 'reached', (rp.entered_on + 5)::timestamp, ${staff}, 'none', 1
      from e join register_periods rp on rp.person_id = e.person_id`,
    sql`insert into offers (municipality_id, name, kind, kind_list_version, provider_name)
      values (${m}, 'Vägledning', 'guidance', '2026-12', 'Bench')`,
    sql`insert into measures (municipality_id, person_id, offer_id, starts_on, ended_on, end_reason)
      select ${m}, rp.person_id, (select id from offers limit 1), rp.entered_on + 20, rp.entered_on + 80, 'completed'
      from (select *, row_number() over () as r from register_periods) rp where r % 2 = 0`,
    // Statistics first: the cases' insert triggers look up each person's rows by index.
    sql`analyze`,
    sql`insert into cases (municipality_id, person_id, status, opened_at, target_group, upper_secondary_diploma,
        documented_problems, outcome, outcome_list_version, closed_on, closed_at)
      select ${m}, rp.person_id, case when r % 10 < 7 then 'closed' else 'active' end,
        (rp.entered_on + 3)::timestamp, 'kaa',
        (array['yes','no','unknown'])[1 + r % 3], case when r % 4 = 0 then '{social}'::text[] else '{}' end,
        case when r % 10 < 7 then (array[${codes}])[1 + r % 10] end, case when r % 10 < 7 then '2026-12' end,
        case when r % 10 < 7 then rp.entered_on + (30 + r % 200)::int end,
        case when r % 10 < 7 then (rp.entered_on + (30 + r % 200)::int)::timestamp end
      from (select *, row_number() over () as r from register_periods) rp`,
    // As autovacuum would after a bulk load (this machine's server runs without it): statistics, and a
    // visibility map, without which the SCB return's contacts read every page of contact_attempts rather
    // than their index (an index-only scan).
    sql`vacuum analyze`,
  ];
  for (const [i, s] of statements.entries()) {
    const t0 = process.hrtime.bigint();
    await s.execute(db);
    console.error(`seed step ${i + 1} of ${statements.length}: ${seconds(t0).toFixed(1)} s`);
  }
  return m;
}

async function main(): Promise<number> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const reuse = process.env.BENCH_REUSE_DATABASE;
  if (reuse && !/^lotsa_bench_figures_[0-9a-f]+$/.test(reuse)) throw new Error(`not a bench database: ${reuse}`);
  const name = reuse ?? `lotsa_bench_figures_${randomBytes(6).toString('hex')}`;
  if (!reuse) await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  try {
    let t = process.hrtime.bigint();
    await migrateToLatest(handle.db);
    let m: string;
    if (reuse) {
      m = (await sql<{ id: string }>`select id from municipalities where code = '1480'`.execute(handle.db)).rows[0]!.id;
      console.log(`figures benchmark: reusing ${name} (migrated in ${seconds(t).toFixed(1)} s)`);
      // A database kept before the seed ended with a vacuum has no visibility map (see the seed's last step);
      // on one that has it, this skips every page.
      await sql`vacuum`.execute(handle.db);
    } else {
      t = process.hrtime.bigint();
      m = await seed(handle.db, PERSONS);
      console.log(
        `figures benchmark: ${PERSONS.toLocaleString('en-US')} persons over five years, ` +
          `seeded in ${seconds(t).toFixed(1)} s`,
      );
    }
    const year = { from: '2025-07-01', to: '2026-06-30' };
    let cpu = await serverCpu(handle.db);
    t = process.hrtime.bigint();
    const { groups, medians } = await outcomeGroups(handle.db, m, year, 5);
    const report = outcomeReport({
      ...year,
      outcomeCodes: OUTCOME_CODES,
      groups,
      medians,
      settings: { targetMonths: 5, targetShare: 0.6 },
    });
    const outcomesS = seconds(t);
    const outcomesCpu = cpuSince(cpu, await serverCpu(handle.db));
    console.log(
      `outcome report ${year.from}–${year.to}: closed ${report.closed}, studies or work in time ` +
        `${report.studiesOrWork.count} (${report.studiesOrWork.share}), without diploma ${report.withoutDiploma}, ` +
        `medians ${JSON.stringify(report.medianDays)}`,
    );
    // Once more on the same, now warm, connection and cache: the first run also pays for them.
    t = process.hrtime.bigint();
    await outcomeGroups(handle.db, m, year, 5);
    console.log(`outcome report again: ${seconds(t).toFixed(3)} s`);
    const half = '2026-H1';
    cpu = await serverCpu(handle.db);
    t = process.hrtime.bigint();
    const period = halfYear(half)!;
    // The JSON return as the API makes it: counts and checks in the database, no rows read.
    const { counts, failures } = await scbSummary(handle.db, m, period, codeListsFor(half));
    const scbS = seconds(t);
    const scbCpu = cpuSince(cpu, await serverCpu(handle.db));
    const rowCount = counts.reduce((sum, c) => sum + c.n, 0);
    t = process.hrtime.bigint();
    await scbSummary(handle.db, m, period, codeListsFor(half));
    console.log(`SCB return again: ${seconds(t).toFixed(3)} s`);
    console.log(`SCB return ${half}: ${rowCount} rows, ${failures.length} failed checks`);
    t = process.hrtime.bigint();
    const fileRows = await scbRows(handle.db, m, period);
    const csv = scbCsv(fileRows, '1480', codeListsFor(half));
    console.log(`SCB file ${half}: ${csv.length.toLocaleString('en-US')} characters in ${seconds(t).toFixed(3)} s`);
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    console.log(
      `outcomes_s=${outcomesS.toFixed(3)} scb_s=${scbS.toFixed(3)} target_s=${TARGET_S} ` +
        `${outcomesS <= TARGET_S && scbS <= TARGET_S ? 'ok' : 'over'} ` +
        `(server cpu_s ${outcomesCpu} and ${scbCpu}; load average ${load} on ${cpus().length} cores)`,
    );
    return 0;
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP_DATABASE === '1' || reuse) console.error(`kept database ${name}`);
    else await admin(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
