/**
 * Meetings and drop-in hours on a simple calendar per staff member and per centre. A meeting may
 * name a young person the booker may see; the calendar shows that person only to readers who may
 * see them, and never an address. An announced home visit needs two staff and a date far enough
 * ahead for its notice (a letter stating date and time) to go out the municipality's number of days before.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { addDays } from '../../../core/outreach.js';
import type { calendarQuery, centreBody, Centre, Meeting, meetingBody } from '../../../core/outreach-schemas.js';
import { CONTACT_PERSON_ROLES, personManagedBy, personVisibleTo, requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { loadOutreachSettings } from '../contact/outreach-settings.js';
import { todayInSweden } from '../../../core/dates.js';
import { eventRow } from '../../db/events.js';

/** The municipality's centres. */
export async function listCentres(ctx: RequestContext): Promise<Centre[]> {
  requireCapability(ctx.actor, 'calendar.use');
  return ctx.db
    .selectFrom('centres')
    .select(['id', 'name'])
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .orderBy('name')
    .execute();
}

/** A coordinator adds a centre; 409 when the name is taken. */
export async function createCentre(ctx: RequestContext, input: z.infer<typeof centreBody>): Promise<Centre> {
  requireCapability(ctx.actor, 'outreach.configure');
  try {
    return await ctx.db
      .insertInto('centres')
      .values({ municipality_id: ctx.actor.municipalityId, name: input.name })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('validation_failed', [{ field: 'name', code: 'invalid' }]);
    throw err;
  }
}

async function staffInMunicipality(ctx: RequestContext, db: RequestContext['db'], id: string, field: string) {
  const row = await db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('active', '=', true)
    .where('role', 'in', CONTACT_PERSON_ROLES)
    .executeTakeFirst();
  if (!row) throw new AppError('validation_failed', [{ field, code: 'invalid' }]);
  return row;
}

/** Books a meeting, drop-in hours or an announced home visit. */
export async function bookMeeting(ctx: RequestContext, input: z.infer<typeof meetingBody>): Promise<{ id: string }> {
  requireCapability(ctx.actor, 'calendar.use');
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt))
    throw new AppError('validation_failed', [{ field: 'endsAt', code: 'invalid' }]);
  if (input.kind === 'drop_in' && (input.personId || !input.centreId))
    throw new AppError('validation_failed', [{ field: input.personId ? 'personId' : 'centreId', code: 'invalid' }]);
  if (input.kind === 'home_visit') {
    if (!input.personId) throw new AppError('validation_failed', [{ field: 'personId', code: 'required' }]);
    if (!input.secondStaffId || input.secondStaffId === (input.staffId ?? ctx.actor.id))
      throw new AppError('two_staff_required', [{ field: 'secondStaffId', code: 'invalid' }]);
  }
  return audited(ctx, async ({ trx, audit }) => {
    const staff = await staffInMunicipality(ctx, trx, input.staffId ?? ctx.actor.id, 'staffId');
    const second = input.secondStaffId
      ? await staffInMunicipality(ctx, trx, input.secondStaffId, 'secondStaffId')
      : null;
    if (
      input.centreId &&
      !(await trx
        .selectFrom('centres')
        .select('id')
        .where('id', '=', input.centreId)
        .where('municipality_id', '=', ctx.actor.municipalityId)
        .executeTakeFirst())
    ) {
      throw new AppError('validation_failed', [{ field: 'centreId', code: 'invalid' }]);
    }
    if (
      input.personId &&
      !(await trx
        .selectFrom('persons')
        .select('persons.id')
        .where('persons.id', '=', input.personId)
        .where(personManagedBy(ctx.actor))
        .executeTakeFirst())
    )
      throw new AppError('not_found');
    let noticeDueOn: string | null = null;
    if (input.kind === 'home_visit') {
      const { settings } = await loadOutreachSettings(trx, ctx.actor.municipalityId);
      noticeDueOn = addDays(todayInSweden(new Date(input.startsAt)), -settings.homeVisitNoticeDays);
      if (noticeDueOn < todayInSweden(ctx.clock.now()))
        throw new AppError('notice_too_late', [{ field: 'startsAt', code: 'invalid' }]);
    }
    const meeting = await trx
      .insertInto('meetings')
      .values({
        municipality_id: ctx.actor.municipalityId,
        kind: input.kind,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        staff_id: staff.id,
        second_staff_id: second?.id ?? null,
        centre_id: input.centreId ?? null,
        person_id: input.personId ?? null,
        notice_due_on: noticeDueOn,
        created_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.personId) {
      await trx
        .insertInto('events')
        .values(
          eventRow(
            { municipality_id: ctx.actor.municipalityId, person_id: input.personId, actor_id: ctx.actor.id },
            'meeting_booked',
            { kind: input.kind, startsAt: input.startsAt, staff: [staff, ...(second ? [second] : [])] },
          ),
        )
        .execute();
    }
    await audit({
      action: 'create',
      entity: 'meeting',
      entityId: meeting.id,
      personId: input.personId ?? null,
      detail: { kind: input.kind },
    });
    return { id: meeting.id };
  });
}

/**
 * Cancels a meeting the actor booked or takes part in (coordinators: any in the municipality); 409 on a stale version.
 */
export async function cancelMeeting(ctx: RequestContext, id: string, version: number): Promise<void> {
  requireCapability(ctx.actor, 'calendar.use');
  await audited(ctx, async ({ trx, audit }) => {
    let q = trx
      .selectFrom('meetings')
      .select(['id', 'version', 'person_id'])
      .where('id', '=', id)
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .where('cancelled_at', 'is', null);
    if (ctx.actor.role !== 'coordinator')
      q = q.where((eb) =>
        eb.or([
          eb('staff_id', '=', ctx.actor.id),
          eb('second_staff_id', '=', ctx.actor.id),
          eb('created_by', '=', ctx.actor.id),
        ]),
      );
    const meeting = await q.executeTakeFirst();
    if (!meeting) throw new AppError('not_found');
    const done = await trx
      .updateTable('meetings')
      .set({ cancelled_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (done.numUpdatedRows === 0n) throw new AppError('version_conflict');
    await audit({
      action: 'update',
      entity: 'meeting',
      entityId: id,
      personId: meeting.person_id,
      detail: { cancelled: true },
    });
  });
}

/** The meetings in a date range for a staff member (default: the reader) or a centre. */
export async function calendar(ctx: RequestContext, query: z.infer<typeof calendarQuery>): Promise<Meeting[]> {
  requireCapability(ctx.actor, 'calendar.use');
  return audited(ctx, async ({ trx, audit }) => {
    let q = trx
      .selectFrom('meetings')
      .innerJoin('staff as s1', 's1.id', 'meetings.staff_id')
      .leftJoin('staff as s2', 's2.id', 'meetings.second_staff_id')
      .leftJoin('centres', 'centres.id', 'meetings.centre_id')
      .leftJoin('persons', 'persons.id', 'meetings.person_id')
      .select([
        'meetings.id',
        'meetings.kind',
        'meetings.starts_at',
        'meetings.ends_at',
        'meetings.version',
        sql<string | null>`to_char(meetings.notice_due_on, 'YYYY-MM-DD')`.as('notice_due_on'),
        's1.id as staff_id',
        's1.name as staff_name',
        's2.id as second_id',
        's2.name as second_name',
        'centres.id as centre_id',
        'centres.name as centre_name',
        'persons.id as person_id',
        'persons.given_name',
        'persons.family_name',
      ])
      .select((eb) =>
        eb.and([eb('persons.id', 'is not', null), personVisibleTo(ctx.actor)(eb as never)]).as('person_visible'),
      )
      .where('meetings.municipality_id', '=', ctx.actor.municipalityId)
      .where('meetings.cancelled_at', 'is', null)
      .where('meetings.starts_at', '<', sql<Date>`(${addDays(query.to, 1)}::date)::timestamptz`)
      .where('meetings.ends_at', '>', sql<Date>`(${query.from}::date)::timestamptz`);
    if (query.centreId) q = q.where('meetings.centre_id', '=', query.centreId);
    else {
      const staffId = query.staffId ?? ctx.actor.id;
      q = q.where((eb) => eb.or([eb('meetings.staff_id', '=', staffId), eb('meetings.second_staff_id', '=', staffId)]));
    }
    const rows = await q.orderBy('meetings.starts_at').limit(1000).execute();
    const withPerson = rows.filter((r) => r.person_visible);
    await audit(
      ...withPerson.map((r) => ({
        action: 'list' as const,
        entity: 'meeting' as const,
        entityId: r.id,
        personId: r.person_id,
      })),
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      staff: { id: r.staff_id, name: r.staff_name },
      secondStaff: r.second_id ? { id: r.second_id, name: r.second_name! } : null,
      centre: r.centre_id ? { id: r.centre_id, name: r.centre_name! } : null,
      person:
        r.person_visible && r.person_id
          ? { id: r.person_id, givenName: r.given_name!, familyName: r.family_name! }
          : null,
      noticeDueOn: r.notice_due_on,
      version: r.version,
    }));
  });
}
