/**
 * National-scale benchmark of building the KAA register from source lists.
 *
 *   npm run bench:register        (tsx bench/register.ts)
 *
 * 1. Writes synthetic lists to a temp directory: population.csv (500,000 persons) and
 *    enrolments.csv (450,000 rows), see synthetic-lists.ts.
 * 2. Creates a throw-away database `lotsa_bench_<random>` on the server of BENCH_DATABASE_URL
 *    (default postgres://postgres@127.0.0.1:5432/test) and times a raw baseline: COPY of both files
 *    into unindexed all-text tables.
 * 3. Times Lotsa's real path on that database, each step a child process of `bin/lotsa.js`:
 *    import population, import enrolments, register reconcile --apply.
 * 4. Times the database work alone that any design of the three steps must do (database-floor.ts),
 *    on the same database, as a floor to hold the targets against.
 * 5. Times the same three steps on embedded PGlite for a municipality of 25,000 persons.
 * 6. Drops the database and removes the temp files, also when a step fails or on Ctrl-C.
 *
 * The identity numbers are checksum-valid synthetic numbers, NOT Skatteverket's test numbers, so they
 * may belong to real people: they only ever go into the benchmark database this script creates and
 * drops. Never point it at a database that holds anything else.
 *
 * Environment: BENCH_DATABASE_URL (server to create the database on), BENCH_SKIP_LOTSA=1 (only
 * generate and COPY), BENCH_SKIP_PGLITE=1, BENCH_KEEP_FILES=1 (keep the temp directory).
 * The last line printed is always `total_s=<s> copy_s=<s> ratio_to_copy=<total/copy>`, where total_s
 * is the sum of the three Lotsa steps on PostgreSQL ("skipped" or "failed" when they did not run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { databaseFloor, type Floor } from './database-floor.js';
import { loadMunicipalities, writeSyntheticLists, type SyntheticListsResult } from './synthetic-lists.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AS_OF = '2026-11-25';
const MUNICIPALITY = { code: '1480', name: 'Göteborgs stad' };
const NATIONAL = { persons: 500_000, enrolmentRows: 450_000 };
const SMALL = { persons: 25_000, enrolmentRows: 22_500 };
const TARGET_TOTAL_S = 15;
const TIME_BIN = '/usr/bin/time';

const flag = (name: string) => process.env[name] === '1' || process.env[name] === 'true';
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const perSecond = (rows: number, s: number, unit = 'rows') =>
  `${Math.round(rows / s).toLocaleString('en-US')} ${unit}/s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** One timed Lotsa command: its wall time, peak RSS and parsed JSON output. */
type StepResult = { name: string; seconds: number; peakRssKb: number | null; json: unknown };

/** Things to undo on exit, newest first. */
const cleanups: (() => Promise<void>)[] = [];
let running: ChildProcess | null = null;
let interrupted: NodeJS.Signals | null = null;
let cleaning: Promise<void> | null = null;

/** Runs every registered clean-up once, however often it is called. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()!();
      } catch (err) {
        console.error(`clean-up failed: ${(err as Error).message}`);
      }
    }
  })();
  return cleaning;
}

/** Throws once a signal has asked the benchmark to stop, so no new phase starts. */
function checkInterrupted(): void {
  if (interrupted) throw new Error(`stopped by ${interrupted}`);
}

// Ctrl-C (often delivered twice: by the terminal and relayed by tsx) stops the running Lotsa step,
// drops the database and removes the files before exiting.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    console.error(`\n${signal}: stopping and cleaning up`);
    if (running?.pid) {
      try {
        process.kill(-running.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    void cleanUp().finally(() => process.exit(130));
  });
}

function printLists(label: string, lists: SyntheticListsResult): void {
  const rows = lists.populationRows + lists.enrolmentRows;
  console.log(
    `${label}: wrote ${lists.populationRows.toLocaleString('en-US')} population rows ` +
      `(${mb(lists.populationBytes)}) and ` +
      `${lists.enrolmentRows.toLocaleString('en-US')} enrolment rows (${mb(lists.enrolmentBytes)}) in ` +
      `${fmt(lists.seconds)} s ` +
      `(${perSecond(rows, lists.seconds)}), generator peak RSS ${mb(lists.peakRssBytes)}`,
  );
  const reasons = Object.entries(lists.expected.byReason)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(
    `${label}: expected in register on ` +
      `${AS_OF}: ${lists.expected.inRegister} ` +
      `(${fmt((100 * lists.expected.inRegister) / lists.populationRows, 1)} %; ${reasons}); ` +
      `registered elsewhere (rejected rows): ${lists.expected.otherMunicipality}; protected identity: ` +
      `${lists.expected.protectedIdentity}`,
  );
  console.log(
    `${label}: scenarios ${Object.entries(lists.scenarios)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
}

/** Creates the throw-away database and registers its removal; returns its URL and a function that drops it now. */
async function createBenchDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lotsa_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const drop = async () => {
    const at = cleanups.indexOf(drop);
    if (at >= 0) cleanups.splice(at, 1);
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name} with (force)`);
      console.log(`dropped database ${name}`);
    } finally {
      await client.end();
    }
  };
  cleanups.push(drop);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  console.log(`created database ${name} on ${url.host}`);
  return { url: url.toString(), drop };
}

/**
 * COPYs both files into unindexed all-text tables (in their own schema, dropped afterwards); returns the seconds spent
 * in COPY.
 */
async function copyBaseline(databaseUrl: string, lists: SyntheticListsResult): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('create schema bench_copy');
    const header = async (file: string) => (await readFirstLine(file)).split(',');
    let total = 0;
    for (const [table, file, rows] of [
      ['population', lists.populationPath, lists.populationRows],
      ['enrolments', lists.enrolmentsPath, lists.enrolmentRows],
    ] as const) {
      const columns = await header(file);
      await client.query(`create table bench_copy.${table} (${columns.map((c) => `${c} text`).join(', ')})`);
      const started = process.hrtime.bigint();
      const copy = client.query(copyFrom(`copy bench_copy.${table} from stdin with (format csv, header true)`));
      await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), copy);
      const s = seconds(started);
      total += s;
      if (copy.rowCount !== rows) throw new Error(`COPY ${table}: ${copy.rowCount} rows, expected ${rows}`);
      console.log(`COPY ${table}: ${rows.toLocaleString('en-US')} rows in ${fmt(s)} s (${perSecond(rows, s)})`);
    }
    await client.query('drop schema bench_copy cascade');
    return total;
  } finally {
    await client.end();
  }
}

async function readFirstLine(file: string): Promise<string> {
  const stream = createReadStream(file, { encoding: 'utf8', end: 4096 });
  let text = '';
  for await (const chunk of stream) text += chunk as string;
  return text.split('\n')[0]!.trim();
}

/** Runs `node bin/lotsa.js <args>` with `env`, timed, under /usr/bin/time for its peak RSS. */
async function runLotsa(name: string, args: string[], env: NodeJS.ProcessEnv, workDir: string): Promise<StepResult> {
  const rssFile = path.join(workDir, `rss-${randomBytes(4).toString('hex')}`);
  const lotsa = [process.execPath, path.join(ROOT, 'bin', 'lotsa.js'), ...args];
  const useTime = existsSync(TIME_BIN);
  const [command, ...commandArgs] = useTime ? [TIME_BIN, '-f', '%M', '-o', rssFile, ...lotsa] : lotsa;
  const started = process.hrtime.bigint();
  const child = spawn(command!, commandArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running = child;
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  running = null;
  const s = seconds(started);
  const peakRssKb = useTime
    ? Number((await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').pop()) || null
    : null;
  if (code !== 0) {
    const tail = (stderr || stdout).trim().split('\n').slice(-15).join('\n');
    throw new Error(`${name} exited with ${code} after ${fmt(s)} s:\n${tail}`);
  }
  return { name, seconds: s, peakRssKb, json: parseJson(stdout) };
}

/** The JSON a command printed: the whole output, or else its last line that parses. */
function parseJson(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    for (const line of stdout.trim().split('\n').reverse()) {
      try {
        return JSON.parse(line);
      } catch {
        // not this line
      }
    }
  }
  return null;
}

/** The counts in a JSON value (numbers, booleans, status texts, array lengths), as `path=value`. */
function counts(value: unknown, prefix = '', out: string[] = []): string[] {
  const key = prefix.split('.').pop() ?? '';
  if (typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && STATUS_KEYS.has(key))) {
    out.push(`${prefix}=${value}`);
  } else if (Array.isArray(value)) {
    if (value.some((v) => v && typeof v === 'object') || value.length > 10) out.push(`${prefix}=${value.length}`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) counts(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}
const STATUS_KEYS = new Set(['status', 'failure', 'kind']);

/** The first `inRegister` number anywhere in a JSON value. */
function findInRegister(value: unknown): number | null {
  if (!value || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'inRegister' && typeof v === 'number') return v;
    const found = findInRegister(v);
    if (found !== null) return found;
  }
  return null;
}

/** Runs the three Lotsa steps and prints each; returns their results. */
async function lotsaPath(
  label: string,
  lists: SyntheticListsResult,
  env: NodeJS.ProcessEnv,
  workDir: string,
): Promise<StepResult[]> {
  const steps: [string, string[], number, string][] = [
    [
      'import population',
      ['import', 'population', lists.populationPath, '--municipality', MUNICIPALITY.code, '--json'],
      lists.populationRows,
      'rows',
    ],
    ['import enrolments', ['import', 'enrolments', lists.enrolmentsPath, '--json'], lists.enrolmentRows, 'rows'],
    [
      'register reconcile',
      ['register', 'reconcile', '--as-of', AS_OF, '--apply', '--json'],
      lists.populationRows - lists.expected.otherMunicipality,
      'persons',
    ],
  ];
  // bin/lotsa.js bundles the sources once after they change; that build is not part of a command's cost.
  const warm = await runLotsa('warm-up', ['--help'], env, workDir);
  console.log(
    `${label} warm-up (lotsa --help, builds the command's bundle if the sources changed; not in the total): ` +
      `${fmt(warm.seconds)} s`,
  );
  const results: StepResult[] = [];
  for (const [name, args, rows, unit] of steps) {
    const result = await runLotsa(name, args, env, workDir);
    results.push(result);
    const rss = result.peakRssKb ? `, peak RSS ${mb(result.peakRssKb * 1024)}` : '';
    console.log(`${label} ${name}: ${fmt(result.seconds)} s (${perSecond(rows, result.seconds, unit)}${rss})`);
    console.log(`  ${result.json === null ? '(no JSON on stdout)' : counts(result.json).join(' ')}`);
  }
  const inRegister = findInRegister(results[2]?.json);
  const verdict =
    inRegister === null
      ? 'not found in the output'
      : inRegister === lists.expected.inRegister
        ? 'as expected'
        : `EXPECTED ${lists.expected.inRegister}`;
  console.log(`${label} inRegister=${inRegister ?? '?'} (${verdict})`);
  // What every step pays before it does any work: starting node, connecting, checking migrations.
  const idle = await runLotsa('migrate', ['migrate'], env, workDir);
  console.log(
    `${label} start-up cost per step (lotsa migrate with nothing to do, not in the total): ${fmt(idle.seconds)} s`,
  );
  return results;
}

/** Environment for a Lotsa child process: the given database settings and nothing inherited that picks another. */
function lotsaEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOTSA_MUNICIPALITY_CODE: MUNICIPALITY.code,
    LOTSA_MUNICIPALITY_NAME: MUNICIPALITY.name,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.LOTSA_DATA_DIR;
  return { ...env, ...settings };
}

async function main(): Promise<number> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const skipLotsa = flag('BENCH_SKIP_LOTSA');
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'lotsa-bench-'));
  if (!flag('BENCH_KEEP_FILES')) cleanups.push(() => rm(workDir, { recursive: true, force: true }));
  else console.log(`keeping files in ${workDir}`);
  const municipalities = loadMunicipalities(path.join(ROOT, 'reference', 'municipalities.csv'));
  console.log(`register benchmark: as of ${AS_OF}, municipality ${MUNICIPALITY.code}, files in ${workDir}`);
  console.log(
    `target: total (three Lotsa steps on PostgreSQL) <= ${TARGET_TOTAL_S} s; the ratio to COPY ` +
      `and the floor are printed for comparison`,
  );

  // National scale on PostgreSQL.
  const national = await writeSyntheticLists({
    dir: workDir,
    ...NATIONAL,
    municipalityCode: MUNICIPALITY.code,
    municipalities,
    asOf: AS_OF,
  });
  checkInterrupted();
  printLists('national', national);
  const { url: databaseUrl, drop: dropDatabase } = await createBenchDatabase(serverUrl);
  const copyS = await copyBaseline(databaseUrl, national);
  checkInterrupted();
  console.log(
    `copy_s=${fmt(copyS)} (both files, ${perSecond(national.populationRows + national.enrolmentRows, copyS)})`,
  );

  let total: number | 'skipped' | 'failed' = 'skipped';
  let floor: Floor | null = null;
  let failed = false;
  if (skipLotsa) {
    console.log('BENCH_SKIP_LOTSA=1: Lotsa steps skipped');
  } else {
    try {
      const steps = await lotsaPath('postgresql', national, lotsaEnv({ DATABASE_URL: databaseUrl }), workDir);
      total = steps.reduce((sum, s) => sum + s.seconds, 0);
      checkInterrupted();
      floor = await databaseFloor(databaseUrl, {
        population: national.populationPath,
        enrolments: national.enrolmentsPath,
      });
      console.log(
        `postgresql floor (the database work alone, bench/database-floor.ts): load ${fmt(floor.load)} s, ` +
          `key ${fmt(floor.key)} s, read ${fmt(floor.read)} s, ` +
          `write the entrants ${fmt(floor.write)} s; ${fmt(floor.total)} s in all, ` +
          `${fmt(floor.total / copyS)} x copy_s`,
      );
    } catch (err) {
      console.error(`postgresql: ${(err as Error).message}`);
      total = 'failed';
      failed = true;
    }
  }
  checkInterrupted();
  await dropDatabase(); // before the PGlite run, so it does not compete for the disk

  // A 25,000-person municipality on embedded PGlite.
  if (!skipLotsa && !flag('BENCH_SKIP_PGLITE')) {
    const smallDir = await mkdtemp(path.join(workDir, 'pglite-'));
    const small = await writeSyntheticLists({
      dir: smallDir,
      ...SMALL,
      municipalityCode: MUNICIPALITY.code,
      municipalities,
      asOf: AS_OF,
      seed: 25_000,
    });
    printLists('pglite', small);
    try {
      const steps = await lotsaPath(
        'pglite',
        small,
        lotsaEnv({ LOTSA_DATA_DIR: path.join(smallDir, 'data') }),
        workDir,
      );
      console.log(
        `pglite total_s=${fmt(steps.reduce((sum, s) => sum + s.seconds, 0))} ` +
          `(${SMALL.persons.toLocaleString('en-US')} persons; no COPY baseline)`,
      );
    } catch (err) {
      console.error(`pglite: ${(err as Error).message}`);
      failed = true;
    }
  }
  checkInterrupted();

  if (typeof total === 'number') {
    console.log(
      `target total <= ${TARGET_TOTAL_S} s: ${total <= TARGET_TOTAL_S ? 'met' : 'not met'} (${fmt(total)} s)`,
    );
    if (floor)
      console.log(
        `the database work alone takes ${fmt(floor.total / copyS)} x copy_s; Lotsa's three steps ` +
          `${fmt(total / copyS)} x copy_s, ${fmt(total / floor.total)} x the floor`,
      );
  }
  await cleanUp();
  const totalText = typeof total === 'number' ? fmt(total) : total;
  const ratioText = typeof total === 'number' ? fmt(total / copyS) : total;
  console.log(`total_s=${totalText} copy_s=${fmt(copyS)} ratio_to_copy=${ratioText}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(interrupted ? (err as Error).message : err);
    await cleanUp();
    process.exit(interrupted ? 130 : 1);
  },
);
