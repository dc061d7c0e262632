/**
 * One young person's week, built from its sources each time it is read: booked meetings (cancelled
 * ones shown as cancelled), measures with weekly hours (not on Swedish holidays), activity sessions
 * they are enrolled in, and the contact person's additions, with the week's holidays named. Nothing
 * is copied into a schedule, so a changed meeting, measure or session shows at once. Free of any
 * staff reader: the staff service narrows the categories and audits; the young person's own view
 * (issue 17) and the iCal feed call it for the person alone.
 */
import type { ConsentCategory } from '../../../core/consent.js';
import { daysOfWeek, formatIsoWeek, type IsoWeek } from '../../../core/iso-week.js';
import { addDays } from '../../../core/outreach.js';
import { swedishHolidayOn } from '../../../core/holidays.js';
import {
  additionDays,
  compareItems,
  measureOccurrences,
  swedishDayAndTime,
  type WeeklyHour,
} from '../../../core/schedule.js';
import type { ScheduleItem } from '../../../core/schedule-schemas.js';
import type { Db } from '../../db/connection.js';
import { activitySessionItems } from './activity-sessions.js';
import { selectAdditionsOfPerson, selectMeasuresOfPerson, selectMeetingsOfPerson } from './schedule.queries.js';

/** The category each source belongs to: meetings (and activities) are contact and occupation. */
const MEETING_CATEGORY: ConsentCategory = 'contact_occupation';

/** A person's week: its days, its items in order, and running measures that have no hours yet. */
export type PersonWeek = {
  personId: string;
  week: string;
  days: string[];
  holidays: { day: string; name: string }[];
  items: ScheduleItem[];
  measuresWithoutHours: { id: string; title: string }[];
};

const item = (
  fields: Partial<ScheduleItem> & Pick<ScheduleItem, 'id' | 'kind' | 'sourceId' | 'day'>,
): ScheduleItem => ({
  start: null,
  end: null,
  title: null,
  detail: null,
  place: null,
  staffName: null,
  status: 'planned',
  movedFrom: null,
  removable: false,
  ...fields,
});

type Placement = { employerName?: string; employerAddress?: string | null } | null;

/**
 * The person's week. `categories` limits the sources to what the reader may see (there is no default,
 * so no caller gets every category by forgetting it); the caller must already be allowed to read the person.
 */
export async function personWeek(
  db: Db,
  { personId, week, categories }: { personId: string; week: IsoWeek; categories: ConsentCategory[] },
): Promise<PersonWeek> {
  const days = daysOfWeek(week);
  const first = days[0]!;
  const last = days[6]!;
  const items: ScheduleItem[] = [];
  const measuresWithoutHours: PersonWeek['measuresWithoutHours'] = [];
  const holidays = days.flatMap((day) => {
    const name = swedishHolidayOn(day);
    return name ? [{ day, name }] : [];
  });
  const isHoliday = (day: string) => holidays.some((h) => h.day === day);

  if (categories.includes(MEETING_CATEGORY)) {
    for (const m of await selectMeetingsOfPerson(db, personId, first, addDays(last, 1))) {
      const start = swedishDayAndTime(m.starts_at);
      const end = swedishDayAndTime(m.ends_at);
      items.push(
        item({
          id: `meeting:${m.id}`,
          kind: 'meeting',
          sourceId: m.id,
          day: start.day,
          start: start.time,
          end: end.day === start.day ? end.time : null,
          detail: m.kind,
          place: m.centre_name,
          staffName: m.staff_name,
          status: m.cancelled_at ? 'cancelled' : 'planned',
        }),
      );
    }
    items.push(...(await activitySessionItems(db, personId, first, last)));
  }

  for (const m of await selectMeasuresOfPerson(db, personId, first, last, categories)) {
    const hours = (m.weekly_hours ?? []) as WeeklyHour[];
    const placement = m.placement as Placement;
    const place = placement?.employerName
      ? [placement.employerName, placement.employerAddress].filter(Boolean).join(', ')
      : m.location;
    const source = { startsOn: m.starts_on, plannedEndOn: m.planned_end_on, endedOn: m.ended_on, weeklyHours: hours };
    if (hours.length === 0) {
      if (!m.ended_on || m.ended_on >= first) measuresWithoutHours.push({ id: m.id, title: m.offer_name });
      continue;
    }
    for (const o of measureOccurrences(source, days, isHoliday)) {
      items.push(
        item({
          id: `measure:${m.id}:${o.day}:${o.start}`,
          kind: 'measure',
          sourceId: m.id,
          day: o.day,
          start: o.start,
          end: o.end,
          title: m.offer_name,
          detail: m.offer_kind,
          place: place ?? null,
        }),
      );
    }
  }

  for (const a of await selectAdditionsOfPerson(db, personId, first, last, categories)) {
    for (const day of additionDays({ onDate: a.on_date, weekly: a.weekly, untilDate: a.until_date }, days)) {
      items.push(
        item({
          id: `addition:${a.id}:${day}`,
          kind: 'addition',
          sourceId: a.id,
          day,
          start: a.start_time,
          end: a.end_time,
          title: a.title,
          place: a.place,
        }),
      );
    }
  }

  return { personId, week: formatIsoWeek(week), days, holidays, items: items.sort(compareItems), measuresWithoutHours };
}
