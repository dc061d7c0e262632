/**
 * Meetings and drop-in hours on a simple calendar per staff member and per centre. A meeting may
 * name a young person the booker may see; the calendar shows that person only to readers who may
 * see them, and never an address. An announced home visit needs two staff and a date far enough
 * ahead for its notice (a letter stating date and time) to go out the municipality's number of days before.
 */
import type { z } from 'zod';
import { addDays } from '../../../core/outreach.js';
import type { calendarQuery, centreBody, Centre, Meeting, meetingBody } from '../../../core/outreach-schemas.js';
import { requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { loadOutreachSettings } from '../contact/outreach-settings.js';
import { todayInSweden } from '../../../core/dates.js';
import { eventRow, insertEvents } from '../../db/events.js';
import { activeContactPersonOf } from '../staff/staff.queries.js';
import {
  cancellableMeeting,
  centresOf,
  insertCentre,
  insertMeeting,
  isCentreOf,
  isPersonManagedBy,
  markMeetingCancelled,
  meetingsBetween,
} from './calendar.queries.js';

/** The municipality's centres. */
export async function listCentres(ctx: RequestContext): Promise<Centre[]> {
  requireCapability(ctx.actor, 'calendar.use');
  return centresOf(ctx.db, ctx.actor.municipalityId);
}

/** A coordinator adds a centre; 409 when the name is taken. */
export async function createCentre(ctx: RequestContext, input: z.infer<typeof centreBody>): Promise<Centre> {
  requireCapability(ctx.actor, 'outreach.configure');
  try {
    return await insertCentre(ctx.db, ctx.actor.municipalityId, input.name);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('validation_failed', [{ field: 'name', code: 'invalid' }]);
    throw err;
  }
}

async function staffInMunicipality(ctx: RequestContext, db: RequestContext['db'], id: string, field: string) {
  const row = await activeContactPersonOf(db, ctx.actor.municipalityId, id);
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
    if (input.centreId && !(await isCentreOf(trx, ctx.actor.municipalityId, input.centreId)))
      throw new AppError('validation_failed', [{ field: 'centreId', code: 'invalid' }]);
    if (input.personId && !(await isPersonManagedBy(trx, ctx.actor, input.personId))) throw new AppError('not_found');
    let noticeDueOn: string | null = null;
    if (input.kind === 'home_visit') {
      const { settings } = await loadOutreachSettings(trx, ctx.actor.municipalityId);
      noticeDueOn = addDays(todayInSweden(new Date(input.startsAt)), -settings.homeVisitNoticeDays);
      if (noticeDueOn < todayInSweden(ctx.clock.now()))
        throw new AppError('notice_too_late', [{ field: 'startsAt', code: 'invalid' }]);
    }
    const meetingId = await insertMeeting(trx, {
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
    });
    if (input.personId)
      await insertEvents(
        trx,
        eventRow(
          { municipality_id: ctx.actor.municipalityId, person_id: input.personId, actor_id: ctx.actor.id },
          'meeting_booked',
          { kind: input.kind, startsAt: input.startsAt, staff: [staff, ...(second ? [second] : [])] },
        ),
      );
    await audit({
      action: 'create',
      entity: 'meeting',
      entityId: meetingId,
      personId: input.personId ?? null,
      detail: { kind: input.kind },
    });
    return { id: meetingId };
  });
}

/**
 * Cancels a meeting the actor booked or takes part in (coordinators: any in the municipality); 409 on a stale version.
 */
export async function cancelMeeting(ctx: RequestContext, id: string, version: number): Promise<void> {
  requireCapability(ctx.actor, 'calendar.use');
  await audited(ctx, async ({ trx, audit }) => {
    const meeting = await cancellableMeeting(trx, ctx.actor, id);
    if (!meeting) throw new AppError('not_found');
    if (!(await markMeetingCancelled(trx, id, version))) throw new AppError('version_conflict');
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
    const rows = await meetingsBetween(trx, ctx.actor, {
      from: query.from,
      to: query.to,
      centreId: query.centreId,
      staffId: query.staffId ?? ctx.actor.id,
    });
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
