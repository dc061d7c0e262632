/**
 * Applications to the team: who referred the young person, signed by them, and the team meeting's
 * decision. Accepting puts the case in the team. Applications are assessment-and-plan information:
 * listed only for persons whose assessment and plan the actor may see.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  FINAL_APPLICATION_STATUSES,
  type Application,
  type applicationBody,
  type applicationListQuery,
  type applicationUpdateBody,
  type APPLICATION_STATUSES,
} from '../../../core/consent-schemas.js';
import type { Paged } from '../../../core/schemas.js';
import { categoryVisibleTo, personManagedBy, requireCapability, type Actor } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import { readBasis } from '../../audit/basis.js';
import { audited, denied, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { selectVisiblePerson } from '../consents/consents.queries.js';
import { eventRow } from '../../db/events.js';

type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const DECISIONS = ['accepted', 'waiting_list', 'declined'];

const base = (db: Db) =>
  db
    .selectFrom('applications')
    .innerJoin('persons', 'persons.id', 'applications.person_id')
    .innerJoin('teams', 'teams.id', 'applications.team_id')
    .leftJoin('staff', 'staff.id', 'applications.decided_by')
    .select([
      'applications.id',
      'applications.person_id',
      'persons.given_name',
      'persons.family_name',
      'teams.id as team_id',
      'teams.name as team_name',
      'applications.referrer',
      'applications.signed_on',
      'applications.status',
      'applications.decision_note',
      'staff.name as decided_by',
      'applications.decided_at',
      'applications.created_at',
      'applications.version',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
const present = (r: Row): Application => ({
  id: r.id,
  person: { id: r.person_id, name: `${r.given_name} ${r.family_name}` },
  team: { id: r.team_id, name: r.team_name },
  referrer: r.referrer,
  signedOn: r.signed_on,
  status: r.status,
  decisionNote: r.decision_note,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

/** Applications the actor may see: those of persons whose assessment and plan they may see. */
const visible = (db: Db, actor: Actor) =>
  base(db)
    .where('applications.municipality_id', '=', actor.municipalityId)
    .where(categoryVisibleTo(actor, 'assessment_plan'));

/** Registers an application for a person the actor works on. The same application sent twice is registered once. */
export async function receiveApplication(
  ctx: RequestContext,
  personId: string,
  input: z.infer<typeof applicationBody>,
): Promise<{ id: string }> {
  requireCapability(ctx.actor, 'applications.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await trx
      .selectFrom('persons')
      .select(['persons.id', 'persons.municipality_id'])
      .where('persons.id', '=', personId)
      .where(personManagedBy(ctx.actor))
      .executeTakeFirst();
    if (!person) throw denied(personId, 'application');
    const team = await trx
      .selectFrom('teams')
      .select('id')
      .where('id', '=', input.teamId)
      .where('municipality_id', '=', person.municipality_id)
      .executeTakeFirst();
    if (!team) throw new AppError('validation_failed', [{ field: 'teamId', code: 'invalid' }]);
    await sql`select pg_advisory_xact_lock(hashtext(${`application:${personId}`}))`.execute(trx);
    const same = await trx
      .selectFrom('applications')
      .select('id')
      .where('person_id', '=', personId)
      .where('team_id', '=', team.id)
      .where('referrer', '=', input.referrer)
      .where('signed_on', '=', input.signedOn)
      .where('status', 'in', ['received', 'on_agenda'])
      .executeTakeFirst();
    if (same) return { id: same.id };
    const row = await trx
      .insertInto('applications')
      .values({
        municipality_id: person.municipality_id,
        person_id: personId,
        team_id: team.id,
        referrer: input.referrer,
        signed_on: input.signedOn,
        status: 'received',
        created_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('events')
      .values(
        eventRow(
          {
            municipality_id: person.municipality_id,
            person_id: personId,
            category: 'assessment_plan',
            actor_id: ctx.actor.id,
          },
          'application_received',
          { applicationId: row.id, referrer: input.referrer },
        ),
      )
      .execute();
    await audit({
      action: 'create',
      entity: 'application',
      entityId: row.id,
      personId,
      detail: { referrer: input.referrer, teamId: team.id },
    });
    return { id: row.id };
  });
}

/**
 * The team-meeting list, a page at a time: pending applications oldest signed first (the order the
 * page says), or decided ones latest decision first; each listed person audited.
 */
export async function listApplications(
  ctx: RequestContext,
  query: z.infer<typeof applicationListQuery>,
): Promise<Paged<Application>> {
  requireCapability(ctx.actor, 'applications.manage');
  return audited(ctx, async ({ trx, audit }) => {
    let q = visible(trx, ctx.actor).where(
      'applications.status',
      query.show === 'pending' ? 'not in' : 'in',
      FINAL_APPLICATION_STATUSES,
    );
    if (query.status) q = q.where('applications.status', '=', query.status);
    const { total } = await q
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow();
    q =
      query.show === 'pending'
        ? q.orderBy('applications.signed_on', 'asc').orderBy('applications.created_at', 'asc')
        : q.orderBy('applications.decided_at', 'desc');
    const rows = await q
      .orderBy('applications.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    await audit(
      ...rows.map((r) => ({
        action: 'list' as const,
        entity: 'application' as const,
        entityId: r.id,
        personId: r.person_id,
      })),
    );
    return { total, page: query.page, pageSize: query.pageSize, items: rows.map(present) };
  });
}

/** One person's applications. */
export async function personApplications(ctx: RequestContext, personId: string): Promise<Application[]> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectVisiblePerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'applications');
    const rows = await visible(trx, ctx.actor)
      .where('applications.person_id', '=', personId)
      .orderBy('applications.created_at', 'desc')
      .execute();
    await audit({ action: 'read', entity: 'applications', entityId: personId, personId, detail: readBasis(person) });
    return rows.map(present);
  });
}

/**
 * Moves an application to `input.status` at `input.version` (a stale version gives 409): a decision is
 * recorded with who and when and on the timeline, and accepting puts the person's open case in the
 * team. Shared by the applications page and the team meeting's decisions; the caller checks access.
 */
export async function moveApplication(
  trx: Db,
  actor: Actor,
  current: { person_id: string; team_id: string; team_name: string },
  input: { id: string; status: ApplicationStatus; decisionNote: string | null; version: number },
): Promise<void> {
  const decided = DECISIONS.includes(input.status);
  const updated = await trx
    .updateTable('applications')
    .set({
      status: input.status,
      decision_note: input.decisionNote,
      version: sql`version + 1`,
      ...(decided ? { decided_by: actor.id, decided_at: sql`now()` } : {}),
    })
    .where('id', '=', input.id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');
  const base = { municipality_id: actor.municipalityId, person_id: current.person_id, actor_id: actor.id };
  if (decided) {
    const payload = { applicationId: input.id, status: input.status };
    await trx
      .insertInto('events')
      .values(eventRow({ ...base, category: 'assessment_plan' }, 'application_decided', payload))
      .execute();
  }
  if (input.status === 'accepted') {
    const moved = await trx
      .updateTable('cases')
      .set({ team_id: current.team_id, version: sql`version + 1` })
      .where('person_id', '=', current.person_id)
      .where('closed_at', 'is', null)
      .where((eb) => eb('team_id', 'is distinct from', current.team_id))
      .returning('id')
      .executeTakeFirst();
    if (moved) {
      const to = { id: current.team_id, name: current.team_name };
      await trx
        .insertInto('events')
        .values(eventRow({ ...base, case_id: moved.id }, 'team_changed', { to }))
        .execute();
    }
  }
}

/**
 * Moves an application on (agenda, decision); a decision is recorded with who and when, accepting puts the case in the
 * team.
 */
export async function updateApplication(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof applicationUpdateBody>,
): Promise<Application> {
  requireCapability(ctx.actor, 'applications.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const current = await base(trx)
      .where('applications.id', '=', id)
      .where('applications.municipality_id', '=', ctx.actor.municipalityId)
      .where(personManagedBy(ctx.actor))
      .executeTakeFirst();
    if (!current) throw new AppError('not_found');
    if (current.version !== input.version) throw new AppError('version_conflict');
    if (FINAL_APPLICATION_STATUSES.includes(current.status)) throw new AppError('application_decided');
    await moveApplication(trx, ctx.actor, current, { id, ...input });
    await audit({
      action: 'update',
      entity: 'application',
      entityId: id,
      personId: current.person_id,
      detail: { status: input.status },
    });
    return present((await base(trx).where('applications.id', '=', id).executeTakeFirstOrThrow()) as Row);
  });
}
