/** Why a person enters or leaves the KAA register (skollagen 29 kap. 9 §). Labels live in i18n. */
export const ENTRY_REASONS = ['dropped_out', 'never_started', 'certificate_only', 'moved_in', 'other'] as const;
export type EntryReason = (typeof ENTRY_REASONS)[number];

export const LEAVE_REASONS = ['turned_20', 'moved_out', 'started_upper_secondary', 'completed', 'other'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];
