/**
 * Timeline events as earlier code stored them, one or more of each kind that existed before typed
 * events, in the shapes the writers of each period gave them (found in the git history of the
 * services, reconciliation and demo). Tests read them with `readEvent`, through the database and
 * the timeline's sentences: an old row must stay readable whatever the schemas become.
 */

const STAFF = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const OTHER_STAFF = '0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b';
const ID = '3d9e1c2b-7a6f-4e5d-9c8b-1a2b3c4d5e6f';

/** One stored event: a name for test titles, its type and category, and its payload as stored. */
export type StoredEvent = {
  name: string;
  type: string;
  category?: 'assessment_plan' | 'health_social';
  payload: Record<string, unknown>;
};

export const STORED_EVENTS: StoredEvent[] = [
  { name: 'person created by hand', type: 'person_created', payload: {} },
  { name: 'person edited', type: 'person_updated', payload: { fields: ['givenName', 'city', 'guardians'] } },
  {
    name: 'person updated by a population list (column names)',
    type: 'person_updated',
    payload: { fields: ['street_address', 'postal_code', 'city'], source: 'population_list' },
  },
  { name: 'case opened', type: 'case_opened', payload: {} },
  {
    name: 'contact person set',
    type: 'contact_person_changed',
    payload: { from: null, to: { id: STAFF, name: 'Test Coach' } },
  },
  {
    name: 'contact person set, first demo (id only)',
    type: 'contact_person_changed',
    payload: { from: null, to: { id: STAFF } },
  },
  {
    name: 'contact person removed',
    type: 'contact_person_changed',
    payload: { from: { id: OTHER_STAFF, name: 'Test Colleague' }, to: null },
  },
  { name: 'case status changed', type: 'case_status_changed', payload: { from: 'new', to: 'contacting' } },
  { name: 'note', type: 'note', payload: { text: 'Ringde och pratade om praktik.' } },
  {
    name: 'entered the register (reconciliation)',
    type: 'register_entered',
    payload: { reason: 'dropped_out', asOf: '2026-08-15' },
  },
  { name: 'entered the register, first demo (no date)', type: 'register_entered', payload: { reason: 'moved_in' } },
  {
    name: 'left the register (reconciliation)',
    type: 'register_left',
    payload: { reason: 'started_upper_secondary', rule: 'notInUpperSecondary', asOf: '2026-09-01' },
  },
  { name: 'left the register, first demo (no rule, no date)', type: 'register_left', payload: { reason: 'moved_out' } },
  {
    name: 'contact attempt with occupation and agreement',
    type: 'contact_attempt',
    payload: { channel: 'phone', outcome: 'reached', occupation: 'work', agreed: 'Ses på torsdag.', note: null },
  },
  {
    name: 'contact attempt, first version (channel and outcome only)',
    type: 'contact_attempt',
    payload: { channel: 'sms', outcome: 'no_answer' },
  },
  {
    name: 'letter recorded as reached before the stricter rule',
    type: 'contact_attempt',
    payload: { channel: 'letter', outcome: 'reached' },
  },
  {
    name: 'check step',
    type: 'contact_attempt',
    payload: { channel: 'verify_school', outcome: 'dropout_confirmed', occupation: null, agreed: null, note: null },
  },
  {
    name: 'school notification',
    type: 'school_notification',
    category: 'assessment_plan',
    payload: {
      kind: 'absence',
      date: '2026-11-02',
      schoolUnitCode: '87654321',
      schoolUnitName: null,
      message: 'Har inte varit här sedan oktober.',
      notificationId: ID,
    },
  },
  { name: 'team changed', type: 'team_changed', payload: { to: { id: ID, name: 'Ungdomsteamet' } } },
  { name: 'taken from its team', type: 'team_changed', payload: { to: null } },
  {
    name: 'consent recorded',
    type: 'consent_recorded',
    payload: { consentId: ID, categories: ['contact_occupation', 'assessment_plan'], recipients: 2, validUntil: null },
  },
  { name: 'consent recorded, first demo (id only)', type: 'consent_recorded', payload: { consentId: ID } },
  { name: 'consent withdrawn', type: 'consent_withdrawn', payload: { consentId: ID } },
  {
    name: 'application received',
    type: 'application_received',
    category: 'assessment_plan',
    payload: { applicationId: ID, referrer: 'school' },
  },
  {
    name: 'application decided',
    type: 'application_decided',
    category: 'assessment_plan',
    payload: { applicationId: ID, status: 'accepted' },
  },
  {
    name: 'next step changed',
    type: 'next_step_changed',
    payload: { channel: 'home_visit', dueOn: '2026-12-10', reason: 'Svarar aldrig i telefon.' },
  },
  {
    name: 'meeting booked',
    type: 'meeting_booked',
    payload: { kind: 'home_visit', startsAt: '2026-12-10T09:00:00.000Z', staff: [{ id: STAFF, name: 'Test Coach' }] },
  },
];

/** Staff ids the stored events name, for tests that resolve names. */
export const STORED_STAFF = { coach: STAFF, colleague: OTHER_STAFF };
