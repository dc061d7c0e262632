/**
 * Demo cooperation across agencies: the teams' host agencies, consents in every state (valid,
 * expired, withdrawn), health notes that only consent shows, and applications at every step.
 */
import { randomUUID } from 'node:crypto';
import type { ConsentCategory } from '../../core/consent.js';
import type { EventPayload, EventType } from '../../core/events/index.js';
import { eventRow } from '../db/events.js';

/**
 * A second team, run by the labour-market unit, besides the foundation's Ungdomsteamet (run by the education
 * administration).
 */
export const DEMO_TEAMS = [
  { name: 'Ungdomsteamet', unit: 'Utbildningsförvaltningen' },
  { name: 'Jobbspåret', unit: 'Arbetsmarknadsenheten' },
] as const;

const PURPOSE = 'För att vi tillsammans ska kunna stötta dig till studier, arbete eller annan sysselsättning.';
const HEALTH_NOTES = [
  'Berättar om sömnproblem och oro. Har fått tid på vårdcentralen.',
  'Kontakt med BUP sedan i våras. Vill att teamet vet, för schemats skull.',
];

type Ids = {
  m: string;
  personId: string;
  caseId: string;
  teamId: string;
  recorder: string;
  socialWorker: string;
  units: Map<string, string>;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows for several tables (see demo.ts)
type Rows = { consents: any[]; recipients: any[]; categories: any[]; applications: any[]; events: any[] };

/** Adds the consent, notes and application of the `i`th demo person at `stage` (0 new … 4 left) to `rows`. */
export function demoCooperation(rows: Rows, i: number, stage: number, entered: Date, ids: Ids): void {
  const at = (days: number) => new Date(entered.getTime() + days * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (stage === 1 && i % 3 === 0) {
    rows.applications.push({
      id: randomUUID(),
      municipality_id: ids.m,
      person_id: ids.personId,
      team_id: ids.teamId,
      referrer: (['school', 'social_services', 'employment_service', 'self'] as const)[i % 4],
      signed_on: day(at(3)),
      status: i % 2 ? 'on_agenda' : 'received',
      created_by: ids.recorder,
    });
  }
  if (stage < 2 || i % 5 === 4) return;
  const state = i % 11 === 0 ? 'withdrawn' : i % 13 === 0 ? 'expired' : 'valid';
  const health = i % 3 === 0;
  const consentId = randomUUID();
  const givenOn = at(8);
  rows.consents.push({
    id: consentId,
    municipality_id: ids.m,
    person_id: ids.personId,
    purpose: PURPOSE,
    given_by: 'young_person',
    method: i % 2 ? 'paper' : 'in_lotsa',
    given_on: day(givenOn),
    valid_until: state === 'expired' ? day(at(20)) : null,
    recorded_by: ids.recorder,
    recorded_at: givenOn,
    withdrawn_at: state === 'withdrawn' ? at(30) : null,
    withdrawn_by: state === 'withdrawn' ? ids.recorder : null,
  });
  const units = ['Socialtjänsten', 'Arbetsmarknadsenheten', ...(i % 2 ? ['Arbetsförmedlingen'] : [])];
  for (const unit of units) rows.recipients.push({ consent_id: consentId, unit_id: ids.units.get(unit)! });
  const categories: ConsentCategory[] = [
    'contact_occupation',
    'assessment_plan',
    ...(health ? (['health_social'] as const) : []),
  ];
  for (const category of categories) rows.categories.push({ consent_id: consentId, category });
  const ev = <T extends EventType>(
    type: T,
    when: Date,
    actor: string | null,
    payload: EventPayload<T>,
    category: ConsentCategory | null = null,
  ) =>
    rows.events.push(
      eventRow(
        {
          id: randomUUID(),
          municipality_id: ids.m,
          person_id: ids.personId,
          case_id: ids.caseId,
          actor_id: actor,
          occurred_at: when,
          category,
        },
        type,
        payload,
      ),
    );
  ev('consent_recorded', givenOn, ids.recorder, {
    consentId,
    categories,
    recipients: units.length,
    validUntil: state === 'expired' ? day(at(20)) : null,
  });
  if (state === 'withdrawn') ev('consent_withdrawn', at(30), ids.recorder, { consentId });
  if (health) ev('note', at(15), ids.socialWorker, { text: HEALTH_NOTES[i % HEALTH_NOTES.length]! }, 'health_social');
  const applicationId = randomUUID();
  rows.applications.push({
    id: applicationId,
    municipality_id: ids.m,
    person_id: ids.personId,
    team_id: ids.teamId,
    referrer: (['school', 'social_services', 'employment_service', 'self'] as const)[i % 4],
    signed_on: day(at(7)),
    status: 'accepted',
    decision_note: 'Antagen på teammötet.',
    decided_by: ids.recorder,
    decided_at: at(9),
    created_by: ids.recorder,
  });
  ev('application_decided', at(9), ids.recorder, { applicationId, status: 'accepted' }, 'assessment_plan');
}
