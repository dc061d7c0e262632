/**
 * Load benchmark (issue 13): Lotsa under the mixed work of many signed-in staff, on PostgreSQL.
 *
 *   npm run bench:load        (tsx bench/load.ts; BENCH_PERSONS=5000 BENCH_SECONDS=10 for a small check)
 *
 * Creates a throw-away database `lotsa_bench_load_<random>` on the server of BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/test), migrates it and writes the data set of
 * bench/load-data.ts (BENCH_PERSONS persons, default 100,000, with BENCH_EVENTS_PER_PERSON timeline
 * events each, default 20: 2,000,000; BENCH_STAFF staff, default 300). Then, for each count in
 * BENCH_PROCESSES (default "1,2"), it starts that many Lotsa processes (`node bin/lotsa.js start`) on
 * their own ports against the database, and drives them with autocannon for BENCH_SECONDS (default
 * 30) as BENCH_USERS (default 50) concurrent staff of mixed roles, each with their own session and
 * connection (spread over the processes): search by name and by identity number, the person page and
 * its timeline, a work queue, the start page figures, recording a contact attempt and adding a note.
 * It prints p50/p95/p99 and requests per second per kind, errors, and the database's lock waits and
 * the processes' connection-pool waits, one summary line per process count, and last the line
 * `reads_p95_ms=… writes_p95_ms=… rps=… errors=…` over all rounds (the worst p95s, the lowest rps,
 * all errors). The database is dropped at the end, also when a step fails, unless BENCH_KEEP_DATABASE=1;
 * BENCH_REUSE_DATABASE=<name> runs the rounds on such a kept database (of the same BENCH_STAFF) without
 * building it again, and BENCH_PROCESSES= (empty) only builds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { BENCH_MUNICIPALITY, BENCH_PASSWORD, benchStaff, buildLoadData, type BenchStaff } from './load-data.js';
import { probeSession, requestFor, type Kind, KINDS, type Session, WRITES } from './load-session.js';

const env = process.env;
const SERVER_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZE = {
  persons: Number(env.BENCH_PERSONS ?? 100_000),
  eventsPerPerson: Number(env.BENCH_EVENTS_PER_PERSON ?? 20),
  staff: Number(env.BENCH_STAFF ?? 300),
  teams: 20,
};
const USERS = Number(env.BENCH_USERS ?? 50);
const SECONDS = Number(env.BENCH_SECONDS ?? 30);
const PROCESSES = (env.BENCH_PROCESSES ?? '1,2').split(',').filter(Boolean).map(Number);
const KEEP = env.BENCH_KEEP_DATABASE === '1';
const REUSE = env.BENCH_REUSE_DATABASE;
const METRICS_TOKEN = randomBytes(24).toString('hex');
const repo = path.resolve(import.meta.dirname, '..');

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts `n` Lotsa processes on the database at `url`; resolves once each answers its health check. */
async function startServers(
  n: number,
  url: string,
  tmp: string,
): Promise<{ ports: number[]; children: ChildProcess[] }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(LOTSA_|DATABASE_|PORT$|HOST$|NODE_ENV$)/.test(k)),
  );
  const ports: number[] = [];
  const children: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(tmp, `process-${i}-`));
    const child = spawn(process.execPath, [path.join(repo, 'bin', 'lotsa.js'), 'start'], {
      cwd: dataDir,
      env: {
        ...clean,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOTSA_DATA_DIR: dataDir,
        LOTSA_MUNICIPALITY_CODE: BENCH_MUNICIPALITY.code,
        LOTSA_METRICS_TOKEN: METRICS_TOKEN,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d) => process.stderr.write(`[lotsa ${i + 1}] ${d}`));
    ports.push(port);
    children.push(child);
  }
  for (const port of ports) {
    for (let tries = 0; ; tries++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      if (res?.ok) break;
      if (tries > 240 || children.some((c) => c.exitCode !== null))
        throw new Error(`Lotsa on port ${port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return { ports, children };
}

async function stopServers(children: ChildProcess[]) {
  await Promise.all(
    children.map((child) =>
      child.exitCode !== null ? null : new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
    ),
  );
}

/**
 * Signs in `USERS` staff of mixed roles (coordinators, youth coaches, team members, managers) and learns
 * what each may do.
 */
async function signIn(staff: BenchStaff[], base: string): Promise<Session[]> {
  const mix = [
    'coordinator',
    'youth_coach',
    'youth_coach',
    'youth_coach',
    'youth_coach',
    'youth_coach',
    'team_member',
    'team_member',
    'coordinator',
    'manager',
  ];
  const byRole = new Map<string, BenchStaff[]>();
  for (const s of staff) byRole.set(s.role, [...(byRole.get(s.role) ?? []), s]);
  const sessions: Session[] = [];
  for (let i = 0; i < USERS; i++) {
    const role = mix[i % mix.length]!;
    const member = byRole.get(role)?.shift();
    if (!member) continue;
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: member.email, password: BENCH_PASSWORD }),
    });
    if (!res.ok) throw new Error(`Signing in ${member.email} failed: ${res.status} ${await res.text()}`);
    const cookie = /lotsa_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    sessions.push(await probeSession(base, { email: member.email, role, cookie, csrf: csrfToken }));
  }
  return sessions;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

type Round = { processes: number; readsP95: number; writesP95: number; rps: number; errors: number };

/** The benchmark's summary line of `round`. */
const summary = (round: Round) =>
  `reads_p95_ms=${round.readsP95} writes_p95_ms=${round.writesP95} rps=${round.rps} errors=${round.errors}`;

/** Drives the processes at `ports` with every session for SECONDS; prints the figures of the round. */
async function drive(sessions: Session[], ports: number[], db: pg.Pool): Promise<Round> {
  const latencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  const failed = new Map<Kind | 'transport', number>();
  const statuses = new Map<string, number>();
  const waits = { lockMax: 0, lockSum: 0, poolMax: 0, poolSum: 0, samples: 0 };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      );
      let pool = 0;
      for (const port of ports) {
        const text = await fetch(`http://127.0.0.1:${port}/metrics`, {
          headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        })
          .then((r) => r.text())
          .catch(() => '');
        pool += Number(/^lotsa_db_connections\{state="waiting"\} (\d+)/m.exec(text)?.[1] ?? 0);
      }
      waits.lockMax = Math.max(waits.lockMax, rows[0]!.n);
      waits.lockSum += rows[0]!.n;
      waits.poolMax = Math.max(waits.poolMax, pool);
      waits.poolSum += pool;
      waits.samples++;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const started = Date.now();
  const runs = sessions.map((session, i) => {
    // Each starts at another place in the round, so a short run still has the whole mix.
    const start = i % session.kinds.length;
    const kinds = [...session.kinds.slice(start), ...session.kinds.slice(0, start)];
    const requests = kinds.map((kind) => ({ ...requestFor(session, kind), kind }));
    const instance = autocannon({
      url: `http://127.0.0.1:${ports[i % ports.length]}`,
      connections: 1,
      duration: SECONDS,
      timeout: 10,
      requests,
    }) as unknown as EventEmitter & Promise<autocannon.Result>;
    instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      const kind = (client as { requestIterator: { currentRequest: { kind: Kind } } }).requestIterator.currentRequest
        .kind;
      latencies.get(kind)!.push(responseTime);
      if (statusCode >= 400) {
        failed.set(kind, (failed.get(kind) ?? 0) + 1);
        statuses.set(`${kind} ${statusCode}`, (statuses.get(`${kind} ${statusCode}`) ?? 0) + 1);
      }
    });
    instance.on('reqError', () => failed.set('transport', (failed.get('transport') ?? 0) + 1));
    return instance;
  });
  await Promise.all(runs);
  const elapsed = (Date.now() - started) / 1000;
  sampling = false;
  await sampler;

  console.log(
    `\n${ports.length} process${ports.length > 1 ? 'es' : ''}, ${sessions.length} staff, ${elapsed.toFixed(0)} s`,
  );
  console.log('kind              requests   rps   p50 ms   p95 ms   p99 ms  errors');
  for (const kind of KINDS) {
    const sorted = latencies.get(kind)!.sort((a, b) => a - b);
    if (!sorted.length) continue;
    const cols = [
      sorted.length,
      (sorted.length / elapsed).toFixed(1),
      percentile(sorted, 50),
      percentile(sorted, 95),
      percentile(sorted, 99),
    ].map((v) => String(typeof v === 'number' ? Math.round(v) : v));
    console.log(
      `${kind.padEnd(16)} ${cols[0]!.padStart(9)} ${cols[1]!.padStart(5)} ${cols
        .slice(2)
        .map((c) => c.padStart(8))
        .join(' ')} ${String(failed.get(kind) ?? 0).padStart(7)}`,
    );
  }
  const of = (kinds: readonly Kind[]) => kinds.flatMap((k) => latencies.get(k)!).sort((a, b) => a - b);
  const reads = of(KINDS.filter((k) => !WRITES.includes(k)));
  const writes = of(WRITES);
  const errors = [...failed.values()].reduce((a, b) => a + b, 0);
  // A request that times out (10 s) or loses its connection is a transport error, with no status.
  const byStatus = [...statuses].map(([k, n]) => `${k}: ${n}`);
  if (failed.get('transport')) byStatus.push(`transport (timeout or connection): ${failed.get('transport')}`);
  if (byStatus.length) console.log(`errors by kind and status: ${byStatus.join(', ')}`);
  const samples = Math.max(1, waits.samples);
  console.log(
    `database lock waits: mean ${(waits.lockSum / samples).toFixed(1)}, max ${waits.lockMax}; ` +
      `connection-pool waits: mean ${(waits.poolSum / samples).toFixed(1)}, max ${waits.poolMax} (sampled every 0.5 s)`,
  );
  const round = {
    processes: ports.length,
    readsP95: Math.round(percentile(reads, 95)),
    writesP95: Math.round(percentile(writes, 95)),
    rps: Math.round((reads.length + writes.length) / elapsed),
    errors,
  };
  console.log(`processes=${round.processes} ${summary(round)}`);
  return round;
}

async function main() {
  const name = REUSE ?? `lotsa_bench_load_${randomBytes(6).toString('hex')}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`BENCH_REUSE_DATABASE must be a plain database name: ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-load-'));
  console.log(
    `Load benchmark: ${SIZE.persons} persons, ${SIZE.persons * SIZE.eventsPerPerson} events, ${SIZE.staff} staff; ` +
      `${USERS} users for ${SECONDS} s with ${PROCESSES.join(' and ')} process(es); database ${name}`,
  );
  if (!REUSE) await admin(`create database ${name}`);
  const handle = await openDatabase({ url: url.toString(), poolSize: 4 });
  const watcher = new pg.Pool({ connectionString: url.toString(), max: 1 });
  let children: ChildProcess[] = [];
  try {
    let staff = benchStaff(SIZE.staff);
    if (!REUSE) {
      await migrateToLatest(handle.db);
      const t0 = Date.now();
      staff = await buildLoadData(handle.db, SIZE, (line) => console.log(line));
      console.log(`Data set written in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
    }
    let sessions: Session[] | null = null;
    const rounds: Round[] = [];
    for (const n of PROCESSES) {
      const servers = await startServers(n, url.toString(), tmp);
      children = servers.children;
      sessions ??= await signIn(staff, `http://127.0.0.1:${servers.ports[0]}`);
      if (rounds.length === 0) {
        const roles = new Map<string, number>();
        for (const s of sessions) roles.set(s.role, (roles.get(s.role) ?? 0) + 1);
        console.log(
          `Signed in: ${[...roles].map(([role, k]) => `${k} ${role}`).join(', ')}. ` +
            'What each role does here (what Lotsa let it do):',
        );
        for (const role of roles.keys())
          console.log(`  ${role}: ${sessions.find((s) => s.role === role)!.kinds.join(' ')}`);
      }
      rounds.push(await drive(sessions, servers.ports, watcher));
      await stopServers(children);
      children = [];
    }
    const worst = (f: (r: Round) => number) => Math.max(...rounds.map(f));
    const overall = {
      processes: 0,
      readsP95: worst((r) => r.readsP95),
      writesP95: worst((r) => r.writesP95),
      rps: Math.min(...rounds.map((r) => r.rps)),
      errors: rounds.reduce((a, r) => a + r.errors, 0),
    };
    if (rounds.length) console.log(summary(overall));
  } finally {
    await stopServers(children);
    await watcher.end();
    await handle.close();
    if (KEEP || REUSE) console.log(`Database ${name} kept (BENCH_REUSE_DATABASE=${name} to run on it again).`);
    else await admin(`drop database if exists ${name} with (force)`);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
