/**
 * A case's row trigger (migration 20261224100000) computes its milestones with one statement per row.
 * PostgreSQL plans such a statement anew for each row (a custom plan) as long as it guesses that cheaper than
 * its generic plan, and planning the milestones' look-ups costs more than running them: 20,000 cases inserted
 * in one statement took 2.5–3.9 s with the default and 1.6–2.7 s with the generic plan, and 18.8 s with a
 * custom plan every time. Every look-up is by the person's id, so the generic plan is the right one whatever
 * the parameters: the trigger function always uses it.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`alter function lotsa_case_milestones_of_row() set plan_cache_mode = force_generic_plan`]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`alter function lotsa_case_milestones_of_row() reset plan_cache_mode`]);
}
