/**
 * The words of the audit log: what was done (action) to what kind of record (entity). Every audit
 * writer uses these types, so the log speaks only this vocabulary and the interface can name every
 * word in Swedish and English (a test fails when a text is missing). Add a word here when a new
 * kind of record is audited.
 */

/** What was done. */
export const AUDIT_ACTIONS = ['read', 'list', 'create', 'update', 'export', 'sign_in', 'sign_out', 'sign_in_failed', 'password_changed', 'password_change_failed', 'cull', 'denied'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** To what kind of record. */
export const AUDIT_ENTITIES = [
  'access_review',
  'alert',
  'application',
  'assessment',
  'assessment_manual',
  'assessments',
  'applications',
  'audit_log',
  'calendar_feed',
  'case',
  'consent',
  'consent_form',
  'consent_scan',
  'consents',
  'contact_attempt',
  'demo',
  'emergency_access',
  'emergency_request',
  'events',
  'extract',
  'follow_up',
  'import',
  'import_errors',
  'job',
  'letter',
  'measure',
  'measures',
  'meeting',
  'message_template',
  'next_step',
  'note',
  'notification',
  'notification_routing',
  'offer',
  'outreach',
  'outreach_settings',
  'person',
  'plan',
  'plan_goal_areas',
  'plan_pdf',
  'plan_scan',
  'plan_signature',
  'plan_versions',
  'protected_identity_grant',
  'reconciliation',
  'referral',
  'referrals',
  'register',
  'register_period',
  'settings',
  'sms',
  'sms_opt_out',
  'staff',
  'team',
  'unit',
  'scb_return',
  'outcome_report',
  'sign_in_code',
  'young_person',
  'access_log',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
