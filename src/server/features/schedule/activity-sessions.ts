/**
 * Group activities in a young person's week: the sessions of the activities the person is enrolled
 * in, on the days of their enrolment, expanded by core's rules (holidays skipped, changes applied)
 * from the activity's recurrence and its session changes. A cancelled session stays, marked; a moved
 * one shows on its new day, saying where it was planned. Drop-in activities without an enrolment
 * are not in anyone's week.
 */
import { expandSessions, type ClosedPeriod, type Recurrence, type SessionChange } from '../../../core/activities.js';
import { swedishHolidayOn } from '../../../core/holidays.js';
import type { ScheduleItem } from '../../../core/schedule-schemas.js';
import type { Db } from '../../db/connection.js';

const isHoliday = (day: string) => swedishHolidayOn(day) !== null;

/** The person's activity sessions from `first` to `last` (days in Sweden) as items of the week. */
export async function activitySessionItems(
  db: Db,
  personId: string,
  first: string,
  last: string,
): Promise<ScheduleItem[]> {
  const rows = await db
    .selectFrom('activity_enrolments')
    .innerJoin('activities', 'activities.id', 'activity_enrolments.activity_id')
    .select(['activities.id', 'activities.title', 'activities.kind', 'activities.place', 'activities.recurrence'])
    .select('activities.closed_periods')
    .select(['activities.starts_on', 'activities.ends_on', 'activity_enrolments.from_on', 'activity_enrolments.to_on'])
    .where('activity_enrolments.person_id', '=', personId)
    .where('activities.active', '=', true)
    .where('activity_enrolments.from_on', '<=', last)
    .where((eb) => eb.or([eb('activity_enrolments.to_on', 'is', null), eb('activity_enrolments.to_on', '>=', first)]))
    .execute();
  if (rows.length === 0) return [];
  const changeRows = await db
    .selectFrom('activity_session_changes')
    .selectAll()
    .where('activity_id', 'in', [...new Set(rows.map((r) => r.id))])
    .execute();
  const items: ScheduleItem[] = [];
  for (const r of rows) {
    const changes: SessionChange[] = changeRows
      .filter((c) => c.activity_id === r.id)
      .map((c) => ({
        occursOn: c.occurs_on,
        cancelled: c.cancelled,
        movedTo: c.moved_to ? { date: c.moved_to, start: c.moved_start!, end: c.moved_end! } : null,
        note: c.note,
      }));
    const timing = {
      recurrence: r.recurrence as Recurrence,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      closedPeriods: r.closed_periods as ClosedPeriod[],
    };
    for (const s of expandSessions(r.id, timing, first, last, changes, isHoliday)) {
      // The enrolment covers the session by the day it was planned for.
      if (s.occursOn < r.from_on || (r.to_on !== null && s.occursOn > r.to_on)) continue;
      items.push({
        id: `activity:${s.id}`,
        kind: 'activity',
        sourceId: r.id,
        day: s.date,
        start: s.start,
        end: s.end,
        title: r.title,
        detail: r.kind,
        place: r.place,
        staffName: null,
        status: s.cancelled ? 'cancelled' : s.moved ? 'moved' : 'planned',
        movedFrom: s.moved ? { day: s.occursOn, start: null, end: null } : null,
        removable: false,
      });
    }
  }
  return items;
}
