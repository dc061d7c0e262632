/**
 * The data set of the load benchmark (bench/load.ts), written in set-based SQL into a throw-away
 * PostgreSQL database: staff in every role across units and teams, persons with a register period,
 * a case and a timeline of notes and contact attempts, consents to the social services for one in
 * ten, and an audit entry for each person's registration, sealed into the chain as Lotsa would.
 * Identity numbers are synthetic (valid check digit, not Skatteverket's test numbers), so they only
 * ever live in this database.
 */
import { sql } from 'kysely';
import { sealAudit } from '../src/server/audit/seal.js';
import { ensureMunicipality } from '../src/server/bootstrap.js';
import type { Db } from '../src/server/db/connection.js';
import { hashPassword } from '../src/server/http/passwords.js';
import { luhnCheckDigit } from './synthetic-lists.js';

/** What the benchmark signs in with. */
export const BENCH_PASSWORD = 'bench-load-password-2026';
export const BENCH_MUNICIPALITY = { code: '1480', name: 'Göteborgs stad' };

export type LoadDataSize = { persons: number; eventsPerPerson: number; staff: number; teams: number };
export type BenchStaff = { email: string; role: string };

const GIVEN = [
  'Alva',
  'Elsa',
  'Maja',
  'Wilma',
  'Ella',
  'Noah',
  'William',
  'Hugo',
  'Lucas',
  'Liam',
  'Ebba',
  'Saga',
  'Alice',
  'Oscar',
  'Elias',
  'Leo',
];
const FAMILY = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Lindqvist',
  'Lindberg',
  'Magnusson',
  'Lindström',
  'Axelsson',
];

/**
 * The role of staff member `i`: of ten, one coordinator, six youth coaches, two team members from the social
 * services and one manager.
 */
export function roleOf(i: number): string {
  if (i === 0) return 'administrator';
  return [
    'coordinator',
    'youth_coach',
    'youth_coach',
    'youth_coach',
    'youth_coach',
    'youth_coach',
    'youth_coach',
    'team_member',
    'team_member',
    'manager',
  ][i % 10]!;
}

/** The identity number of synthetic person `i` (born 2007–2010), with its check digit. */
export function benchIdentityNumber(i: number): { pin: string; birthDate: string } {
  const day = new Date(Date.UTC(2007, 0, 1) + (i % 1461) * 86_400_000);
  const birthDate = day.toISOString().slice(0, 10);
  const serial = String(Math.floor(i / 1461) % 1000).padStart(3, '0');
  const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${serial}`;
  return { pin: `${birthDate.slice(0, 4)}${nine.slice(2)}${luhnCheckDigit(nine)}`, birthDate };
}

/** The name of synthetic person `i`. */
export const benchName = (i: number) => ({
  given: GIVEN[i % GIVEN.length]!,
  family: FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!,
});

const step = async (label: string, log: (line: string) => void, work: () => Promise<unknown>) => {
  const t0 = Date.now();
  await work();
  log(`  ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
};

/** Writes the data set into the migrated, empty database `db`; returns the staff who can sign in. */
export async function buildLoadData(db: Db, size: LoadDataSize, log: (line: string) => void): Promise<BenchStaff[]> {
  const m = await ensureMunicipality(db, BENCH_MUNICIPALITY);
  const units = Object.fromEntries(
    (await db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', m).execute()).map((u) => [
      u.name,
      u.id,
    ]),
  );
  const kaa = units['Utbildningsförvaltningen']!;
  const social = units['Socialtjänsten']!;
  const hash = await hashPassword(BENCH_PASSWORD);
  const staff = benchStaff(size.staff).map((s, i) => ({ ...s, i }));

  // Numbered rows: persons by identity number, staff by e-mail, teams by name.
  const numberedPersons = sql`(select id, row_number() over (order by personal_identity_number) as r
    from persons where municipality_id = ${m})`;
  const numberedTeams = sql`(select id, row_number() over (order by name) - 1 as k
    from teams where municipality_id = ${m})`;

  await step(`${size.staff} staff in ${size.teams} teams`, log, async () => {
    await sql`insert into staff (municipality_id, unit_id, email, name, role, password_hash, must_change_password)
      select ${m}, case when s.role = 'team_member' then ${social}::uuid else ${kaa}::uuid end,
        s.email, 'Personal ' || s.i, s.role, ${hash}, false
      from unnest(${staff.map((s) => s.email)}::text[], ${staff.map((s) => s.role)}::text[],
        ${staff.map((s) => s.i)}::int[]) as s(email, role, i)`.execute(db);
    await sql`insert into teams (municipality_id, name, unit_id)
      select ${m}, 'Team ' || g, ${kaa} from generate_series(1, ${size.teams}) g`.execute(db);
    await sql`insert into team_members (team_id, staff_id)
      select t.id, s.id
      from (select id, row_number() over (order by email) - 1 as r from staff
        where municipality_id = ${m} and role not in ('manager', 'administrator')) s
      join ${numberedTeams} t on t.k = s.r % ${size.teams}`.execute(db);
  });

  await step(`${size.persons} persons with a register period and a case`, log, async () => {
    for (let from = 0; from < size.persons; from += 20_000) {
      const ids = Array.from({ length: Math.min(20_000, size.persons - from) }, (_, k) => from + k);
      const numbers = ids.map(benchIdentityNumber);
      await sql`insert into persons (municipality_id, personal_identity_number, birth_date, given_name, family_name,
          phone, created_at, updated_at)
        select ${m}, p.pin, p.birth::date, p.given, p.family, '0701234' || lpad((p.i % 1000)::text, 3, '0'),
          now(), now()
        from unnest(${numbers.map((n) => n.pin)}::text[], ${numbers.map((n) => n.birthDate)}::text[],
          ${ids.map((i) => benchName(i).given)}::text[], ${ids.map((i) => benchName(i).family)}::text[],
          ${ids}::int[]) as p(pin, birth, given, family, i)`.execute(db);
    }
    // One in five has left the register (moved away) in the last weeks.
    await sql`insert into register_periods (municipality_id, person_id, entered_on, entry_reason, left_on, leave_reason,
        source, created_at)
      select ${m}, p.id, current_date - (30 + r % 900)::int,
        (array['dropped_out','never_started','certificate_only','moved_in','other'])[1 + r % 5],
        case when r % 5 = 0 then current_date - (r % 25)::int end, case when r % 5 = 0 then 'moved_out' end, '{}', now()
      from ${numberedPersons} p`.execute(db);
    // Statistics first: each case's insert trigger reads the person's register periods (case milestones,
    // migration 20261224100000), and without them the planner reads every period of the municipality per case.
    await sql`analyze persons, register_periods`.execute(db);
    // Every case has a youth coach as contact person and a team, both round robin.
    await sql`insert into cases (municipality_id, person_id, status, contact_person_id, team_id, opened_at)
      select ${m}, p.id, (array['new','contacting','active','active'])[1 + r % 4]::text, c.id, t.id,
        now() - make_interval(days => (r % 800)::int)
      from ${numberedPersons} p
      join (select id, row_number() over (order by email) - 1 as k, count(*) over () as n from staff
        where municipality_id = ${m} and role = 'youth_coach') c on c.k = p.r % c.n
      join ${numberedTeams} t on t.k = p.r % ${size.teams}`.execute(db);
  });

  const events = size.persons * size.eventsPerPerson;
  await step(`${events} timeline events (a contact attempt in four, notes)`, log, async () => {
    await sql`insert into events (municipality_id, person_id, case_id, type, payload, actor_id, occurred_at,
        recorded_at, category)
      select ${m}, c.person_id, c.id, case when g % 4 = 0 then 'contact_attempt' else 'note' end,
        case when g % 4 = 0
          then jsonb_build_object('channel', 'phone', 'outcome', 'no_answer', 'occupation', null, 'agreed', null,
            'note', null)
          else jsonb_build_object('text', 'Anteckning ' || g || ': samtal om studier och praktik.') end,
        c.contact_person_id, c.opened_at + make_interval(days => g), c.opened_at + make_interval(days => g),
        case when g % 4 = 0 then 'contact_occupation' else 'assessment_plan' end
      from cases c cross join generate_series(1, ${size.eventsPerPerson}) g where c.municipality_id = ${m}`.execute(db);
    await sql`insert into contact_attempts (municipality_id, person_id, period_id, event_id, channel, outcome, at,
        staff_id, recorded_at)
      select ${m}, e.person_id, rp.id, e.id, 'phone', 'no_answer', e.occurred_at, e.actor_id, e.recorded_at
      from events e join register_periods rp on rp.person_id = e.person_id
      where e.type = 'contact_attempt' and e.municipality_id = ${m}`.execute(db);
  });

  // One person in ten, in every team (a case's team is its row number modulo the teams).
  await step('consents to the social services for one person in ten', log, async () => {
    const coordinator = await db
      .selectFrom('staff')
      .select('id')
      .where('role', '=', 'coordinator')
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`insert into consents (municipality_id, person_id, purpose, given_by, method, given_on, recorded_by,
        recorded_at)
      select ${m}, p.id, 'Samverkan med socialtjänsten', 'young_person', 'in_lotsa', current_date - 10,
        ${coordinator.id}, now()
      from ${numberedPersons} p where (p.r / ${size.teams}) % 10 = 0`.execute(db);
    await sql`insert into consent_recipients (consent_id, unit_id)
      select id, ${social} from consents where municipality_id = ${m}`.execute(db);
    await sql`insert into consent_categories (consent_id, category)
      select c.id, k from consents c cross join unnest(array['contact_occupation', 'assessment_plan']) k
      where c.municipality_id = ${m}`.execute(db);
  });

  await step('the audit log of the registrations, sealed into the chain', log, async () => {
    await sql`insert into audit_log (at, municipality_id, actor_id, person_id, action, entity, entity_id, ip,
        detail)
      select c.opened_at, ${m}, c.contact_person_id, c.person_id, 'create', 'person', c.person_id, null, '{}'
      from cases c where c.municipality_id = ${m} order by c.opened_at`.execute(db);
    await sealAudit(db);
  });
  // As autovacuum would after a bulk load: statistics, and a visibility map for index-only scans.
  await step('vacuum analyze', log, () => sql`vacuum analyze`.execute(db));
  return benchStaff(size.staff);
}

/** The `n` staff of the data set, who sign in with BENCH_PASSWORD. */
export const benchStaff = (n: number): BenchStaff[] =>
  Array.from({ length: n }, (_, i) => ({ email: `staff${i}@bench.lotsa.local`, role: roleOf(i) }));
