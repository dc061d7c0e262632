/** Why a person enters or leaves the KAA register (skollagen 29 kap. 9 §). Labels live in i18n. */
export const ENTRY_REASONS = ['dropped_out', 'never_started', 'certificate_only', 'moved_in', 'other'] as const;
export type EntryReason = (typeof ENTRY_REASONS)[number];

export const LEAVE_REASONS = ['turned_20', 'moved_out', 'started_upper_secondary', 'completed', 'other'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

/** What a school reports about one of its pupils (skollagen 29 kap. 9 §, 15 kap. 15 §). Labels live in i18n. */
export const NOTIFICATION_KINDS = ['dropout', 'absence', 'programme_change'] as const;

/** What verifying a notification with the school can show. */
export const NOTIFICATION_OUTCOMES = ['verified_dropout', 'changing_programme', 'not_ours', 'other'] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A reconciliation that takes more than this share of the register out needs the number leaving confirmed. */
export const LEAVING_SHARE_TO_CONFIRM = 0.1;
/** …and so does one that takes more than this many persons out, whatever the register's size. */
export const LEAVING_COUNT_TO_CONFIRM = 20;

/**
 * Whether applying a reconciliation that takes `leaving` persons out of a register of
 * `inRegisterBefore` needs that number confirmed: one click must never empty the register.
 */
export function leavingNeedsConfirmation(leaving: number, inRegisterBefore: number): boolean {
  return leaving > LEAVING_COUNT_TO_CONFIRM || leaving > LEAVING_SHARE_TO_CONFIRM * inRegisterBefore;
}

/** A population list with fewer residents than this share of the previous list's is held for confirmation. */
export const POPULATION_SHARE_TO_CONFIRM = 0.9;

/**
 * Whether a population list of `residents` shrank enough against the previous list's `previousResidents` to be
 * confirmed before use.
 */
export function populationShrank(residents: number, previousResidents: number | null): boolean {
  return previousResidents !== null && residents < POPULATION_SHARE_TO_CONFIRM * previousResidents;
}
