/** Every migration, by its timestamped name. Add new ones here in order. */
import type { Migration } from 'kysely';
import * as foundation from './20261125090000_foundation.js';
import * as register from './20261125120000_register.js';
import * as stagingPartitions from './20261125150000_staging_partitions.js';
import * as consent from './20261126090000_consent.js';
import * as outreach from './20261126100000_outreach.js';
import * as kaaUnits from './20261126110000_kaa_units.js';
import * as smsOutbox from './20261127090000_sms_outbox.js';
import * as populationKeyByPerson from './20261201090000_population_key_by_person.js';
import * as honestAttempts from './20261206100000_honest_attempts.js';
import * as populationShrinkGuard from './20261206120000_population_shrink_guard.js';
import * as notificationRouting from './20261206140000_notification_routing.js';
import * as emergencyLimits from './20261206150000_emergency_limits.js';
import * as accessReviewDenied from './20261206160000_access_review_denied.js';
import * as signInCodes from './20261206151000_sign_in_codes.js';
import * as noteIdempotency from './20261206180000_note_idempotency.js';
import * as actionPlans from './20261207090000_action_plans.js';
import * as unitsActiveStaffProfession from './20261207100000_units_active_staff_profession.js';
import * as assessments from './20261207110000_assessments.js';
import * as measures from './20261207130000_measures.js';
import * as planDetails from './20261207120000_plan_details.js';
import * as figures from './20261208100000_figures.js';
import * as caseOutcomes from './20261208090000_case_outcomes.js';
import * as listIndexes from './20261208120000_list_indexes.js';
import * as auditSeals from './20261208121000_audit_seals.js';
import * as youngPersonSignIn from './20261209130000_young_person_sign_in.js';
import * as teamMeetings from './20261209110000_team_meetings.js';
import * as caseloadCapacity from './20261209140000_caseload_capacity.js';
import * as schedule from './20261209120000_schedule.js';
import * as meetingSeriesVersion from './20261210110000_meeting_series_version.js';
import * as activityClosedPeriods from './20261213100000_activity_closed_periods.js';
import * as activities from './20261209100000_activities.js';
import * as youngPersonEvaluations from './20261210120000_young_person_evaluations.js';
import * as figureIndexes from './20261210100000_figure_indexes.js';
import * as signatureRequests from './20261212100000_signature_requests.js';
import * as assessmentSectionShares from './20261216100000_assessment_section_shares.js';
import * as signInCodeChannel from './20261215100000_sign_in_code_channel.js';
import * as emailSending from './20261222100000_email_sending.js';
import * as noteShares from './20261222110000_note_shares.js';
import * as queueDueDates from './20261220100000_queue_due_dates.js';
import * as queueDueDesc from './20261225100000_queue_due_desc.js';
import * as caseMilestones from './20261224100000_case_milestones.js';
import * as contactAttemptsAtCovering from './20261226100000_contact_attempts_at_covering.js';
import * as caseMilestonesByPerson from './20261228100000_case_milestones_by_person.js';
import * as caseMilestonesGenericPlan from './20261230100000_case_milestones_generic_plan.js';
import * as refreshCaseMilestonesByPerson from './20261230110000_refresh_case_milestones_by_person.js';
import * as openCasesByContactPerson from './20261227100000_open_cases_by_contact_person.js';

export const migrations: Record<string, Migration> = {
  '20261125090000_foundation': foundation,
  '20261125120000_register': register,
  '20261125150000_staging_partitions': stagingPartitions,
  '20261126090000_consent': consent,
  '20261126100000_outreach': outreach,
  '20261126110000_kaa_units': kaaUnits,
  '20261127090000_sms_outbox': smsOutbox,
  '20261201090000_population_key_by_person': populationKeyByPerson,
  '20261206100000_honest_attempts': honestAttempts,
  '20261206120000_population_shrink_guard': populationShrinkGuard,
  '20261206140000_notification_routing': notificationRouting,
  '20261206150000_emergency_limits': emergencyLimits,
  '20261206160000_access_review_denied': accessReviewDenied,
  '20261206151000_sign_in_codes': signInCodes,
  '20261206180000_note_idempotency': noteIdempotency,
  '20261207090000_action_plans': actionPlans,
  '20261207100000_units_active_staff_profession': unitsActiveStaffProfession,
  '20261207110000_assessments': assessments,
  '20261207130000_measures': measures,
  '20261207120000_plan_details': planDetails,
  '20261208100000_figures': figures,
  '20261208090000_case_outcomes': caseOutcomes,
  '20261208120000_list_indexes': listIndexes,
  '20261208121000_audit_seals': auditSeals,
  '20261209130000_young_person_sign_in': youngPersonSignIn,
  '20261209110000_team_meetings': teamMeetings,
  '20261209140000_caseload_capacity': caseloadCapacity,
  '20261209120000_schedule': schedule,
  '20261209100000_activities': activities,
  '20261210120000_young_person_evaluations': youngPersonEvaluations,
  '20261210100000_figure_indexes': figureIndexes,
  '20261210110000_meeting_series_version': meetingSeriesVersion,
  '20261213100000_activity_closed_periods': activityClosedPeriods,
  '20261212100000_signature_requests': signatureRequests,
  '20261216100000_assessment_section_shares': assessmentSectionShares,
  '20261215100000_sign_in_code_channel': signInCodeChannel,
  '20261222100000_email_sending': emailSending,
  '20261222110000_note_shares': noteShares,
  '20261220100000_queue_due_dates': queueDueDates,
  '20261225100000_queue_due_desc': queueDueDesc,
  '20261224100000_case_milestones': caseMilestones,
  '20261226100000_contact_attempts_at_covering': contactAttemptsAtCovering,
  '20261227100000_open_cases_by_contact_person': openCasesByContactPerson,
  '20261228100000_case_milestones_by_person': caseMilestonesByPerson,
  '20261230100000_case_milestones_generic_plan': caseMilestonesGenericPlan,
  '20261230110000_refresh_case_milestones_by_person': refreshCaseMilestonesByPerson,
};
