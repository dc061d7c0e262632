/** Rules of emergency access that the server enforces and the web form checks before sending. */
import type { Role } from './roles.js';

/** The fewest characters an emergency-access reason may have (after trimming). */
export const EMERGENCY_REASON_MIN_LENGTH = 20;

/** The roles that can be allowed emergency access (a municipal setting chooses among them). */
export const EMERGENCY_ROLES = ['coordinator', 'youth_coach', 'team_member'] as const satisfies readonly Role[];
export type EmergencyRole = (typeof EMERGENCY_ROLES)[number];

/** True when `reason` is long enough to say why the access is needed. */
export function emergencyReasonLongEnough(reason: string): boolean {
  return [...reason.trim()].length >= EMERGENCY_REASON_MIN_LENGTH;
}
