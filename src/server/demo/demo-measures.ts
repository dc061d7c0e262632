/**
 * The measures part of the demo municipality: a catalogue of offers like the seeds' (guidance, study
 * visits, CV workshop, work placements, work training at "Porten", komvux and folk high school,
 * counselling, a health track, groups, social training, help to register with Arbetsförmedlingen),
 * and for the young people added in this run measures and referrals at every stage: booked, running
 * with follow-ups, a placement ending within two weeks, ended with each reason. Measures are linked to
 * a plan goal only when the person already has one. Like the rest of the demo it adds nothing twice.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { addDays } from '../../core/outreach.js';
import {
  luhnValid,
  MEASURE_CATEGORY,
  OFFER_KIND_LIST,
  referralCategory,
  type EndReason,
  type OfferKind,
  type ReferralAgency,
  type ReferralStatus,
  type StudyForm,
} from '../../core/measures.js';
import type { Database } from '../db/types.js';
import { eventRow } from '../db/events.js';

type Offer = {
  name: string;
  kind: OfferKind;
  studyForm?: StudyForm;
  unit?: string;
  provider?: string;
  location: string;
  capacity?: number;
  cost?: [number, 'week' | 'participant'];
  description: string;
};

const OFFERS: Offer[] = [
  {
    name: 'Vägledningssamtal',
    kind: 'guidance',
    unit: 'Utbildningsförvaltningen',
    location: 'Ungdomstorget',
    capacity: 40,
    description: 'Samtal med studie- och yrkesvägledare om vägar till studier och arbete.',
  },
  {
    name: 'Studiebesök på skolor och arbetsplatser',
    kind: 'study_visit',
    unit: 'Utbildningsförvaltningen',
    location: 'Olika platser',
    description: 'Fredagar: besök på gymnasieskolor, folkhögskolor och arbetsplatser.',
  },
  {
    name: 'CV-verkstad och jobbsökarstöd',
    kind: 'cv_job_coaching',
    unit: 'Arbetsmarknadsenheten',
    location: 'Ungdomstorget',
    capacity: 12,
    description: 'CV, personligt brev och träning inför intervju.',
  },
  {
    name: 'Praktik i näringslivet',
    kind: 'work_placement',
    unit: 'Arbetsmarknadsenheten',
    location: 'Hos arbetsgivaren',
    capacity: 15,
    cost: [1200, 'week'],
    description: 'Praktik med handledare, uppföljningsbesök varannan vecka.',
  },
  {
    name: 'Arbetsträning på Porten',
    kind: 'work_training',
    unit: 'Arbetsmarknadsenheten',
    location: 'Porten',
    capacity: 10,
    cost: [1800, 'week'],
    description: 'Arbetsträning i kommunens egen verksamhet.',
  },
  {
    name: 'Komvux: svenska och matematik',
    kind: 'studies',
    studyForm: 'komvux',
    provider: 'Komvux Partille',
    location: 'Komvux Partille',
    description: 'Grundläggande kurser för den som saknar betyg.',
  },
  {
    name: 'Allmän kurs på folkhögskola',
    kind: 'studies',
    studyForm: 'folkhogskola',
    provider: 'Folkhögskolan i Partille',
    location: 'Folkhögskolan',
    capacity: 6,
    cost: [4000, 'participant'],
    description: 'Förberedande år med möjlighet till behörighet.',
  },
  {
    name: 'Samtalsstöd hos kurator',
    kind: 'counselling',
    unit: 'Socialtjänsten',
    location: 'Ungdomstorget',
    capacity: 20,
    description: 'Enskilda samtal om det som står i vägen.',
  },
  {
    name: 'Hälsospåret',
    kind: 'health_track',
    provider: 'Friskvården',
    location: 'Idrottshallen',
    capacity: 12,
    cost: [300, 'week'],
    description: 'Onsdagar: träning, sömn och mat.',
  },
  {
    name: 'Tjejgruppen och killgruppen',
    kind: 'group_activity',
    unit: 'Utbildningsförvaltningen',
    location: 'Ungdomstorget',
    capacity: 10,
    description: 'Gruppträffar varje vecka.',
  },
  {
    name: 'Social träning: vardag och ekonomi',
    kind: 'social_training',
    unit: 'Socialtjänsten',
    location: 'Ungdomstorget',
    capacity: 8,
    description: 'Att hålla tider, hantera pengar och kontakter med myndigheter.',
  },
  {
    name: 'Stöd att skriva in sig på Arbetsförmedlingen',
    kind: 'employment_service_registration',
    unit: 'Arbetsförmedlingen',
    location: 'Arbetsförmedlingen',
    description: 'Vi följer med och hjälper till med inskrivningen.',
  },
];

/** Fictitious employers; their organisation numbers get a valid check digit. */
const EMPLOYERS = [
  { name: 'Furulunds Bageri AB', base: '556912345', address: 'Furulundsvägen 3, Partille' },
  { name: 'Krokslättens Bil & Däck AB', base: '556734512', address: 'Verkstadsgatan 8, Partille' },
  { name: 'Öjersjö Trädgård AB', base: '559011223', address: 'Öjersjövägen 40, Partille' },
  { name: 'Sävedalens Måleri AB', base: '556655443', address: 'Göteborgsvägen 71, Sävedalen' },
];
/** The hours in the week of a running measure, by kind; guidance, counselling and visits have none. */
const WEEKLY_HOURS: Partial<Record<OfferKind, { weekday: number; start: string; end: string }[]>> = {
  work_placement: [1, 2, 3, 4].map((weekday) => ({ weekday, start: '08:00', end: '14:00' })),
  work_training: [
    { weekday: 1, start: '09:00', end: '15:00' },
    { weekday: 3, start: '09:00', end: '15:00' },
  ],
  studies: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '15:00' })),
  group_activity: [{ weekday: 4, start: '13:00', end: '15:00' }],
};

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const SUPERVISORS = ['Anders Handledare', 'Maria Handledare', 'Jamal Handledare', 'Li Handledare'];

/** The ten digits of an organisation number from its first nine, with the Luhn check digit. */
function withCheckDigit(nine: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(nine + d)) return `${nine.slice(0, 6)}-${nine.slice(6)}${d}`;
  throw new Error('unreachable');
}

type Input = {
  today: Date;
  /** Case rows as demo.ts built them for the persons added in this run. */
  cases: {
    id: string;
    person_id: string;
    status: string;
    contact_person_id: string | null;
    opened_at: Date;
    outcome?: string | null;
    closed_on?: string | null;
  }[];
  coordinator: string;
};

/**
 * Adds the catalogue (offers not there yet) and measures and referrals for this run's persons; returns a summary line.
 */
export async function fillMeasuresDemo(
  trx: Transaction<Database>,
  municipalityId: string,
  input: Input,
): Promise<string> {
  const today = input.today.toISOString().slice(0, 10);
  const units = new Map(
    (await trx.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute()).map(
      (u) => [u.name, u.id],
    ),
  );
  const have = new Set(
    (await trx.selectFrom('offers').select('name').where('municipality_id', '=', municipalityId).execute()).map(
      (o) => o.name,
    ),
  );
  const fresh = OFFERS.filter((o) => !have.has(o.name));
  if (fresh.length) {
    await trx
      .insertInto('offers')
      .values(
        fresh.map((o) => {
          const unitId = o.unit ? (units.get(o.unit) ?? null) : null;
          return {
            municipality_id: municipalityId,
            name: o.name,
            kind: o.kind,
            kind_list_version: OFFER_KIND_LIST.version,
            study_form: o.studyForm ?? null,
            description: o.description,
            provider_unit_id: unitId,
            provider_name: unitId ? null : (o.provider ?? o.unit ?? 'Extern aktör'),
            location: o.location,
            capacity: o.capacity ?? null,
            cost_amount: o.cost?.[0] ?? null,
            cost_unit: o.cost?.[1] ?? null,
          };
        }),
      )
      .execute();
  }
  const offers = new Map(
    (
      await trx
        .selectFrom('offers')
        .select(['id', 'name', 'kind'])
        .where('municipality_id', '=', municipalityId)
        .execute()
    ).map((o) => [o.kind, o]),
  );
  const working = input.cases.filter((c) => c.status === 'active' || c.status === 'closed');
  if (working.length === 0) return `${fresh.length} offers added, no new young people for measures`;
  const goals = new Map<string, string>();
  for (const g of await trx
    .selectFrom('plan_goals')
    .select(['id', 'person_id'])
    .where(
      'person_id',
      'in',
      working.map((c) => c.person_id),
    )
    .where('removed_at', 'is', null)
    .orderBy('position')
    .execute()) {
    if (!goals.has(g.person_id)) goals.set(g.person_id, g.id);
  }

  const measures: Record<string, unknown>[] = [];
  const referrals: Record<string, unknown>[] = [];
  const events: ReturnType<typeof eventRow>[] = [];
  const at = (day: string) => new Date(`${day}T09:00:00Z`);
  working.forEach((c, j) => {
    const actor = c.contact_person_id ?? input.coordinator;
    const openedAgo = daysBetween(c.opened_at.toISOString().slice(0, 10), today);
    const base = { municipality_id: municipalityId, person_id: c.person_id, case_id: c.id, actor_id: actor };
    const measure = (
      kind: OfferKind,
      startAgo: number,
      plannedIn: number | null,
      end: { ago: number; reason: EndReason; evaluation: string } | null,
      placement: Record<string, unknown> | null = null,
    ) => {
      const offer = offers.get(kind);
      if (!offer) return;
      const id = randomUUID();
      // Never before the case opened: a KAA case opens the day its register period begins, so every
      // measure lies inside a register period, as SCB's half-year return checks.
      const start = Math.min(startAgo, openedAgo);
      const startsOn = addDays(today, -start);
      const plannedEndOn = plannedIn === null ? null : addDays(today, plannedIn);
      const endedOn = end ? addDays(today, -Math.min(end.ago, start)) : null;
      const followUps = [{ on: addDays(startsOn, 14), note: start > 14 ? 'Trivs och kommer i tid.' : null }];
      // A running measure of most kinds has its hours in the week, so the young person's week shows it.
      const hours = end ? undefined : WEEKLY_HOURS[kind];
      measures.push({
        id,
        municipality_id: municipalityId,
        person_id: c.person_id,
        case_id: c.id,
        offer_id: offer.id,
        goal_id: goals.get(c.person_id) ?? null,
        starts_on: startsOn,
        planned_end_on: plannedEndOn,
        ended_on: endedOn,
        end_reason: end?.reason ?? null,
        follow_ups: JSON.stringify(followUps),
        evaluation: end?.evaluation ?? null,
        placement: placement ? JSON.stringify(placement) : null,
        category: MEASURE_CATEGORY,
        recorded_by: actor,
        ...(hours && { weekly_hours: JSON.stringify(hours) }),
      });
      const about = { measureId: id, offerName: offer.name, kind: offer.kind as OfferKind };
      events.push(
        eventRow({ ...base, category: MEASURE_CATEGORY, occurred_at: at(startsOn) }, 'measure_started', {
          ...about,
          startsOn,
          plannedEndOn,
          employerName: (placement?.employerName as string | undefined) ?? null,
        }),
      );
      if (end && endedOn)
        events.push(
          eventRow({ ...base, category: MEASURE_CATEGORY, occurred_at: at(endedOn) }, 'measure_ended', {
            ...about,
            endedOn,
            endReason: end.reason,
          }),
        );
    };
    const referral = (
      agency: ReferralAgency,
      sentAgo: number,
      status: ReferralStatus,
      accompanied: boolean,
      outcome: string | null,
      agencyName: string | null = null,
    ) => {
      const id = randomUUID();
      const sentOn = addDays(today, -sentAgo);
      const category = referralCategory(agency);
      referrals.push({
        id,
        municipality_id: municipalityId,
        person_id: c.person_id,
        case_id: c.id,
        agency,
        agency_name: agencyName,
        sent_on: sentOn,
        reason:
          agency === 'employment_service'
            ? 'Inskrivning och planering mot arbete'
            : 'Behöver stöd som vi inte kan ge själva',
        accompanied,
        first_visit_on: status === 'sent' ? null : addDays(sentOn, 7),
        status,
        outcome,
        category,
        recorded_by: actor,
      });
      events.push(
        eventRow({ ...base, category, occurred_at: at(sentOn) }, 'referral_sent', {
          referralId: id,
          agency,
          agencyName,
          sentOn,
          accompanied,
        }),
      );
      if (status !== 'sent')
        events.push(
          eventRow({ ...base, category, occurred_at: at(addDays(sentOn, 7)) }, 'referral_updated', {
            referralId: id,
            agency,
            agencyName,
            status,
            previousStatus: 'sent',
            accompanied,
          }),
        );
    };
    const employer = EMPLOYERS[j % EMPLOYERS.length]!;
    const placement = (visitsAgo: number[]) => ({
      employerName: employer.name,
      organisationNumber: withCheckDigit(employer.base),
      employerAddress: employer.address,
      supervisorName: SUPERVISORS[j % SUPERVISORS.length]!,
      supervisorPhone: '070-1740610',
      supervisorEmail: null,
      hoursPerWeek: [20, 25, 30, 16][j % 4]!,
      visits: visitsAgo.map((d) => ({ on: addDays(today, -d), note: d > 0 ? 'Handledaren är nöjd.' : null })),
    });
    if (c.status === 'closed') {
      // The measure ended a little before the case closed, for the reason its outcome implies.
      const closedAgo = c.closed_on ? daysBetween(c.closed_on, today) : 0;
      const outcome = c.outcome ?? (j % 2 === 0 ? 'work' : 'studies');
      if (outcome === 'work')
        measure(
          'work_placement',
          closedAgo + 120,
          null,
          { ago: closedAgo + 5, reason: 'moved_on_work', evaluation: 'Fick sommarjobb på praktikplatsen.' },
          placement([closedAgo + 100, closedAgo + 80]),
        );
      else if (outcome === 'studies')
        measure('studies', closedAgo + 150, null, {
          ago: closedAgo + 10,
          reason: 'moved_on_studies',
          evaluation: 'Antagen till gymnasiets introduktionsprogram.',
        });
      else
        measure('guidance', closedAgo + 60, null, {
          ago: closedAgo + 3,
          reason: outcome === 'declined' ? 'declined' : 'other',
          evaluation: 'Samtalen avslutades när ärendet gick vidare.',
        });
      return;
    }
    switch (j % 6) {
      case 0: // A placement that ends within two weeks: the "measure ending" queue.
        measure('work_placement', 50, 10, null, placement([36, 22, 8]));
        referral('employment_service', 20, 'accepted', true, null);
        break;
      case 1:
        measure('guidance', 20, 40, null);
        measure('study_visit', 5, 5, null);
        break;
      case 2:
        measure('cv_job_coaching', 60, null, {
          ago: 10,
          reason: 'completed',
          evaluation: 'Har ett färdigt CV och söker jobb själv.',
        });
        referral('employment_service', 9, 'ongoing', false, null);
        break;
      case 3:
        measure('work_training', 30, 60, null);
        measure('counselling', 30, 90, null);
        referral('youth_clinic', 25, 'ended', true, 'Har fått en fast kontakt på ungdomsmottagningen.');
        break;
      case 4:
        measure('health_track', 40, null, {
          ago: 12,
          reason: 'interrupted',
          evaluation: 'Slutade komma efter tre veckor; vi pratar om annan tid.',
        });
        measure('group_activity', 14, 70, null);
        referral('social_services', 3, 'sent', false, null);
        break;
      default:
        measure('studies', 10, 170, null);
        measure('employment_service_registration', 40, null, {
          ago: 35,
          reason: 'declined',
          evaluation: 'Ville vänta tills studierna kommit igång.',
        });
        referral('other', 15, 'declined', false, 'Ville inte fortsätta där.', 'Fritidsgården Centrum');
    }
  });
  for (let i = 0; i < measures.length; i += 500)
    await trx
      .insertInto('measures')
      .values(measures.slice(i, i + 500) as never)
      .execute();
  for (let i = 0; i < referrals.length; i += 500)
    await trx
      .insertInto('referrals')
      .values(referrals.slice(i, i + 500) as never)
      .execute();
  for (let i = 0; i < events.length; i += 500)
    await trx
      .insertInto('events')
      .values(events.slice(i, i + 500))
      .execute();
  return (
    `${fresh.length} offers added, ${measures.length} measures ` +
    `and ${referrals.length} referrals for ${working.length} young people` +
    (goals.size ? `, ${goals.size} linked to plan goals` : '')
  );
}
