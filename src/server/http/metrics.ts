/**
 * GET /metrics: Prometheus text format, for an operator's monitoring. Off (404) unless
 * LOTSA_METRICS_TOKEN is set; then only with `Authorization: Bearer <token>` (401 otherwise).
 * Requests are counted and timed per route pattern (/api/v1/persons/:id, never an id), and at
 * every scrape the job queue, the database connections and lock waits, and the audit log (entries
 * not yet sealed) are read; background failures are counted by task.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/connection.js';
import { pgliteUse } from '../db/pglite-dialect.js';
import { SEAL_BOUND_SECONDS, unsealedBacklog } from '../audit/seal.js';
import { failures } from '../jobs/queue.js';
import { jobQueueHealth } from '../jobs/queue-health.js';
import { backgroundFailures } from '../log.js';
import { sendProblem } from './errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when the request's bearer token is `token`, compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  // Digests have one length, so the comparison takes as long whatever was sent.
  return timingSafeEqual(digest(given), digest(token));
}

/** The metrics of one app, on its own registry (tests build many apps in one process). */
function createMetrics(database: DatabaseHandle) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lotsa_' });
  const requests = new Counter({
    name: 'lotsa_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'lotsa_http_request_duration_seconds',
    help: 'Time from receiving a request to answering it, by method and route pattern.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobs = new Gauge({
    name: 'lotsa_jobs',
    help: 'Background jobs in the queue table by status (finished ones until retention culls them).',
    labelNames: ['status'],
    registers: [registry],
  });
  const oldest = new Gauge({
    name: 'lotsa_job_queue_oldest_waiting_seconds',
    help: 'How long the oldest queued job has waited; 0 when none waits.',
    registers: [registry],
  });
  const stalled = new Gauge({
    name: 'lotsa_job_queue_stalled',
    help: '1 when a queued job has waited over 10 minutes with no job running (as GET /api/health jobs: stalled).',
    registers: [registry],
  });
  new Counter({
    name: 'lotsa_job_failures_total',
    help: 'Jobs that failed in this process since it started.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(failures.count);
    },
  });
  const pool = new Gauge({
    name: 'lotsa_db_connections',
    help:
      'Database connections by state: in_use, idle, ' +
      'and waiting (requests waiting for a connection). Embedded PGlite has one connection.',
    labelNames: ['state'],
    registers: [registry],
  });
  const poolMax = new Gauge({
    name: 'lotsa_db_connections_max',
    help: 'The most database connections this process opens.',
    registers: [registry],
  });
  const audit = new Gauge({ name: 'lotsa_audit_entries', help: 'Entries in the audit log.', registers: [registry] });
  const unsealed = new Gauge({
    name: 'lotsa_audit_unsealed_entries',
    help: 'Audit entries appended but not yet sealed into the hash chain (sealed within a second while Lotsa runs).',
    registers: [registry],
  });
  const unsealedAge = new Gauge({
    name: 'lotsa_audit_oldest_unsealed_seconds',
    help: `How long the oldest unsealed audit entry has waited; over ${SEAL_BOUND_SECONDS} s, audit verify fails.`,
    registers: [registry],
  });
  new Counter({
    name: 'lotsa_background_failures_total',
    help: 'Failures of background work in this process since it started, by task (each is logged with its error).',
    labelNames: ['task'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [task, count] of backgroundFailures) this.inc({ task }, count);
    },
  });
  const lockWaits = new Gauge({
    name: 'lotsa_db_lock_waits',
    help: "Sessions on Lotsa's database waiting for a lock (PostgreSQL; 0 on the embedded database).",
    registers: [registry],
  });
  const scrapeErrors = new Counter({
    name: 'lotsa_metrics_scrape_errors_total',
    help: 'Scrapes in which the database could not be read (its figures are then missing).',
    registers: [registry],
  });

  /** Reads what lives in the database and the connection pool; a failure is counted and logged, not hidden. */
  async function refresh(log: FastifyInstance['log']) {
    const { raw, db } = database;
    if (raw.kind === 'postgresql') {
      const { totalCount, idleCount, waitingCount, options } = raw.pool;
      pool.set({ state: 'in_use' }, totalCount - idleCount);
      pool.set({ state: 'idle' }, idleCount);
      pool.set({ state: 'waiting' }, waitingCount);
      poolMax.set(options.max ?? 10);
    } else {
      const use = pgliteUse(raw.pglite);
      pool.set({ state: 'in_use' }, use.inUse ? 1 : 0);
      pool.set({ state: 'idle' }, use.inUse ? 0 : 1);
      pool.set({ state: 'waiting' }, use.waiting);
      poolMax.set(1);
    }
    try {
      const byStatus = await db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy('status')
        .execute();
      jobs.reset();
      for (const status of ['queued', 'running', 'done', 'failed'])
        jobs.set({ status }, Number(byStatus.find((r) => r.status === status)?.n ?? 0));
      const queue = await jobQueueHealth(db);
      oldest.set((queue.oldestQueuedMinutes ?? 0) * 60);
      stalled.set(queue.state === 'stalled' ? 1 : 0);
      const { rows } = await sql<{ n: string }>`select count(*) as n from audit_log`.execute(db);
      audit.set(Number(rows[0]!.n));
      const backlog = await unsealedBacklog(db);
      unsealed.set(backlog.count);
      unsealedAge.set(backlog.oldestSeconds);
      if (raw.kind === 'postgresql') {
        const waits = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
        lockWaits.set(waits.rows[0]!.n);
      } else lockWaits.set(0);
    } catch (err) {
      scrapeErrors.inc();
      log.error({ err }, 'Metrics: the database could not be read');
    }
  }
  return { registry, requests, latency, refresh };
}

/** Counts requests and serves GET /metrics when `token` is set; without it /metrics is 404. */
export function installMetrics(app: FastifyInstance, database: DatabaseHandle, token: string | null): void {
  if (!token) {
    app.get('/metrics', { schema: { hide: true } }, (request, reply) => sendProblem(reply, request, 'not_found'));
    return;
  }
  const metrics = createMetrics(database);
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, never the raw URL: ids and search terms stay out of the labels.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer realm="lotsa-metrics"');
      return sendProblem(reply, request, 'not_authenticated');
    }
    await metrics.refresh(request.log);
    reply.header('cache-control', 'no-store');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
