/**
 * What fills a young person's week and the teams' calendar in the demo: three weekly group activities
 * with enrolments and the last weeks' attendance, the teams' meeting series with a few meetings, and
 * the contact persons' additions to some weeks. Rows are written as the activities, team-meeting and
 * schedule use cases write them. Activities and meetings already there are kept; nothing is added twice.
 */
import type { Transaction } from 'kysely';
import { ATTENDANCE_CATEGORY, expandSessions, type AttendanceStatus, type Recurrence } from '../../core/activities.js';
import { todayInSweden } from '../../core/dates.js';
import { swedishHolidayOn } from '../../core/holidays.js';
import { daysOfWeek, isoWeekOf } from '../../core/iso-week.js';
import { addDays } from '../../core/outreach.js';
import type { Database } from '../db/types.js';

type DemoActivity = {
  title: string;
  kind: 'working_life' | 'study_room' | 'wellness';
  unit: string;
  place: string;
  capacity: number | null;
  slots: { weekday: 1 | 2 | 3 | 4 | 5; start: string; end: string }[];
};

const ACTIVITIES: DemoActivity[] = [
  {
    title: 'Jobbklubben',
    kind: 'working_life',
    unit: 'Arbetsmarknadsenheten',
    place: 'Arbetsmarknadsenheten, Storgatan 4',
    capacity: 15,
    slots: [
      { weekday: 1, start: '10:00', end: '12:00' },
      { weekday: 3, start: '10:00', end: '12:00' },
    ],
  },
  {
    title: 'Studiestugan',
    kind: 'study_room',
    unit: 'Utbildningsförvaltningen',
    place: 'Ungdomstorget, studierummet',
    capacity: 12,
    slots: [
      { weekday: 2, start: '13:00', end: '15:00' },
      { weekday: 4, start: '15:00', end: '17:00' },
    ],
  },
  {
    title: 'Må bra-gruppen',
    kind: 'wellness',
    unit: 'Utbildningsförvaltningen',
    place: 'Ungdomstorget, stora rummet',
    capacity: null,
    slots: [{ weekday: 5, start: '10:00', end: '11:30' }],
  },
];

/** Who took part, in turn: most come, some late, some away. */
const ATTENDANCE: AttendanceStatus[] = ['present', 'present', 'present', 'late', 'absent', 'present', 'excused'];

type Input = {
  today: Date;
  /** Case rows as demo.ts built them for the persons added in this run. */
  cases: { person_id: string; status: string; contact_person_id: string | null }[];
  coaches: string[];
  coordinator: string;
  /** The first team's meeting is led by the coordinator, the second's by the labour-market unit's coach. */
  teams: { id: string; leadId: string; weekday: number; time: string; place: string }[];
};

const isHoliday = (day: string) => swedishHolidayOn(day) !== null;

/** Adds activities, enrolments, attendance, meeting series and meetings, and schedule additions; a summary. */
export async function fillWeekDemo(trx: Transaction<Database>, municipalityId: string, input: Input) {
  // The day in Sweden: from midnight there to midnight UTC the UTC day is a day behind, and a meeting the demo
  // put on "tomorrow" was today's, which the team-meeting spec then could not create.
  const today = todayInSweden(input.today);
  const lines: string[] = [];

  // Group activities, started ten weeks ago and still running.
  const units = new Map(
    (await trx.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute()).map(
      (u) => [u.name, u.id],
    ),
  );
  const have = new Set(
    (await trx.selectFrom('activities').select('title').where('municipality_id', '=', municipalityId).execute()).map(
      (a) => a.title,
    ),
  );
  const startsOn = addDays(today, -70);
  const fresh = ACTIVITIES.filter((a) => !have.has(a.title));
  const created = fresh.length
    ? await trx
        .insertInto('activities')
        .values(
          fresh.map((a, k) => ({
            municipality_id: municipalityId,
            unit_id: units.get(a.unit) ?? null,
            title: a.title,
            kind: a.kind,
            leader_staff_ids: [input.coaches[k % input.coaches.length]!],
            guest_leaders: [],
            place: a.place,
            capacity: a.capacity,
            recurrence: JSON.stringify({ type: 'weekly', slots: a.slots } satisfies Recurrence),
            starts_on: startsOn,
            ends_on: null,
            created_by: input.coordinator,
          })),
        )
        .returning(['id', 'title'])
        .execute()
    : [];
  lines.push(`${created.length} activities`);

  // Every fourth young person in active work is enrolled in one of the new activities, with attendance since.
  const active = input.cases.filter((c) => c.status === 'active');
  const enrolments: Record<string, unknown>[] = [];
  const attendance: Record<string, unknown>[] = [];
  if (created.length) {
    active.forEach((c, j) => {
      if (j % 4 !== 0) return;
      const activity = created[(j / 4) % created.length]!;
      const spec = ACTIVITIES.find((a) => a.title === activity.title)!;
      const from = addDays(startsOn, 7 * (j % 5));
      enrolments.push({
        municipality_id: municipalityId,
        activity_id: activity.id,
        person_id: c.person_id,
        from_on: from,
        to_on: null,
        recorded_by: c.contact_person_id ?? input.coordinator,
      });
      const timing = { recurrence: { type: 'weekly' as const, slots: spec.slots }, startsOn, endsOn: null };
      const sessions = expandSessions(activity.id, timing, addDays(today, -21), addDays(today, -1), [], isHoliday);
      sessions
        .filter((s) => s.occursOn >= from)
        .forEach((s, k) =>
          attendance.push({
            municipality_id: municipalityId,
            activity_id: activity.id,
            occurs_on: s.occursOn,
            person_id: c.person_id,
            anonymous_key: null,
            status: ATTENDANCE[(j + k) % ATTENDANCE.length]!,
            category: ATTENDANCE_CATEGORY,
            recorded_by: input.coaches[0]!,
            recorded_at: new Date(`${s.occursOn}T${s.end}:00Z`),
          }),
        );
    });
  }
  for (let i = 0; i < enrolments.length; i += 500)
    await trx
      .insertInto('activity_enrolments')
      .values(enrolments.slice(i, i + 500) as never)
      .execute();
  for (let i = 0; i < attendance.length; i += 500)
    await trx
      .insertInto('attendance_entries')
      .values(attendance.slice(i, i + 500) as never)
      .execute();
  lines.push(`${enrolments.length} enrolments, ${attendance.length} attendance entries`);

  // The teams' meeting series, unless one is set; the last three meetings and the next, with attendance.
  let meetings = 0;
  for (const t of input.teams) {
    await trx
      .updateTable('teams')
      .set({ meeting_weekday: t.weekday, meeting_time: t.time, meeting_place: t.place, meeting_lead_id: t.leadId })
      .where('id', '=', t.id)
      .where('meeting_weekday', 'is', null)
      .execute();
    const held = await trx.selectFrom('team_meetings').select('id').where('team_id', '=', t.id).executeTakeFirst();
    if (held) continue;
    // Never today: a meeting of today is for whoever tries the app (one meeting a day per team).
    const thisWeek = daysOfWeek(isoWeekOf(today))[t.weekday - 1]!;
    const next = thisWeek > today ? thisWeek : addDays(thisWeek, 7);
    const last = addDays(next, -7) < today ? addDays(next, -7) : addDays(next, -14);
    const days = [last, addDays(last, -7), addDays(last, -14), next];
    const rows = await trx
      .insertInto('team_meetings')
      .values(
        days.map((day) => ({
          municipality_id: municipalityId,
          team_id: t.id,
          held_on: day,
          meeting_time: t.time,
          place: t.place,
          lead_id: t.leadId,
          created_by: t.leadId,
        })),
      )
      .returning(['id', 'held_on'])
      .execute();
    meetings += rows.length;
    const members = await trx.selectFrom('team_members').select('staff_id').where('team_id', '=', t.id).execute();
    const past = rows.filter((r) => String(r.held_on).slice(0, 10) < today);
    const attendees = past.flatMap((r, k) =>
      members
        .filter((_, n) => (n + k) % 5 !== 4)
        .map((mem) => ({ municipality_id: municipalityId, meeting_id: r.id, staff_id: mem.staff_id })),
    );
    if (attendees.length) await trx.insertInto('team_meeting_attendees').values(attendees).execute();
    const upcoming = rows.find((r) => String(r.held_on).slice(0, 10) >= today);
    if (upcoming)
      await trx
        .insertInto('team_meeting_items')
        .values({
          municipality_id: municipalityId,
          meeting_id: upcoming.id,
          person_id: null,
          kind: 'other',
          category: 'assessment_plan',
          text: 'Sommarens praktikplatser: vilka arbetsgivare har vi kontakt med?',
          added_by: t.leadId,
          added_at: new Date(`${addDays(today, -1)}T12:00:00Z`),
        })
        .execute();
  }
  lines.push(`${meetings} team meetings`);

  // The contact person's additions: a weekly training evening for some, a doctor's visit this week for others.
  const monday = daysOfWeek(isoWeekOf(today))[0]!;
  const additions = active.flatMap((c, j) => {
    const base = { municipality_id: municipalityId, person_id: c.person_id, created_by: c.contact_person_id };
    if (!c.contact_person_id) return [];
    if (j % 5 === 1)
      return [
        {
          ...base,
          on_date: addDays(monday, -14 + 2),
          weekly: true,
          until_date: null,
          start_time: '17:00',
          end_time: '18:30',
          title: 'Träning på gymmet',
          place: 'Sporthallen',
        },
      ];
    if (j % 5 === 2)
      return [
        {
          ...base,
          on_date: addDays(monday, 3),
          weekly: false,
          until_date: null,
          start_time: '10:00',
          end_time: '10:45',
          title: 'Besök på vårdcentralen',
          place: 'Vårdcentralen Centrum',
        },
      ];
    return [];
  });
  for (let i = 0; i < additions.length; i += 500)
    await trx
      .insertInto('schedule_additions')
      .values(additions.slice(i, i + 500))
      .execute();
  lines.push(`${additions.length} schedule additions`);
  return lines.join(', ');
}
