/** What a staff password must be. Zod-free, so the change-password form says what the server checks. */

/** The fewest characters a new password may have. */
export const PASSWORD_MIN_LENGTH = 12;

/** The most characters a password may have (longer input is refused before hashing). */
export const PASSWORD_MAX_LENGTH = 200;
