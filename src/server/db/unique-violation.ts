/** PostgreSQL's unique_violation, as both drivers report it. */
const PG_UNIQUE_VIOLATION = '23505';

/** True when `err` is a unique-constraint violation (a duplicate insert). */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === PG_UNIQUE_VIOLATION;
}
