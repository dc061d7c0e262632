import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMunicipality } from '../bootstrap.js';
import type { DatabaseHandle } from '../db/connection.js';
import { createTestDatabase } from '../testing/database.js';
import { contactPersonHasAccess } from '../access/access.js';
import { fillDemo } from './demo.js';
import { todayInSweden } from '../../core/dates.js';
import { OUTCOME_CODE_LIST, OUTCOME_CODES } from '../../core/outcomes.js';
import { addDays } from '../../core/outreach.js';
import { systemClock } from '../clock.js';
import type { RequestContext } from '../http/context.js';
import { followUpsDue } from '../features/outcomes/outcomes.queries.js';
import { outcomeReportFor } from '../features/reports/outcomes.service.js';
import { scbReturn } from '../features/reports/scb.service.js';
import { recentHalves } from '../../core/scb.js';
import { personSchedule } from '../features/schedule/schedule.service.js';

let handle: DatabaseHandle;
let m: string;
// The demo is the file's world, filled once: every test reads it, none changes it (a test that must write to a
// database, as the refusal of a real person does, makes a database of its own).
// Some 300 people with their histories: seconds on a quiet machine, over a minute on one busy with other work.
beforeAll(async () => {
  handle = await createTestDatabase();
  m = await ensureMunicipality(handle.db, { code: '1402', name: 'Partille kommun' });
  await fillDemo(handle.db, m);
}, 180_000);
afterAll(() => handle.close());

const counts = async () =>
  (
    await sql<Record<string, number>>`select
      (select count(*)::int from persons) as persons, (select count(*)::int from cases) as cases,
      (select count(*)::int from events) as events, (select count(*)::int from staff) as staff,
      (select count(*)::int from register_periods) as periods, (select count(*)::int from consents) as consents,
      (select count(*)::int from applications) as applications, (select count(*)::int from team_members) as members,
      (select count(*)::int from contact_attempts) as attempts, (select count(*)::int from next_steps) as next_steps,
      (select count(*)::int from meetings) as meetings, (select count(*)::int from message_templates) as templates,
      (select count(*)::int from activities) as activities, (select count(*)::int from activity_enrolments) as enrolled,
      (select count(*)::int from team_meetings) as team_meetings,
      (select count(*)::int from case_follow_ups) as follow_ups,
      (select count(*)::int from schedule_additions) as additions`.execute(handle.db)
  ).rows[0]!;

/** The demo's coordinator, as a request of theirs would carry them. */
async function coordinatorContext(): Promise<RequestContext> {
  const s = await handle.db
    .selectFrom('staff')
    .select(['id', 'name', 'unit_id'])
    .where('email', '=', 'samordnare@demo.lotsa.local')
    .executeTakeFirstOrThrow();
  const actor = { id: s.id, name: s.name, role: 'coordinator' as const, municipalityId: m, unitId: s.unit_id };
  return { db: handle.db, actor, ip: null, clock: systemClock };
}

describe('fillDemo', () => {
  it('builds about 300 young people at every stage, with staff in every role', async () => {
    const c = await counts();
    expect(c.persons).toBe(300);
    const statuses = await handle.db.selectFrom('cases').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['active', 'closed', 'contacting', 'new']);
    const roles = await handle.db.selectFrom('staff').select('role').distinct().execute();
    expect(roles).toHaveLength(6);
    expect(
      await handle.db.selectFrom('persons').select('id').where('protected_identity', '=', true).execute(),
    ).not.toHaveLength(0);
  });

  it('gives every demo staff member a realistic profession', async () => {
    const staff = await handle.db
      .selectFrom('staff')
      .select(['email', 'profession'])
      .where('municipality_id', '=', m)
      .where('email', 'like', '%@demo.lotsa.local')
      .execute();
    expect(staff.filter((s) => s.profession === null)).toEqual([]);
    expect(staff.find((s) => s.email === 'socialsekreterare@demo.lotsa.local')?.profession).toBe('social_worker');
  });

  it('shows outreach at every stage: attempts, people in queues, a template, meetings and a home visit', async () => {
    const c = await counts();
    expect(c.attempts).toBeGreaterThan(100);
    expect(c.templates).toBe(1);
    const outcomes = await handle.db.selectFrom('contact_attempts').select('outcome').distinct().execute();
    expect(outcomes.map((o) => o.outcome)).toEqual(expect.arrayContaining(['reached', 'no_answer']));
    const steps = await handle.db.selectFrom('next_steps').select('channel').distinct().execute();
    expect(steps.map((s) => s.channel)).toEqual(expect.arrayContaining([null, 'verify_school', 'known_elsewhere']));
    const kinds = await handle.db.selectFrom('meetings').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['drop_in', 'home_visit', 'meeting']);
    const unlinked = await sql<{
      n: number;
    }>`select count(*)::int as n from contact_attempts a left join events e on e.id = a.event_id
      where e.type is distinct from 'contact_attempt'`.execute(handle.db);
    expect(unlinked.rows[0]!.n).toBe(0);
  });

  it('shows cooperation across agencies: teams of different units, consents in every state, applications', async () => {
    const teams = await handle.db
      .selectFrom('teams')
      .innerJoin('units', 'units.id', 'teams.unit_id')
      .select(['teams.name', 'units.name as unit'])
      .orderBy('teams.name')
      .execute();
    expect(teams).toEqual([
      { name: 'Jobbspåret', unit: 'Arbetsmarknadsenheten' },
      { name: 'Ungdomsteamet', unit: 'Utbildningsförvaltningen' },
    ]);
    const consents = await handle.db.selectFrom('consents').select(['withdrawn_at', 'valid_until']).execute();
    expect(consents.some((c) => c.withdrawn_at)).toBe(true);
    expect(consents.some((c) => c.valid_until)).toBe(true);
    expect(consents.filter((c) => !c.withdrawn_at && !c.valid_until).length).toBeGreaterThan(20);
    expect(
      await handle.db.selectFrom('events').select('id').where('category', '=', 'health_social').execute(),
    ).not.toHaveLength(0);
    const statuses = await handle.db.selectFrom('applications').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['accepted', 'on_agenda', 'received']);
  });

  it('shows measures, placements and referrals at every stage, with a placement ending within two weeks', async () => {
    expect((await handle.db.selectFrom('offers').select('id').execute()).length).toBe(12);
    const reasons = await handle.db.selectFrom('measures').select('end_reason').distinct().execute();
    expect(reasons.map((r) => r.end_reason)).toEqual(
      expect.arrayContaining([null, 'completed', 'moved_on_studies', 'moved_on_work', 'interrupted', 'declined']),
    );
    const placements = await handle.db
      .selectFrom('measures')
      .select('placement')
      .where('placement', 'is not', null)
      .execute();
    expect(placements.length).toBeGreaterThan(5);
    const ending = await sql<{
      n: number;
    }>`select count(*)::int as n from measures where ended_on is null and planned_end_on between current_date
      and current_date + 14`.execute(handle.db);
    expect(ending.rows[0]!.n).toBeGreaterThan(0);
    const statuses = await handle.db.selectFrom('referrals').select(['status', 'category']).distinct().execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(
      new Set(['sent', 'accepted', 'declined', 'ongoing', 'ended']),
    );
    expect(new Set(statuses.map((s) => s.category))).toEqual(new Set(['assessment_plan', 'health_social']));
  });

  it('closes cases with an outcome from the code list, a day, who closed and follow-ups, some due', async () => {
    const closed = await handle.db
      .selectFrom('cases')
      .select(['outcome', 'outcome_list_version', 'closed_on', 'closed_by', 'closing_occupation', 'target_group'])
      .where('status', '=', 'closed')
      .execute();
    expect(closed.filter((c) => !c.outcome || !c.closed_on || !c.closed_by || !c.closing_occupation)).toEqual([]);
    expect(new Set(closed.map((c) => c.outcome_list_version))).toEqual(new Set([OUTCOME_CODE_LIST.version]));
    const outcomes = new Set(closed.map((c) => c.outcome));
    expect([...outcomes].every((o) => (OUTCOME_CODES as readonly (string | null)[]).includes(o))).toBe(true);
    expect(outcomes.size).toBeGreaterThanOrEqual(6);
    expect(new Set(closed.map((c) => c.target_group))).toEqual(new Set(['kaa', 'young_adult']));
    const events = await handle.db.selectFrom('events').select('type').where('type', '=', 'case_closed').execute();
    expect(events).toHaveLength(closed.length);

    const ctx = await coordinatorContext();
    const year = { from: addDays(todayInSweden(), -400), to: todayInSweden() };
    const report = await outcomeReportFor(ctx, year);
    expect(report.closed).toBe(closed.length);
    expect(Object.values(report.byOutcome).filter((o) => o.total > 0).length).toBeGreaterThanOrEqual(6);
    expect(report.byTargetGroup.young_adult).toBeGreaterThan(0);
    expect(report.medianDays.toOutcome).not.toBeNull();
    const due = await followUpsDue(handle.db, ctx.actor, todayInSweden(), undefined).select('fu.id').execute();
    expect(due.length).toBeGreaterThan(0);
    const recorded = await handle.db
      .selectFrom('case_follow_ups')
      .select('id')
      .where('result', 'is not', null)
      .execute();
    expect(recorded.length).toBeGreaterThan(0);
  });

  it('hands SCB a clean return: every check passes in the current and the last three half-years', async () => {
    const ctx = await coordinatorContext();
    const failed: Record<string, unknown[]> = {};
    for (const half of recentHalves(todayInSweden(), 4)) {
      const r = await scbReturn(ctx, half);
      expect(r.blocks.measures_started.total, half).toEqual(expect.any(Number));
      if (!r.checks.passed) failed[half] = r.checks.listed.map((f) => [f.check, f.block, f.on, f.person.name]);
    }
    expect(failed).toEqual({});
    // Not empty: the current half-year has measures started and people entering and leaving the register.
    const now = await scbReturn(ctx, recentHalves(todayInSweden(), 1)[0]!);
    for (const block of ['registrations', 'measures_started', 'deregistrations'] as const)
      expect(now.blocks[block].total, block).toBeGreaterThan(0);
  });

  it("fills the week: activities, enrolments, attendance, measures' hours, additions, team meetings", async () => {
    const activities = await handle.db.selectFrom('activities').select(['id', 'recurrence']).execute();
    expect(activities).toHaveLength(3);
    expect(activities.every((a) => (a.recurrence as { type: string }).type === 'weekly')).toBe(true);
    const enrolled = await handle.db.selectFrom('activity_enrolments').select('person_id').execute();
    expect(enrolled.length).toBeGreaterThan(10);
    const statuses = await handle.db.selectFrom('attendance_entries').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['absent', 'excused', 'late', 'present']);
    const withHours = await sql<{
      n: number;
    }>`select count(*)::int as n from measures where ended_on is null and jsonb_array_length(weekly_hours) > 0`.execute(
      handle.db,
    );
    expect(withHours.rows[0]!.n).toBeGreaterThan(20);
    expect((await handle.db.selectFrom('schedule_additions').select('id').execute()).length).toBeGreaterThan(5);
    const series = await handle.db
      .selectFrom('teams')
      .select(['name', 'meeting_weekday', 'meeting_lead_id'])
      .where('meeting_weekday', 'is not', null)
      .execute();
    expect(series.map((t) => t.name).sort()).toEqual(['Jobbspåret', 'Ungdomsteamet']);
    const meetings = await handle.db.selectFrom('team_meetings').select(['id', 'held_on']).execute();
    expect(meetings).toHaveLength(8);
    expect(meetings.some((m) => String(m.held_on) >= todayInSweden())).toBe(true);
    expect((await handle.db.selectFrom('team_meeting_attendees').select('id').execute()).length).toBeGreaterThan(10);

    // A coordinator opening the young people in active work sees their week filled, activity sessions among them.
    const ctx = await coordinatorContext();
    const people = await handle.db
      .selectFrom('activity_enrolments')
      .select('person_id')
      .orderBy('person_id')
      .limit(5)
      .execute();
    const kinds = new Set<string>();
    for (const p of people) {
      const week = await personSchedule(ctx, p.person_id, undefined);
      week.items.forEach((i) => kinds.add(i.kind));
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['activity', 'measure']));
  });

  it("gives every case a contact person who may open it (the KAA's own staff)", async () => {
    const held = await handle.db
      .selectFrom('cases')
      .select('contact_person_id')
      .where('contact_person_id', 'is not', null)
      .execute();
    expect(held.length).toBeGreaterThan(0);
    const without = await handle.db
      .selectFrom('cases')
      .select('id')
      .where('contact_person_id', 'is not', null)
      .where((eb) => eb.not(contactPersonHasAccess(eb.ref('cases.contact_person_id'))))
      .execute();
    expect(without).toEqual([]);
  });

  it('uses only Skatteverket test identity numbers', async () => {
    const allowed = new Set(
      readFileSync(
        new URL('../../../reference/skatteverket-testpersonnummer-2000-2009.csv', import.meta.url),
        'utf8',
      ).split('\n'),
    );
    const numbers = await handle.db.selectFrom('persons').select('personal_identity_number').execute();
    expect(numbers.filter((n) => !allowed.has(n.personal_identity_number.trim()))).toEqual([]);
  });

  it('refuses a database that holds a real person', async () => {
    const own = await createTestDatabase();
    try {
      const other = await ensureMunicipality(own.db, { code: '1480', name: 'Göteborgs stad' });
      await own.db
        .insertInto('persons')
        .values({
          municipality_id: other,
          personal_identity_number: '199001011239',
          birth_date: '1990-01-01',
          given_name: 'Riktig',
          family_name: 'Person',
          street_address: null,
          postal_code: null,
          city: null,
          phone: null,
          email: null,
        })
        .execute();
      await expect(fillDemo(own.db, other)).rejects.toThrow(/1 persons who are not Skatteverket test persons/);
    } finally {
      await own.close();
    }
  });

  it('adds nothing when run again', async () => {
    const before = await counts();
    await fillDemo(handle.db, m);
    expect(await counts()).toEqual(before);
  });
});
