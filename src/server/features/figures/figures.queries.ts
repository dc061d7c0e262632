/** Counts over a municipality's register and cases, for the start page. Counts only, never who. */
import { sql } from 'kysely';
import { contactPersonHasAccess, heldBy, type Actor } from '../../access/access.js';
import type { Db } from '../../db/connection.js';

/** How many persons are in the register now (a person has at most one open period). */
export function registerSize(db: Db, municipalityId: string) {
  return db
    .selectFrom('register_periods')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('left_on', 'is', null)
    .executeTakeFirstOrThrow();
}

/**
 * Cases per status, closed ones included, and of the open ones: all, without a contact person, the
 * actor's own, and those whose contact person may not open them (nobody's: not counted as theirs, but
 * shown to the coordinator). One pass over the municipality's cases grouped by status and contact
 * person (a few hundred groups), so each contact person's access is checked once, not once per case.
 */
export async function caseCounts(db: Db, actor: Actor) {
  const { rows } = await sql<{
    status: string;
    n: number;
    open: number;
    unassigned: number;
    mine: number;
    without_access: number;
  }>`select g.status, sum(g.n)::int as n,
      coalesce(sum(g.n) filter (where g.open), 0)::int as open,
      coalesce(sum(g.n) filter (where g.open and g.contact_person_id is null), 0)::int as unassigned,
      coalesce(sum(g.n) filter (where g.open and ${heldBy(actor, sql.ref('g.contact_person_id'))}), 0)::int as mine,
      coalesce(sum(g.n) filter (where g.open and g.contact_person_id is not null
        and not ${contactPersonHasAccess(sql.ref('g.contact_person_id'))}), 0)::int as without_access
    from (select status, contact_person_id, closed_at is null as open, count(*) as n from cases
      where municipality_id = ${actor.municipalityId} group by status, contact_person_id, closed_at is null) g
    group by g.status`.execute(db);
  const total = (key: 'open' | 'unassigned' | 'mine' | 'without_access') => rows.reduce((a, r) => a + r[key], 0);
  return {
    open: total('open'),
    unassigned: total('unassigned'),
    mine: total('mine'),
    without_access: total('without_access'),
    byStatus: rows.map((r) => ({ status: r.status, n: r.n })),
  };
}
