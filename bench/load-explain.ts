/**
 * Shared buffers per statement of the list requests (issue 13): sends each request of LIST_REQUESTS through Lotsa's
 * app in this process, as the first staff member of each role, on a database the load benchmark kept, and runs
 * every read statement it made again under EXPLAIN (ANALYZE, BUFFERS), printing its shared buffers (hit and read)
 * and execution time. Buffers are the measure to compare before and after a change on a shared machine; times
 * are noisy.
 *
 *   BENCH_REUSE_DATABASE=<name> npx tsx bench/load-explain.ts
 *
 * BENCH_ROLES (default coordinator,youth_coach,team_member) picks the roles, BENCH_ONLY a substring of the
 * requests' paths; BENCH_PLANS=1 prints each plan too.
 */
import type { CompiledQuery, LogEvent } from 'kysely';
import { appOnKeptDatabase } from './kept-app.js';
import { BENCH_PASSWORD, benchStaff } from './load-data.js';

const env = process.env;
const ROLES = (env.BENCH_ROLES ?? 'coordinator,youth_coach,team_member').split(',');

/** The requests measured, for every role that may make them: lists without and with filters, queues, figures. */
const LIST_REQUESTS = [
  '/api/v1/persons',
  '/api/v1/persons?contactPerson=me&status=open',
  '/api/v1/persons?q=Lindqvist',
  '/api/v1/work-queues',
  '/api/v1/work-queues/verify-school',
  '/api/v1/figures',
];

type Plan = { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };

let captured: CompiledQuery[] | null = null;
const log = (event: LogEvent) => void (event.level === 'query' && captured?.push(event.query));
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

async function main() {
  const { app, pool, handle } = await appOnKeptDatabase(log);
  const staff = benchStaff(Number(env.BENCH_STAFF ?? 300));
  for (const role of ROLES) {
    const member = staff.find((s) => s.role === role)!;
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: member.email, password: BENCH_PASSWORD },
    });
    const cookie = `lotsa_session=${signIn.cookies.find((c) => c.name === 'lotsa_session')!.value}`;
    for (const request of LIST_REQUESTS.filter((r) => r.includes(env.BENCH_ONLY ?? ''))) {
      captured = [];
      const res = await app.inject({ method: 'GET', url: request, headers: { cookie } });
      const reads = captured.filter((q) => /^\s*(select|with)\b/i.test(q.sql) && !q.sql.includes('"sessions"'));
      captured = null;
      console.log(`\n${role} ${request}: ${res.statusCode}, ${reads.length} read statement(s)`);
      if (res.statusCode >= 400) continue;
      for (const q of reads) {
        const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: Plan; 'Execution Time': number }] }>(
          `explain (analyze, buffers, format json) ${q.sql}`,
          q.parameters as unknown[],
        );
        const { Plan: plan, 'Execution Time': ms } = rows[0]!['QUERY PLAN'][0];
        const buffers = plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
        console.log(
          `  ${String(buffers).padStart(8)} buffers ${ms.toFixed(1).padStart(8)} ms  ${oneLine(q.sql).slice(0, 150)}`,
        );
        if (env.BENCH_PLANS === '1') {
          const text = await pool.query<{ 'QUERY PLAN': string }>(
            `explain (analyze, buffers) ${q.sql}`,
            q.parameters as unknown[],
          );
          for (const r of text.rows) console.log(`      ${r['QUERY PLAN']}`);
        }
      }
    }
  }
  await app.close();
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
