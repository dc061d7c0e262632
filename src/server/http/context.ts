/** What a use case needs from a request: the database, who acts, and from where. */
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Actor } from '../access/access.js';
import type { AuditEntity } from '../../core/audit-vocabulary.js';
import { AppError } from './app-error.js';
import type { Clock } from '../clock.js';
import { recordAudit, type AuditEvent } from '../audit/audit.js';
import type { Db } from '../db/connection.js';
import type { Database } from '../db/types.js';
import type { YoungPersonActor } from '../access/young-person.js';
import { actorOf, youngPersonOf } from './auth-hook.js';

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

/**
 * A read refused because the actor may not see the person: answered 404 as for no person. `audited`
 * records it as one `denied` entry when the person is of the actor's municipality (nothing otherwise).
 */
export class DeniedRead extends AppError {
  constructor(
    readonly personId: string,
    readonly what: AuditEntity,
  ) {
    super('not_found');
  }
}

/**
 * The error a per-person read or write throws when the actor may not reach the person (`what` is the entity
 * asked for).
 */
export function denied(personId: string, what: AuditEntity): DeniedRead {
  return new DeniedRead(personId, what);
}

/**
 * Runs `work` in one transaction; audit entries it records commit or roll back with it. A DeniedRead
 * thrown by `work` rolls the work back and is then recorded, in a transaction of its own, as `denied`.
 */
export async function audited<T>(ctx: RequestContext, work: (t: AuditedTransaction) => Promise<T>): Promise<T> {
  // Called by another use case inside its transaction (a team meeting's decision booking a measure): the work
  // joins that transaction and commits or fails with it; a refused read is recorded by the outer call.
  if (ctx.db.isTransaction) return work({ trx: ctx.db as AuditedTransaction['trx'], audit: auditIn(ctx, ctx.db) });
  const run = <R>(w: (t: AuditedTransaction) => Promise<R>) =>
    ctx.db.transaction().execute((trx) => w({ trx, audit: auditIn(ctx, trx) }));
  try {
    return await run(work);
  } catch (error) {
    if (error instanceof DeniedRead)
      await run(({ trx, audit }) => recordDenied(trx, audit, ctx.actor.municipalityId, error));
    throw error;
  }
}

/** Appends a use case's audit entries in its transaction, as the request's actor. */
function auditIn(ctx: RequestContext, trx: RequestContext['db']): AuditedTransaction['audit'] {
  return (...events) =>
    recordAudit(
      trx as AuditedTransaction['trx'],
      { id: ctx.actor.id, municipalityId: ctx.actor.municipalityId, ip: ctx.ip },
      events,
      { at: ctx.clock.now() },
    );
}

/**
 * Records a refused read of a person of the actor's municipality; one of another municipality, or no person,
 * leaves nothing.
 */
async function recordDenied(
  trx: AuditedTransaction['trx'],
  audit: AuditedTransaction['audit'],
  municipalityId: string,
  denied: DeniedRead,
): Promise<void> {
  const person = await trx
    .selectFrom('persons')
    .select('id')
    .where('id', '=', denied.personId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (person)
    await audit({ action: 'denied', entity: denied.what, entityId: denied.personId, personId: denied.personId });
}

/** A young person's request context (features/me): the database, the young person, from where, the clock. */
export type YoungPersonContext = { db: Db; actor: YoungPersonActor; ip: string | null; clock: Clock };

/** The context of a request with a young person's session; throws 401 without one. */
export function youngPersonContextOf(request: FastifyRequest): YoungPersonContext {
  return { db: request.server.db, actor: youngPersonOf(request), ip: request.ip ?? null, clock: request.server.clock };
}

/**
 * As `audited`, for a young person: one transaction whose audit entries commit with the work. The
 * young person is the entries' actor (their person id), and each entry's detail says so
 * (`actor: 'young_person'`), so the log tells their own reads and changes from staff's.
 */
export function auditedAsYoungPerson<T>(
  ctx: YoungPersonContext,
  work: (t: AuditedTransaction) => Promise<T>,
): Promise<T> {
  const who = { id: ctx.actor.personId, municipalityId: ctx.actor.municipalityId, ip: ctx.ip };
  return ctx.db.transaction().execute((trx) =>
    work({
      trx,
      audit: (...events) =>
        recordAudit(
          trx,
          who,
          events.map((e) => ({ ...e, detail: { ...e.detail, actor: 'young_person', method: ctx.actor.method } })),
          { at: ctx.clock.now() },
        ),
    }),
  );
}
