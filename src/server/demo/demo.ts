/**
 * Fills a municipality with demo data: staff in every role from several agencies, two teams, and
 * about 300 young people at every stage of the work (new in the register, being contacted, in a
 * measure, closed, left), with consents in every state and applications to the teams.
 * Uses only Skatteverket's test identity numbers. Running it again adds nothing: existing staff,
 * teams and persons are kept as they are.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { projectPath } from '../paths.js';
import { refreshStatistics } from '../db/statistics.js';
import { sql } from 'kysely';
import { ageOn, parseIdentityNumber } from '../../core/personnummer.js';
import type { Role } from '../../core/roles.js';
import type { Db } from '../db/connection.js';
import { recordAudit } from '../audit/audit.js';
import { hashPassword } from '../http/passwords.js';
import { DEMO_TEAMS, demoCooperation } from './demo-consent.js';
import { fillOutreachDemo } from './demo-outreach.js';
import { setDemoProfessions } from './demo-professions.js';
import { fillAssessmentDemo } from './demo-assessments.js';
import { fillMeasuresDemo } from './demo-measures.js';
import { fillPlanDemo } from './demo-plans.js';
import { demoClosing, demoFollowUps } from './demo-outcomes.js';
import { fillWeekDemo } from './demo-week.js';
import { measureEndReasonForOutcome, OUTCOME_CODE_LIST } from '../../core/outcomes.js';
import { OCCUPATION_CODE_LIST } from '../../core/outreach.js';
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, NOTES, POSTAL, STREETS } from './demo-names.js';
import { eventRow } from '../db/events.js';
import type { EventPayload, EventType } from '../../core/events/index.js';
import type { ContactOutcome } from '../../core/outreach.js';

/** The password every demo account gets. Demo data never belongs in production. */
export const DEMO_PASSWORD = 'lotsa-demo-2026';
const DEMO_PERSONS = 300;

const DEMO_STAFF: { email: string; name: string; role: Role; unit: string | null; team?: boolean }[] = [
  { email: 'admin@demo.lotsa.local', name: 'Agnes Admin', role: 'administrator', unit: 'Utbildningsförvaltningen' },
  {
    email: 'samordnare@demo.lotsa.local',
    name: 'Karin Samordnare',
    role: 'coordinator',
    unit: 'Utbildningsförvaltningen',
    team: true,
  },
  {
    email: 'samordnare2@demo.lotsa.local',
    name: 'Per Registeransvarig',
    role: 'coordinator',
    unit: 'Utbildningsförvaltningen',
  },
  {
    email: 'coach@demo.lotsa.local',
    name: 'Sofia Coach',
    role: 'youth_coach',
    unit: 'Utbildningsförvaltningen',
    team: true,
  },
  {
    email: 'coach2@demo.lotsa.local',
    name: 'Jonas Ungdomscoach',
    role: 'youth_coach',
    unit: 'Utbildningsförvaltningen',
    team: true,
  },
  {
    email: 'coach3@demo.lotsa.local',
    name: 'Fatima Kontaktperson',
    role: 'youth_coach',
    unit: 'Arbetsmarknadsenheten',
    team: true,
  },
  {
    email: 'syv@demo.lotsa.local',
    name: 'Lena Vägledare',
    role: 'team_member',
    unit: 'Utbildningsförvaltningen',
    team: true,
  },
  {
    email: 'socialsekreterare@demo.lotsa.local',
    name: 'Mats Socialsekreterare',
    role: 'team_member',
    unit: 'Socialtjänsten',
    team: true,
  },
  {
    email: 'arbetsformedlare@demo.lotsa.local',
    name: 'Eva Arbetsförmedlare',
    role: 'team_member',
    unit: 'Arbetsförmedlingen',
    team: true,
  },
  {
    email: 'skola@demo.lotsa.local',
    name: 'Rektor Skolrapportör',
    role: 'school_reporter',
    unit: 'Utbildningsförvaltningen',
  },
  { email: 'chef@demo.lotsa.local', name: 'Birgitta Chef', role: 'manager', unit: 'Utbildningsförvaltningen' },
];
const TEAM_NAME = DEMO_TEAMS[0].name;
/** Members of the second team, run by the labour-market unit. */
const JOB_TEAM = ['coach3@demo.lotsa.local', 'arbetsformedlare@demo.lotsa.local', 'socialsekreterare@demo.lotsa.local'];

const TEST_NUMBERS_FILE = projectPath('reference', 'skatteverket-testpersonnummer-2000-2009.csv');

/** A small deterministic random generator, so every run builds the same municipality. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

/** Test identity numbers of people aged 16–20 today, from Skatteverket's list. */
export function demoIdentityNumbers(today: Date): string[] {
  return readFileSync(TEST_NUMBERS_FILE, 'utf8')
    .split('\n')
    .slice(1)
    .filter((n) => {
      const p = parseIdentityNumber(n, today);
      if (!p.ok) return false;
      const age = ageOn(p.value.birthDate, today);
      return age >= 16 && age <= 20;
    });
}

/** Thrown when the database holds anyone who is not a test person: demo data must not mix with real data. */
export class RealDataError extends Error {}

async function refuseRealPersons(db: Db, municipalityId: string) {
  const testNumbers = new Set(readFileSync(TEST_NUMBERS_FILE, 'utf8').split('\n'));
  const persons = await db
    .selectFrom('persons')
    .select('personal_identity_number')
    .where('municipality_id', '=', municipalityId)
    .execute();
  const real = persons.filter((p) => !testNumbers.has(p.personal_identity_number.trim())).length;
  if (real > 0)
    throw new RealDataError(
      `This database holds ${real} persons who are not Skatteverket test persons. Demo data is only for a demo ` +
        `or test database; nothing was added.`,
    );
}

const daysAgo = (today: Date, days: number) => new Date(today.getTime() - days * 86_400_000);
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/** Fills the municipality; returns a summary for the operator. */
export async function fillDemo(
  db: Db,
  municipalityId: string,
  progress: (line: string) => void = () => {},
): Promise<string> {
  const today = new Date();

  const hash = await hashPassword(DEMO_PASSWORD);

  const summary = await db.transaction().execute(async (trx) => {
    const units = new Map(
      (
        await trx.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute()
      ).map((u) => [u.name, u.id]),
    );
    // The demo municipality runs the activity responsibility from education and the labour-market unit.
    await trx
      .updateTable('units')
      .set({ kaa: true })
      .where('municipality_id', '=', municipalityId)
      .where('name', 'in', ['Utbildningsförvaltningen', 'Arbetsmarknadsenheten'])
      .execute();
    await trx
      .insertInto('staff')
      .values(
        DEMO_STAFF.map((s) => ({
          municipality_id: municipalityId,
          email: s.email,
          name: s.name,
          role: s.role,
          unit_id: s.unit ? (units.get(s.unit) ?? null) : null,
          password_hash: hash,
          must_change_password: false,
        })),
      )
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
    await setDemoProfessions(trx, municipalityId);
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'email', 'role'])
      .where(
        'email',
        'in',
        DEMO_STAFF.map((s) => s.email),
      )
      .execute();
    const staffId = (email: string) => staff.find((s) => s.email === email)!.id;
    const staffName = (id: string) => DEMO_STAFF.find((s) => s.email === staff.find((x) => x.id === id)!.email)!.name;
    for (const t of DEMO_TEAMS) {
      await trx
        .insertInto('teams')
        .values({ municipality_id: municipalityId, name: t.name, unit_id: units.get(t.unit) ?? null })
        .onConflict((oc) => oc.columns(['municipality_id', 'name']).doNothing())
        .execute();
      // Teams from before teams had a host agency get theirs.
      await trx
        .updateTable('teams')
        .set({ unit_id: units.get(t.unit) ?? null })
        .where('municipality_id', '=', municipalityId)
        .where('name', '=', t.name)
        .where('unit_id', 'is', null)
        .execute();
    }
    const teamId = async (name: string) =>
      (
        await trx
          .selectFrom('teams')
          .select('id')
          .where('municipality_id', '=', municipalityId)
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).id;
    const team = { id: await teamId(TEAM_NAME) };
    const jobTeam = { id: await teamId(DEMO_TEAMS[1].name) };
    await trx
      .insertInto('team_members')
      .values([
        ...DEMO_STAFF.filter((s) => s.team).map((s) => ({ team_id: team.id, staff_id: staffId(s.email) })),
        ...JOB_TEAM.map((email) => ({ team_id: jobTeam.id, staff_id: staffId(email) })),
      ])
      .onConflict((oc) => oc.columns(['team_id', 'staff_id']).doNothing())
      .execute();
    progress(`staff: ${DEMO_STAFF.length} accounts, teams ${DEMO_TEAMS.map((t) => t.name).join(' and ')}`);

    const coaches = ['coach@demo.lotsa.local', 'coach2@demo.lotsa.local', 'coach3@demo.lotsa.local'].map(staffId);
    // Contact persons come from the KAA's own units only: another agency's caseworker could not open the case.
    const members = ['syv@demo.lotsa.local'].map(staffId);
    const coordinator = staffId('samordnare@demo.lotsa.local');

    const numbers = demoIdentityNumbers(today);
    await refuseRealPersons(trx, municipalityId);
    const chosen = Array.from(
      { length: DEMO_PERSONS },
      (_, i) => numbers[Math.floor((i * numbers.length) / DEMO_PERSONS)]!,
    );
    const existing = new Set(
      (
        await trx
          .selectFrom('persons')
          .select('personal_identity_number')
          .where('municipality_id', '=', municipalityId)
          .where('personal_identity_number', 'in', chosen)
          .execute()
      ).map((p) => p.personal_identity_number.trim()),
    );

    /* eslint-disable @typescript-eslint/no-explicit-any -- rows for several tables, typed by insertInto below;
       giving each its Insertable type is left for a later change (issue 14). */
    const persons: any[] = [];
    const guardians: any[] = [];
    const periods: any[] = [];
    const cases: any[] = [];
    const events: any[] = [];
    const cooperation = {
      consents: [] as any[],
      recipients: [] as any[],
      categories: [] as any[],
      applications: [] as any[],
      events,
    };
    const socialWorker = staffId('socialsekreterare@demo.lotsa.local');
    const attemptRows: any[] = [];
    const followUps: Record<string, unknown>[] = [];
    chosen.forEach((pnr, i) => {
      const r = prng(i + 1);
      if (existing.has(pnr)) return;
      const parsed = parseIdentityNumber(pnr, today);
      if (!parsed.ok) return;
      const age = ageOn(parsed.value.birthDate, today);
      const female = Number(pnr[10]) % 2 === 0;
      const given = r.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
      const family = r.pick(FAMILY_NAMES);
      const postal = r.pick(POSTAL);
      const personId = randomUUID();
      const m = municipalityId;
      persons.push({
        id: personId,
        municipality_id: m,
        personal_identity_number: pnr,
        birth_date: parsed.value.birthDate,
        given_name: given,
        family_name: family,
        street_address: `${r.pick(STREETS)} ${r.int(1, 80)}`,
        postal_code: postal.code,
        city: postal.city,
        phone: `070-17406${String(r.int(5, 99)).padStart(2, '0')}`,
        email:
          r.next() < 0.6
            ? `${given}.${family}@example.se`
                .toLowerCase()
                .normalize('NFD')
                .replace(/[\u0300-\u036f]/g, '')
            : null,
        // The demo's young people gave their own number and address: they can ask for a sign-in code.
        phone_given_by: 'young_person',
        email_given_by: 'young_person',
        protected_identity: i % 61 === 7,
      });
      if (age < 18) {
        guardians.push({
          id: randomUUID(),
          municipality_id: m,
          person_id: personId,
          position: 0,
          name: `${r.pick(female ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE)}a ${family}`.replace(/aa /, 'a '),
          relation: 'vårdnadshavare',
          phone: `070-17406${String(r.int(5, 99)).padStart(2, '0')}`,
          email: null,
        });
      }
      // Stage: 0 new, 1 contacting, 2 active, 3 closed, 4 left register.
      const stage = age >= 20 ? 4 : [0, 1, 1, 2, 2, 2, 2, 3, 3, 4][i % 10]!;
      // Some cases closed long enough ago for their follow-ups to fall due (6 months; 12 for a few).
      const closedAgo = stage === 3 && i % 20 === 7 ? (i % 40 === 7 ? 190 + (i % 37) : 375 + (i % 20)) : null;
      // Some who turned 20 come back as young adults, referred after their time in the register.
      const youngAdult = stage === 4 && age >= 20 && i % 4 === 0;
      const drawnEntered = daysAgo(today, stage === 0 ? r.int(1, 12) : r.int(30, 400));
      const entered = closedAgo === null ? drawnEntered : daysAgo(today, closedAgo + 60 + (i % 90));
      const contact = stage === 0 ? null : r.next() < 0.8 ? r.pick(coaches) : r.pick(members);
      const caseId = randomUUID();
      const leaveReason =
        stage === 4
          ? age >= 20
            ? 'turned_20'
            : r.pick(['moved_out', 'started_upper_secondary'] as const)
          : stage === 3
            ? r.pick(['started_upper_secondary', 'other'] as const)
            : null;
      const drawnLeft = leaveReason ? daysAgo(today, r.int(1, 25)) : null;
      const left = closedAgo === null ? drawnLeft : daysAgo(today, closedAgo);
      periods.push({
        id: randomUUID(),
        municipality_id: m,
        person_id: personId,
        // A young adult's time in the register ended (studies begun) well before this case: over a
        // half-year before, so their measures never fall in a half-year SCB counts them in the register.
        entered_on: dateOnly(youngAdult ? daysAgo(entered, 500) : entered),
        entry_reason: r.pick(['dropped_out', 'dropped_out', 'never_started', 'certificate_only', 'moved_in']),
        left_on: youngAdult ? dateOnly(daysAgo(entered, 200)) : left ? dateOnly(left) : null,
        leave_reason: youngAdult ? 'started_upper_secondary' : leaveReason,
        source: JSON.stringify({ demo: true }),
      });
      const status = (['new', 'contacting', 'active', 'closed', 'closed'] as const)[stage];
      const caseTeam = i % 7 === 3 ? jobTeam.id : team.id;
      const closing = status === 'closed' && left ? demoClosing(i, youngAdult ? null : leaveReason, left) : null;
      cases.push({
        id: caseId,
        municipality_id: m,
        person_id: personId,
        status,
        contact_person_id: contact,
        team_id: caseTeam,
        opened_at: entered,
        closed_at: status === 'closed' ? left : null,
        ...(youngAdult ? { target_group: 'young_adult' } : {}),
        ...(closing && {
          outcome: closing.outcome,
          outcome_list_version: OUTCOME_CODE_LIST.version,
          closed_on: closing.closedOn,
          closed_by: contact ?? coordinator,
          closing_note: closing.note,
          closing_occupation: closing.occupation,
          closing_occupation_list_version: OCCUPATION_CODE_LIST.version,
        }),
      });
      demoCooperation(cooperation, i, stage, entered, {
        m,
        personId,
        caseId,
        teamId: caseTeam,
        recorder: contact ?? coordinator,
        socialWorker,
        units,
      });
      const ev = <T extends EventType>(type: T, at: Date, actor: string | null, payload: EventPayload<T>) =>
        events.push(
          eventRow(
            {
              id: randomUUID(),
              municipality_id: m,
              person_id: personId,
              case_id: caseId,
              actor_id: actor,
              occurred_at: at,
            },
            type,
            payload,
          ),
        );
      ev('case_opened', entered, coordinator, {});
      if (contact)
        ev('contact_person_changed', daysAgo(entered, -1), coordinator, {
          from: null,
          to: { id: contact, name: staffName(contact) },
        });
      if (stage >= 1) {
        const attempts = r.int(1, 3);
        const period = periods[periods.length - 1];
        for (let a = 0; a < attempts; a++) {
          const reached = stage >= 2 && a === attempts - 1;
          const at = daysAgo(entered, -(2 + a * (stage >= 2 ? 2 : 5)));
          // Only a conversation reaches anyone: the reaching attempt is a call; a text or letter is only sent.
          const channel = reached ? 'phone' : (['phone', 'sms', 'letter'] as const)[a]!;
          const unanswered = reached ? null : r.pick(['no_answer', 'message_left'] as const);
          const outcome: ContactOutcome = unanswered === null ? 'reached' : channel === 'phone' ? unanswered : 'sent';
          const attempt = {
            channel,
            outcome,
            occupation: reached ? r.pick(['education', 'work', 'measure', 'none'] as const) : null,
            agreed: null,
            note: null,
          };
          ev('contact_attempt', at, contact, attempt);
          attemptRows.push({
            ...attempt,
            id: randomUUID(),
            municipality_id: m,
            person_id: personId,
            period_id: period.id,
            event_id: events[events.length - 1].id,
            at,
            staff_id: contact ?? coordinator,
            occupation_list_version: reached ? 1 : null,
          });
        }
      }
      if (stage >= 2) {
        for (let n = 0; n < r.int(1, 3); n++)
          ev('note', daysAgo(entered, -(12 + n * 9)), contact, { text: r.pick(NOTES) });
        ev('case_status_changed', daysAgo(entered, -10), contact, { from: 'contacting', to: 'active' });
      }
      if (closing && left) {
        ev('case_closed', left, contact ?? coordinator, {
          outcome: closing.outcome,
          outcomeListVersion: OUTCOME_CODE_LIST.version,
          studyForm: null,
          closedOn: closing.closedOn,
          occupation: closing.occupation,
          measuresEnded: 0,
          measureEndReason: measureEndReasonForOutcome(closing.outcome),
        });
        demoFollowUps(followUps, events, { m, personId, caseId, closedOn: closing.closedOn, today, recorder: contact });
      }
    });

    const insert = async (
      table:
        | 'persons'
        | 'guardians'
        | 'register_periods'
        | 'cases'
        | 'events'
        | 'consents'
        | 'consent_recipients'
        | 'consent_categories'
        | 'applications'
        | 'case_follow_ups',
      rows: any[],
    ) => {
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + 500))
          .execute();
    };
    await insert('persons', persons);
    await insert('guardians', guardians);
    await insert('register_periods', periods);
    await insert('cases', cases);
    await insert('events', events);
    await insert('consents', cooperation.consents);
    await insert('consent_recipients', cooperation.recipients);
    await insert('consent_categories', cooperation.categories);
    await insert('applications', cooperation.applications);
    await insert('case_follow_ups', followUps);
    progress(`cooperation: ${cooperation.consents.length} consents, ${cooperation.applications.length} applications`);
    progress(`young people: ${persons.length} added, ${existing.size} already there`);
    const outreach = await fillOutreachDemo(trx, municipalityId, {
      today,
      attempts: attemptRows,
      persons,
      periods,
      staff: { coaches, coordinator, colleague: staffId('coach2@demo.lotsa.local') },
    });
    progress(`outreach: ${outreach}`);
    progress(`assessments: ${await fillAssessmentDemo(trx, municipalityId, { today, cases })}`);
    progress(`plans: ${await fillPlanDemo(trx, municipalityId, { today, cases, units })}`);
    progress(`measures: ${await fillMeasuresDemo(trx, municipalityId, { today, cases, coordinator })}`);
    const week = await fillWeekDemo(trx, municipalityId, {
      today,
      cases,
      coaches,
      coordinator,
      teams: [
        { id: team.id, leadId: coordinator, weekday: 2, time: '09:00', place: 'Ungdomstorget, stora rummet' },
        {
          id: jobTeam.id,
          leadId: staffId('coach3@demo.lotsa.local'),
          weekday: 4,
          time: '13:00',
          place: 'Arbetsmarknadsenheten, rum 3',
        },
      ],
    });
    progress(`week: ${week}`);
    if (persons.length) {
      await recordAudit(trx, { id: null, municipalityId, ip: null }, [
        { action: 'create', entity: 'demo', detail: { persons: persons.length } },
      ]);
    }
    const total = await trx
      .selectFrom('persons')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    return [
      `Demo municipality ready: ${total.n} young people, ${persons.length} added now.`,
      `Demo accounts (password "${DEMO_PASSWORD}"):`,
      ...DEMO_STAFF.map((s) => `  ${s.role.padEnd(16)} ${s.email}`),
    ].join('\n');
  });
  // Hundreds of persons where there were none: without statistics the planner joins them as if tables were empty.
  await refreshStatistics(db);
  return summary;
}
