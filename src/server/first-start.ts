/**
 * What a start tells the operator, set apart from the request logs by rules: where Lotsa runs,
 * which municipality it serves and, until the first administrator has chosen a password, how to
 * sign in and how to change the municipality before the first real use.
 */
import type { FirstAdmin } from './bootstrap.js';
import type { Env } from './env.js';

const RULE = '='.repeat(72);

/** The start-up notice as lines; `where` names the database. */
export function startNotice(
  env: Pick<Env, 'publicUrl' | 'municipality'>,
  where: string,
  firstAdmin: FirstAdmin,
): string[] {
  const { code, name } = env.municipality;
  const lines = [RULE, `Lotsa is running at ${env.publicUrl} (${where}).`, `Municipality: ${name} (SCB code ${code}).`];
  if (firstAdmin) {
    lines.push(
      '',
      `Sign in as ${firstAdmin.email} with the one-time password:`,
      '',
      `    ${firstAdmin.oneTimePassword}`,
      '',
      'You then choose your own password. Until you do, each start prints a new one-time password.',
      '',
      `Not ${name}? Change it before the first real use: stop Lotsa, set LOTSA_MUNICIPALITY_CODE`,
      "to your municipality's four-digit SCB code (reference/municipalities.csv; LOTSA_MUNICIPALITY_NAME",
      'for another name), start from an empty database (a new LOTSA_DATA_DIR or DATABASE_URL) and',
      'start Lotsa again.',
    );
  }
  lines.push(RULE);
  return lines;
}
