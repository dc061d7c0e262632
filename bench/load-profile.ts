/**
 * Where a request's time goes (issue 13): each kind of the load benchmark's work, sent one at a time
 * through Lotsa's app in this process (app.inject, no network) on a database the load benchmark kept,
 * with every SQL statement the request runs counted and timed (Kysely's query log).
 *
 *   BENCH_KEEP_DATABASE=1 BENCH_PROCESSES= npm run bench:load      (builds the data set and keeps it)
 *   BENCH_REUSE_DATABASE=<name> npx tsx bench/load-profile.ts
 *
 * For each role and kind it prints the median wall time of a request, its statements, and the
 * time they took in the database; then each kind's slowest statements; with BENCH_EXPLAIN=1 the
 * EXPLAIN (ANALYZE, BUFFERS) of each kind's slowest read statement. BENCH_REPEAT (default 15) sets
 * the requests per kind. Statement times include the round trip to the server. Nothing is dropped;
 * the notes and attempts it writes stay in the kept database.
 */
import type { LogEvent } from 'kysely';
import { appOnKeptDatabase } from './kept-app.js';
import { BENCH_PASSWORD, benchStaff } from './load-data.js';
import { KINDS, type Kind, probeSession, requestFor } from './load-session.js';

const env = process.env;
const REPEAT = Number(env.BENCH_REPEAT ?? 15);
const ROLES = (env.BENCH_ROLES ?? 'coordinator,youth_coach,team_member').split(',');

type Statement = { sql: string; parameters: readonly unknown[]; ms: number };
let current: Statement[] | null = null;
const log = (event: LogEvent) => {
  if (event.level === 'query')
    current?.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

async function main() {
  const { app, pool, handle } = await appOnKeptDatabase(log, env.BENCH_LOG_LEVEL);
  const base = 'http://profile.invalid';
  // probeSession speaks fetch; answer it from the app without a socket.
  const inject = async (input: string | URL | Request, init?: RequestInit) => {
    const u = new URL(String(input));
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: u.pathname + u.search,
      headers: init?.headers as Record<string, string>,
      payload: init?.body as string | undefined,
    });
    if (res.statusCode >= 400) console.log(`  (probe ${u.pathname}: ${res.statusCode} ${res.payload.slice(0, 200)})`);
    return new Response(res.statusCode === 204 ? null : res.payload, { status: res.statusCode });
  };
  globalThis.fetch = inject as typeof fetch;

  const slowest = new Map<Kind, Statement[]>();
  const staff = benchStaff(Number(env.BENCH_STAFF ?? 300));
  console.log(`Profile of ${env.BENCH_REUSE_DATABASE}, ${REPEAT} requests per kind and role (medians):`);
  console.log('role         kind              status  wall ms  statements  db ms');
  for (const role of ROLES) {
    const member = staff.find((s) => s.role === role)!;
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.email, password: BENCH_PASSWORD },
    });
    const cookie = `lotsa_session=${signIn.cookies.find((c) => c.name === 'lotsa_session')!.value}`;
    const { csrfToken } = signIn.json<{ csrfToken: string }>();
    const session = await probeSession(base, { email: member.email, role, cookie, csrf: csrfToken });
    for (const kind of KINDS.filter((k) => session.kinds.includes(k))) {
      const walls: number[] = [];
      const counts: number[] = [];
      const dbs: number[] = [];
      const statuses = new Set<number>();
      for (let i = 0; i < REPEAT; i++) {
        const spec = requestFor(session, kind);
        const setup = spec.setupRequest as ((r: typeof spec, context: object) => typeof spec) | undefined;
        const req = setup ? setup(spec, {}) : spec;
        current = [];
        const t0 = performance.now();
        const res = await app.inject({
          method: req.method as 'GET',
          url: req.path!,
          headers: req.headers as Record<string, string>,
          payload: req.body as string | undefined,
        });
        walls.push(performance.now() - t0);
        statuses.add(res.statusCode);
        counts.push(current.length);
        dbs.push(current.reduce((a, s) => a + s.ms, 0));
        const all = [...(slowest.get(kind) ?? []), ...current].sort((a, b) => b.ms - a.ms);
        slowest.set(kind, all.slice(0, 40));
        current = null;
      }
      console.log(
        `${role.padEnd(12)} ${kind.padEnd(16)} ${[...statuses].join('/').padStart(7)} ${median(walls)
          .toFixed(1)
          .padStart(8)} ${String(median(counts)).padStart(11)} ${median(dbs).toFixed(1).padStart(6)}`,
      );
    }
  }

  console.log('\nSlowest statements per kind (distinct texts, worst time seen):');
  for (const [kind, statements] of slowest) {
    const seen = new Set<string>();
    console.log(`\n${kind}:`);
    for (const s of statements) {
      const text = oneLine(s.sql);
      if (seen.has(text) || seen.size >= 4) continue;
      seen.add(text);
      console.log(`  ${s.ms.toFixed(1).padStart(7)} ms  ${text.slice(0, 220)}`);
    }
  }

  if (env.BENCH_EXPLAIN === '1') {
    for (const [kind, statements] of slowest) {
      const read = statements.find((s) => /^\s*(select|with)/i.test(s.sql));
      if (!read) continue;
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${read.sql}`,
        read.parameters as unknown[],
      );
      console.log(`\nEXPLAIN ANALYZE, ${kind} (${read.ms.toFixed(1)} ms when seen):`);
      for (const r of rows) console.log(`  ${r['QUERY PLAN']}`);
    }
  }
  await app.close();
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
