/** What a use case needs from a request: the database, who acts, and from where. */
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Actor } from '../access/access.js';
import type { Clock } from '../clock.js';
import { recordAudit, type AuditEvent } from '../audit/audit.js';
import type { Db } from '../db/connection.js';
import type { Database } from '../db/types.js';
import { actorOf } from './auth-hook.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    clock: Clock;
  }
}

/** A signed-in request's context: the database, who acts, from where, and the app's clock. */
export type RequestContext = { db: Db; actor: Actor; ip: string | null; clock: Clock };

/** The context of a signed-in request; throws 401 without a session. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { db: request.server.db, actor: actorOf(request), ip: request.ip ?? null, clock: request.server.clock };
}

/** A transaction that can append to the audit log on behalf of the context's actor. */
export type AuditedTransaction = { trx: Transaction<Database>; audit: (...events: AuditEvent[]) => Promise<void> };

/** Runs `work` in one transaction; audit entries it records commit or roll back with it. */
export function audited<T>(ctx: RequestContext, work: (t: AuditedTransaction) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute((trx) =>
    work({ trx, audit: (...events) => recordAudit(trx, { id: ctx.actor.id, municipalityId: ctx.actor.municipalityId, ip: ctx.ip }, events, { at: ctx.clock.now() }) }),
  );
}
