/** Table types for Kysely, one interface per table, as the migrations create them. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<
  Record<string, unknown>,
  string | Record<string, unknown> | undefined,
  string | Record<string, unknown>
>;

export interface MunicipalitiesTable {
  id: Generated<string>;
  code: string;
  name: string;
  created_at: Timestamp;
  emergency_access_hours: Generated<number>;
  emergency_daily_limit: Generated<number>;
  emergency_roles: Generated<string[]>;
  /** Null: the KAA's own units. */
  emergency_unit_ids: string[] | null;
  /** Whether the young person's access log names the staff who read their data (else unit and role only). */
  young_person_sees_staff_names: Generated<boolean>;
}
export interface UnitsTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: 'municipal' | 'external';
  kaa: Generated<boolean>;
  active: Generated<boolean>;
}
export interface StaffTable {
  id: Generated<string>;
  municipality_id: string;
  unit_id: string | null;
  email: string;
  name: string;
  role: string;
  /** One of PROFESSIONS (src/core/professions.ts), or null when not set. */
  profession: string | null;
  active: Generated<boolean>;
  password_hash: string;
  must_change_password: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Open cases the contact person can hold (issue 15); null: the municipality's figure setting. */
  caseload_capacity: number | null;
}
export interface TeamsTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  unit_id: string | null;
  /** The team meeting's series: ISO weekday (1 Monday), time HH:MM, place, and who leads it. */
  meeting_weekday: number | null;
  meeting_time: string | null;
  meeting_place: string | null;
  meeting_lead_id: string | null;
  /** The series' version: a change is made on the version read (409 when stale). */
  meeting_series_version: Generated<number>;
}
export interface TeamMembersTable {
  team_id: string;
  staff_id: string;
}
export interface PersonsTable {
  id: Generated<string>;
  municipality_id: string;
  personal_identity_number: string;
  birth_date: string;
  given_name: string;
  family_name: string;
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  /** Who gave the phone number: a sign-in code goes only to a detail the young person gave; null when not recorded. */
  phone_given_by: ContactGivenBy | null;
  /** Who gave the e-mail address (as `phone_given_by`). */
  email_given_by: ContactGivenBy | null;
  /** Where the young person's sign-in code goes, chosen by the contact person. */
  sign_in_code_channel: Generated<'sms' | 'email'>;
  protected_identity: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
/** Who gave one of the young person's own contact details. */
export type ContactGivenBy = 'young_person' | 'someone_else';
export interface GuardiansTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  position: number;
  name: string;
  relation: string | null;
  phone: string | null;
  email: string | null;
}
export interface ProtectedIdentityGrantsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  staff_id: string;
  granted_by: string;
  reason: string;
  granted_at: Timestamp;
}
export interface RegisterPeriodsTable {
  id: Generated<string>;
  rule: string | null;
  municipality_id: string;
  person_id: string;
  entered_on: string;
  entry_reason: string;
  left_on: string | null;
  leave_reason: string | null;
  source: Json;
  created_at: Timestamp;
  /** The due date of the next step in force while open, kept by triggers (migration 20261220100000). */
  next_due_on: Generated<string | null>;
}
export interface CasesTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  status: 'new' | 'contacting' | 'active' | 'closed';
  contact_person_id: string | null;
  team_id: string | null;
  opened_at: Timestamp;
  closed_at: Date | null;
  version: Generated<number>;
  /** core/outcomes TARGET_GROUPS; 'kaa' set by a trigger from the register on insert, never by a request. */
  target_group: ColumnType<
    'kaa' | 'young_adult' | 'other',
    'kaa' | 'young_adult' | 'other' | undefined,
    'young_adult' | 'other'
  >;
  upper_secondary_diploma: Generated<'yes' | 'no' | 'unknown'>;
  /** core/outcomes DOCUMENTED_PROBLEMS (health and social category). */
  documented_problems: Generated<string[]>;
  /**
   * core/outcomes OUTCOME_CODE_LIST code, under `outcome_list_version`; null while open (or closed before outcomes).
   */
  outcome: string | null;
  outcome_list_version: string | null;
  outcome_study_form: string | null;
  closed_on: string | null;
  closed_by: string | null;
  closing_note: string | null;
  /** Occupation at closure, from core/outreach's OCCUPATION_CODE_LIST as a contact attempt's. */
  closing_occupation: string | null;
  closing_occupation_list_version: number | null;
  /** The closed case this one takes on again. */
  previous_case_id: string | null;
  /**
   * The outcome report's milestones, kept by triggers (migration 20261224100000): the start (register entry
   * or opening day), the first conversation, completed assessment and measure from it, and the register's
   * word on the diploma by the closing day (core's diplomaFromRegister).
   */
  started_on: Generated<string | null>;
  first_contact_on: Generated<string | null>;
  assessed_on: Generated<string | null>;
  first_measure_on: Generated<string | null>;
  register_diploma: Generated<'yes' | 'no' | null>;
  /** The person's birth date and gender for figures (identity number's gender digit), kept by a trigger. */
  person_birth_date: Generated<string | null>;
  person_gender: Generated<'female' | 'male' | null>;
}
/** A follow-up of a closed case `months` after closure; `result` null until recorded. */
export interface CaseFollowUpsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  case_id: string;
  months: number;
  due_on: string;
  result: 'same_occupation' | 'other_occupation' | 'back_without_occupation' | 'not_reached' | null;
  occupation: string | null;
  occupation_list_version: number | null;
  note: string | null;
  recorded_on: string | null;
  recorded_by: string | null;
  /** The case opened when the young person was taken on again. */
  new_case_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}
/** One living action plan per case; `version` counts its saved versions. */
export interface ActionPlansTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  case_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
  follow_up_on: string | null;
  evaluation: string | null;
  evaluated_on: string | null;
  created_by: string | null;
}
/** A sub-goal of a plan goal (current version; earlier ones are in plan_versions). */
export interface PlanSubgoalsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  plan_id: string;
  goal_id: string;
  title: string;
  done: Generated<boolean>;
  position: Generated<number>;
}
/** A step of a plan goal: who is responsible, its dates and status (current version). */
export interface PlanStepsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  plan_id: string;
  goal_id: string;
  title: string;
  responsible_kind: 'young_person' | 'unit' | 'other';
  responsible_unit_id: string | null;
  responsible_other: string | null;
  start_on: string | null;
  due_on: string | null;
  status: Generated<'planned' | 'ongoing' | 'done' | 'stopped'>;
  ended_on: string | null;
  end_reason: string | null;
  follow_up_on: string | null;
  position: Generated<number>;
}
/** Every saved version of a plan, whole (core's planDocument), with what changed. */
export interface PlanVersionsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  plan_id: string;
  version: number;
  document: Json;
  summary: Json;
  changed_by: string | null;
  changed_at: Generated<Date>;
}
/** The young person's (or guardian's) signature of one plan version; `scan` is the signed paper. */
export interface PlanSignaturesTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  plan_id: string;
  version: number;
  signed_by: 'young_person' | 'guardian';
  method: 'in_lotsa' | 'paper';
  signed_on: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
  scan: Buffer | null;
  scan_content_type: string | null;
  scan_file_name: string | null;
}
/** A municipality's own goal areas; while it has none, core's default list applies. */
export interface PlanGoalAreasTable {
  municipality_id: string;
  code: string;
  name_sv: string;
  name_en: string;
  active: Generated<boolean>;
  position: Generated<number>;
}

/** A goal of an action plan; its id is stable across plan versions, removed goals keep their row. */
export interface PlanGoalsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  plan_id: string;
  area: string;
  title: string;
  own_words: string | null;
  /** True when the young person wrote the own words themselves, in /mitt. */
  own_words_by_young_person: Generated<boolean>;
  position: Generated<number>;
  created_at: Timestamp;
  removed_at: Timestamp | null;
}
/** One version of a municipality's assessment manual; sections as JSON (core's ManualSection[]). */
export interface AssessmentManualsTable {
  id: Generated<string>;
  municipality_id: string;
  version: number;
  sections: ColumnType<unknown[], string, string>;
  created_at: Timestamp;
  created_by: string | null;
}
/** An assessment of a person: a draft, or completed and read-only; a revision is a new row with the next number. */
export interface AssessmentsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  case_id: string | null;
  manual_id: string;
  number: number;
  revises_id: string | null;
  status: Generated<'draft' | 'completed'>;
  version: Generated<number>;
  participants: ColumnType<Record<string, unknown>, string | undefined, string>;
  highest_education: string | null;
  diploma: 'yes' | 'no' | 'unknown' | null;
  needs: ColumnType<unknown[] | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  completed_at: Timestamp | null;
  completed_on: string | null;
  completed_by: string | null;
}
/** One answer of an assessment, in its section's consent category. */
export interface AssessmentAnswersTable {
  assessment_id: string;
  municipality_id: string;
  person_id: string;
  question_key: string;
  section_key: string;
  category: 'contact_occupation' | 'assessment_plan' | 'health_social';
  answer: string;
}
/** An assessment section staff shared with the young person (no row: not shared). */
export interface AssessmentSectionSharesTable {
  assessment_id: string;
  section_key: string;
  municipality_id: string;
  person_id: string;
  shared_at: Timestamp;
  shared_by: string | null;
}
/** An offer in a municipality's catalogue of measures (kind from core's OFFER_KIND_LIST, of the version stored). */
export interface OffersTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: string;
  kind_list_version: string;
  study_form: string | null;
  description: string | null;
  provider_unit_id: string | null;
  provider_name: string | null;
  location: string | null;
  capacity: number | null;
  cost_amount: number | null;
  cost_unit: 'week' | 'participant' | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
/** A young person's measure; `follow_ups` and `placement` hold core's followUpSchema list and placementSchema. */
export interface MeasuresTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  case_id: string | null;
  offer_id: string;
  goal_id: string | null;
  starts_on: string;
  planned_end_on: string | null;
  ended_on: string | null;
  end_reason: string | null;
  follow_ups: ColumnType<unknown, string | undefined, string>;
  evaluation: string | null;
  placement: ColumnType<unknown, string | null, string | null>;
  category: Generated<'contact_occupation' | 'assessment_plan' | 'health_social'>;
  version: Generated<number>;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** core's WeeklyHours: the weekdays and times the measure takes place. */
  weekly_hours: ColumnType<unknown, string | undefined, string>;
}
/** A referral of a young person to another agency (guiding onward). */
export interface ReferralsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  case_id: string | null;
  agency: string;
  agency_name: string | null;
  sent_on: string;
  reason: string | null;
  accompanied: Generated<boolean>;
  first_visit_on: string | null;
  status: Generated<string>;
  outcome: string | null;
  category: 'contact_occupation' | 'assessment_plan' | 'health_social';
  version: Generated<number>;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
/**
 * An event payload checked against core's schema of its type; only `eventRow`/`eventPayload` (db/events.ts) make one.
 */
export type CheckedEventPayload = string & { readonly __checkedAgainstEventSchema: true };
export interface EventsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  case_id: string | null;
  type: string;
  /** Written only as a CheckedEventPayload, so an unchecked payload fails the type check. */
  payload: ColumnType<Record<string, unknown>, CheckedEventPayload, CheckedEventPayload>;
  actor_id: string | null;
  occurred_at: Timestamp;
  recorded_at: Timestamp;
  corrects_event_id: string | null;
  category: 'contact_occupation' | 'assessment_plan' | 'health_social' | null;
  idempotency_key: string | null;
}
export interface SessionsTable {
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
}
export interface LoginFailuresTable {
  id: Generated<string>;
  email: string;
  ip: string | null;
  at: Timestamp;
}
export interface AuditLogTable {
  id: Generated<string>;
  at: Date;
  municipality_id: string | null;
  actor_id: string | null;
  person_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  ip: string | null;
  detail: Json;
}

/** A seal: an audit entry's place in the hash chain, the previous entry's hash and its own (audit/seal.ts). */
export interface AuditSealsTable {
  position: string;
  entry_id: string;
  prev_hash: string;
  hash: string;
  sealed_at: Generated<Date>;
}

/** The audit entries not yet sealed, filled by a trigger on the log. */
export interface AuditUnsealedTable {
  entry_id: string;
}

/** The whole database, as Kysely sees it. */
/** A one-time sign-in code of a young person (only its hash is kept). */
export interface YoungPersonCodesTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Date | null;
  failed_attempts: Generated<number>;
  ip: string | null;
  /** Where the code was sent. */
  channel: Generated<'sms' | 'email'>;
}
/** A code request or a failed sign-in of a young person, by a hash of the identity number. */
export interface YoungPersonSignInAttemptsTable {
  id: Generated<string>;
  kind: 'code_request' | 'failed_login';
  account: string;
  ip: string | null;
  at: Timestamp;
}
/** A young person's session; `method` is how it was opened, which changes nothing of what it sees. */
export interface YoungPersonSessionsTable {
  id: string;
  municipality_id: string;
  person_id: string;
  method: 'sms_code' | 'email_code' | 'eid';
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
}
/** The young person's own sign-in (features/me). */
export interface YoungPersonDatabase {
  young_person_codes: YoungPersonCodesTable;
  young_person_sign_in_attempts: YoungPersonSignInAttemptsTable;
  young_person_sessions: YoungPersonSessionsTable;
  young_person_evaluations: YoungPersonEvaluationsTable;
  signature_requests: SignatureRequestsTable;
}
/**
 * A consent or an application the contact person prepared for the young person to sign in /mitt; it counts
 * only once signed (then `consent_id` or `application_id` names what it became). `content` is core's
 * `SignatureRequestContent`.
 */
export interface SignatureRequestsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  kind: 'consent' | 'application';
  content: Json;
  prepared_by: string;
  prepared_at: Timestamp;
  signed_at: Date | null;
  consent_id: string | null;
  application_id: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
}
/** A young person's short evaluation of one of their measures or activities (1 to 5, and what could be better). */
export interface YoungPersonEvaluationsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  measure_id: string | null;
  activity_id: string | null;
  usefulness: number;
  better: string | null;
  answered_at: Timestamp;
}

export interface Database
  extends
    RegisterDatabase,
    ConsentDatabase,
    OutreachDatabase,
    FiguresDatabase,
    TeamMeetingDatabase,
    ScheduleDatabase,
    YoungPersonDatabase {
  municipalities: MunicipalitiesTable;
  units: UnitsTable;
  staff: StaffTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  persons: PersonsTable;
  guardians: GuardiansTable;
  protected_identity_grants: ProtectedIdentityGrantsTable;
  register_periods: RegisterPeriodsTable;
  cases: CasesTable;
  case_follow_ups: CaseFollowUpsTable;
  events: EventsTable;
  action_plans: ActionPlansTable;
  plan_goals: PlanGoalsTable;
  assessment_manuals: AssessmentManualsTable;
  assessments: AssessmentsTable;
  assessment_section_shares: AssessmentSectionSharesTable;
  assessment_answers: AssessmentAnswersTable;
  offers: OffersTable;
  measures: MeasuresTable;
  referrals: ReferralsTable;
  plan_subgoals: PlanSubgoalsTable;
  plan_steps: PlanStepsTable;
  plan_versions: PlanVersionsTable;
  plan_signatures: PlanSignaturesTable;
  plan_goal_areas: PlanGoalAreasTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  audit_seals: AuditSealsTable;
  audit_unsealed: AuditUnsealedTable;
  activities: ActivitiesTable;
  activity_session_changes: ActivitySessionChangesTable;
  activity_enrolments: ActivityEnrolmentsTable;
  attendance_entries: AttendanceEntriesTable;
}

export interface ImportsTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'population' | 'enrolments';
  file_name: string;
  file_sha256: string;
  upload_path: string;
  status: 'queued' | 'running' | 'needs_mapping' | 'needs_review' | 'ready' | 'failed';
  mapping: Json | null;
  headers: ColumnType<string[] | null, string | null | undefined, string | null>;
  rows_total: Generated<number>;
  rows_valid: Generated<number>;
  error_count: Generated<number>;
  accepted_by: string | null;
  accepted_at: Date | null;
  failure: string | null;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
  culled_at: Date | null;
  heartbeat_at: Date | null;
  /** For a population list held because it shrank: the previous list's residents it was compared with. */
  previous_residents: Generated<number | null>;
}
export interface ImportSchoolUnitsTable {
  import_id: string;
  school_unit_code: string;
}
export interface ReconciliationsTable {
  id: Generated<string>;
  municipality_id: string;
  as_of: string;
  population_import_id: string;
  enrolment_import_ids: ColumnType<string[], string, string>;
  entered: number;
  left_register: number;
  changed: number;
  in_register: number;
  applied_by: string | null;
  applied_at: Timestamp;
}
export interface ImportErrorsTable {
  import_id: string;
  line: number;
  column_name: string | null;
  code: string;
  value: string | null;
  blocking: boolean;
}
export interface PopulationRowsTable {
  import_id: string;
  municipality_id: string;
  line: number;
  personal_identity_number: string;
  given_name: string;
  family_name: string;
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  municipality_code: string;
  protected_identity: boolean;
  registered_since: string | null;
}
export interface EnrolmentRowsTable {
  import_id: string;
  municipality_id: string;
  line: number;
  personal_identity_number: string;
  school_unit_code: string;
  school_unit_name: string | null;
  school_type: string;
  programme_code: string | null;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  qualification: string | null;
}
export interface ImportMappingsTable {
  id: Generated<string>;
  municipality_id: string;
  kind: string;
  name: string;
  headers: Json;
  mapping: Json;
  created_at: Timestamp;
}
export interface JobsTable {
  id: Generated<string>;
  municipality_id: string;
  kind: string;
  payload: Json;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: Generated<number>;
  total: number | null;
  result: Json | null;
  error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
  heartbeat_at: Date | null;
}
export interface NotificationsTable {
  id: Generated<string>;
  municipality_id: string;
  reporter_municipality_id: string;
  submitted_by: string;
  personal_identity_number: string;
  school_unit_code: string;
  school_unit_name: string | null;
  kind: 'dropout' | 'absence' | 'programme_change';
  occurred_on: string;
  message: string | null;
  routed: boolean;
  person_id: string | null;
  status: 'inbox' | 'on_timeline' | 'handled';
  handled_by: string | null;
  handled_at: Date | null;
  outcome: string | null;
  outcome_note: string | null;
  submitted_at: Timestamp;
  /** A RoutingNote (core/register-schemas.ts) when the coordinator should verify the home municipality. */
  routing_note: Json | null;
}

/** Municipalities whose population lists `municipality_id` lets route its schools' notifications. */
export interface MunicipalityTrustsTable {
  municipality_id: string;
  trusted_municipality_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** Tables of the register issue. */
export interface RegisterDatabase {
  imports: ImportsTable;
  import_errors: ImportErrorsTable;
  population_rows: PopulationRowsTable;
  enrolment_rows: EnrolmentRowsTable;
  import_school_units: ImportSchoolUnitsTable;
  reconciliations: ReconciliationsTable;
  import_mappings: ImportMappingsTable;
  jobs: JobsTable;
  notifications: NotificationsTable;
  municipality_trusts: MunicipalityTrustsTable;
}

export interface OutreachSettingsTable {
  municipality_id: string;
  settings: Json;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}
export interface ContactAttemptsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  period_id: string | null;
  event_id: string;
  channel: string;
  outcome: string;
  at: Timestamp;
  staff_id: string;
  occupation: string | null;
  occupation_list_version: number | null;
  agreed: string | null;
  note: string | null;
  idempotency_key: string | null;
  recorded_at: Timestamp;
}
export interface NextStepsTable {
  person_id: string;
  municipality_id: string;
  period_id: string | null;
  channel: string | null;
  due_on: string | null;
  override_reason: string | null;
  set_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}
export interface MessageTemplatesTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'letter' | 'second_letter' | 'home_visit_notice' | 'sms';
  language: 'sv' | 'en';
  heading: string;
  body: string;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}
/** The e-mail outbox: today only sign-in codes, kept for the contact person to pass on. */
export interface EmailMessagesTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  to_address: string;
  subject: string;
  body: string;
  provider: 'outbox' | 'smtp';
  /** The SMTP server's message id, once it took the message. */
  provider_id: string | null;
  status: 'stored' | 'sent' | 'failed';
  /** Why sending failed; null unless status is 'failed'. */
  failure_reason: EmailFailure | null;
  sent_by: string;
  purpose: 'sign_in_code';
  created_at: Timestamp;
  status_at: Timestamp;
}
/** Why an e-mail never reached the SMTP server: refused by it, no answer from it, or never handed over. */
export type EmailFailure = 'refused' | 'no_answer' | 'not_sent';
/** A note's sharing with the young person, changed after it was written (overrides the note's own flag). */
export interface NoteSharesTable {
  note_id: string;
  municipality_id: string;
  person_id: string;
  shared: boolean;
  changed_at: Timestamp;
  changed_by: string;
}
export interface SmsMessagesTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  recipient: 'young_person' | 'guardian';
  to_number: string;
  body: string;
  provider: 'outbox' | 'gateway';
  provider_id: string | null;
  status: 'stored' | 'sent' | 'delivered' | 'failed';
  /** Why sending failed; null when the gateway took the message (a later delivery report may still say 'failed'). */
  failure_reason: SmsFailure | null;
  sent_by: string;
  idempotency_key: string | null;
  created_at: Timestamp;
  status_at: Timestamp;
  /**
   * When the contact attempt for it was recorded (gateway accepted it, or staff confirmed an outbox message sent); null
   * while none is.
   */
  attempt_recorded_at: Date | null;
  /** Who confirmed that an outbox message was sent by other means. */
  confirmed_by: string | null;
  /** Outreach, or a young person's sign-in code (never a contact attempt). */
  purpose: Generated<'outreach' | 'sign_in_code'>;
}
/**
 * Why a message never reached the gateway: refused by it, no answer from it, or never handed over (the process
 * stopped).
 */
export type SmsFailure = 'refused' | 'no_answer' | 'not_sent';
export interface SmsOptOutsTable {
  municipality_id: string;
  number: string;
  opted_out_at: Timestamp;
}
export interface CentresTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
}
export interface MeetingsTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'meeting' | 'drop_in' | 'home_visit';
  starts_at: Timestamp;
  ends_at: Timestamp;
  staff_id: string;
  second_staff_id: string | null;
  centre_id: string | null;
  person_id: string | null;
  notice_due_on: string | null;
  notice_sent_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
  cancelled_at: Date | null;
  version: Generated<number>;
}
export interface CalendarFeedsTable {
  staff_id: string;
  token_hash: string;
  created_at: Timestamp;
}
/** The day a stricter outreach rule took effect (e.g. 'conversation_only_reached'), written by its migration. */
export interface OutreachRuleChangesTable {
  rule: string;
  applies_from: string;
  recorded_at: Timestamp;
}

/** Tables of the outreach issue (work queues, contact ladder, letters, SMS, calendar). */
export interface OutreachDatabase {
  outreach_settings: OutreachSettingsTable;
  contact_attempts: ContactAttemptsTable;
  next_steps: NextStepsTable;
  message_templates: MessageTemplatesTable;
  sms_messages: SmsMessagesTable;
  email_messages: EmailMessagesTable;
  note_shares: NoteSharesTable;
  sms_opt_outs: SmsOptOutsTable;
  centres: CentresTable;
  meetings: MeetingsTable;
  calendar_feeds: CalendarFeedsTable;
  outreach_rule_changes: OutreachRuleChangesTable;
}

export type ConsentCategoryColumn = 'contact_occupation' | 'assessment_plan' | 'health_social';
export interface ConsentsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  purpose: string;
  given_by: 'young_person' | 'guardian' | 'young_person_and_guardian';
  method: 'paper' | 'in_lotsa';
  given_on: string;
  valid_until: string | null;
  scan: Buffer | null;
  scan_content_type: string | null;
  scan_file_name: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_note: string | null;
}
export interface ConsentRecipientsTable {
  consent_id: string;
  unit_id: string;
}
export interface ConsentCategoriesTable {
  consent_id: string;
  category: ConsentCategoryColumn;
}
export interface EmergencyAccessTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  staff_id: string;
  reason: string;
  started_at: Timestamp;
  ends_at: Date;
}
export interface ApplicationsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  team_id: string;
  referrer: 'school' | 'social_services' | 'employment_service' | 'self';
  signed_on: string;
  status: 'received' | 'on_agenda' | 'accepted' | 'waiting_list' | 'declined';
  decision_note: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}
export interface EmergencyRequestsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  staff_id: string;
  reason: string;
  created_at: Timestamp;
  status: Generated<'pending' | 'approved' | 'denied'>;
  decided_by: string | null;
  decided_at: Date | null;
  emergency_access_id: string | null;
}
export interface SignInCodeRequestsTable {
  id: Generated<string>;
  municipality_id: string;
  staff_id: string;
  requested_by: string;
  reason: 'new_account' | 'reset';
  created_at: Timestamp;
  status: Generated<'pending' | 'issued'>;
  issued_by: string | null;
  issued_at: Date | null;
}
export interface StaffAlertsTable {
  id: Generated<string>;
  municipality_id: string;
  staff_id: string;
  kind: string;
  person_id: string | null;
  payload: Json;
  created_at: Timestamp;
  read_at: Date | null;
}
export interface AccessReviewsTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'outside_caseload' | 'emergency' | 'many_persons' | 'night' | 'denied';
  actor_id: string;
  person_id: string | null;
  day: string;
  reviewed_by: string;
  reviewed_at: Timestamp;
  note: string | null;
}

/** Tables of the consent issue. */
export interface ConsentDatabase {
  consents: ConsentsTable;
  consent_recipients: ConsentRecipientsTable;
  consent_categories: ConsentCategoriesTable;
  emergency_access: EmergencyAccessTable;
  applications: ApplicationsTable;
  staff_alerts: StaffAlertsTable;
  emergency_requests: EmergencyRequestsTable;
  sign_in_code_requests: SignInCodeRequestsTable;
  access_reviews: AccessReviewsTable;
}

/** A municipality's figure settings (core's FigureSettings as JSON; the defaults while there is no row). */
export interface FigureSettingsTable {
  municipality_id: string;
  settings: Json;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}
/** Tables of the figures issue (issue 15). */
export interface FiguresDatabase {
  figure_settings: FigureSettingsTable;
}

/** A team's meeting on one day. */
export interface TeamMeetingsTable {
  id: Generated<string>;
  municipality_id: string;
  team_id: string;
  held_on: string;
  meeting_time: string | null;
  place: string | null;
  lead_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}
/** Who attended a team meeting: a staff member, or a guest by name and role. */
export interface TeamMeetingAttendeesTable {
  id: Generated<string>;
  municipality_id: string;
  meeting_id: string;
  staff_id: string | null;
  guest_name: string | null;
  guest_role: string | null;
}
/** An item a member added to a meeting's agenda, about a young person or not. */
export interface TeamMeetingItemsTable {
  id: Generated<string>;
  municipality_id: string;
  meeting_id: string;
  person_id: string | null;
  kind: 'closing_proposed' | 'other';
  category: ConsentCategoryColumn;
  text: string;
  added_by: string | null;
  added_at: Timestamp;
}
/** A decision the lead recorded at a team meeting (append-only). */
export interface TeamMeetingDecisionsTable {
  id: Generated<string>;
  municipality_id: string;
  meeting_id: string;
  person_id: string;
  kind:
    | 'accepted'
    | 'waiting_list'
    | 'declined'
    | 'new_measure'
    | 'referral'
    | 'contact_person_change'
    | 'closing'
    | 'other';
  category: ConsentCategoryColumn;
  application_id: string | null;
  text: string | null;
  decided_by: string | null;
  decided_at: Timestamp;
}
/** Tables of the team meeting (issue 16). */
export interface TeamMeetingDatabase {
  team_meetings: TeamMeetingsTable;
  team_meeting_attendees: TeamMeetingAttendeesTable;
  team_meeting_items: TeamMeetingItemsTable;
  team_meeting_decisions: TeamMeetingDecisionsTable;
}
/** A contact person's addition to a young person's week: once on `on_date`, or weekly until `until_date`. */
export interface ScheduleAdditionsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  on_date: string;
  weekly: Generated<boolean>;
  until_date: string | null;
  /** HH:MM; none: the whole day. */
  start_time: string | null;
  end_time: string | null;
  title: string;
  place: string | null;
  category: Generated<'contact_occupation' | 'assessment_plan' | 'health_social'>;
  created_by: string | null;
  created_at: Timestamp;
  removed_at: Timestamp | null;
  removed_by: string | null;
}
/** A young person's own iCal feed of their week; the token is stored only as its hash. */
export interface ScheduleFeedsTable {
  person_id: string;
  municipality_id: string;
  token_hash: string;
  lang: Generated<'sv' | 'en'>;
  created_by: string | null;
  created_at: Timestamp;
}

/** Tables of the individual schedule (issue 16). */
export interface ScheduleDatabase {
  schedule_additions: ScheduleAdditionsTable;
  schedule_feeds: ScheduleFeedsTable;
}
/** A group activity a centre runs; `recurrence` holds core's recurrenceSchema. */
export interface ActivitiesTable {
  id: Generated<string>;
  municipality_id: string;
  unit_id: string | null;
  title: string;
  kind: string;
  leader_staff_ids: ColumnType<string[], string[] | undefined, string[]>;
  guest_leaders: ColumnType<string[], string[] | undefined, string[]>;
  place: string | null;
  capacity: number | null;
  recurrence: ColumnType<unknown, string, string>;
  /** Closed periods ({from, to, reason}[]): no session is planned on their days. */
  closed_periods: ColumnType<unknown, string | undefined, string>;
  starts_on: string;
  ends_on: string | null;
  offer_id: string | null;
  drop_in: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
/** A session cancelled or moved, by the day it was planned for. */
export interface ActivitySessionChangesTable {
  activity_id: string;
  occurs_on: string;
  cancelled: Generated<boolean>;
  moved_to: string | null;
  moved_start: string | null;
  moved_end: string | null;
  note: string | null;
  changed_by: string | null;
  changed_at: Timestamp;
}
/** A young person enrolled in an activity from a day, to a day or on. */
export interface ActivityEnrolmentsTable {
  id: Generated<string>;
  municipality_id: string;
  activity_id: string;
  person_id: string;
  from_on: string;
  to_on: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}
/** One attendance entry of a session (append-only; the latest per person or anonymous visitor wins). */
export interface AttendanceEntriesTable {
  id: Generated<string>;
  municipality_id: string;
  activity_id: string;
  occurs_on: string;
  person_id: string | null;
  anonymous_key: string | null;
  status: 'present' | 'absent' | 'excused' | 'late';
  category: Generated<'contact_occupation' | 'assessment_plan' | 'health_social'>;
  recorded_by: string | null;
  recorded_at: Timestamp;
}
