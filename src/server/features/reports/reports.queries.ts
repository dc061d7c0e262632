/**
 * The SQL of the reports (issue 15): the SCB half-year return's five blocks and the register periods
 * its checks need, the outcome report's grouped counts and medians, and the figure settings. Counts
 * are aggregated in the database; rows with identity numbers are read only for those who may see them.
 * Every query filters on the municipality.
 */
import { sql } from 'kysely';
import { CONVERSATION_OUTCOMES } from '../../../core/outreach.js';
import { DEFAULT_FIGURE_SETTINGS, type FigureSettings } from '../../../core/figures.js';
import type { ScbBlock, ScbPeriod, ScbRow } from '../../../core/scb.js';
import type { Db } from '../../db/connection.js';

type Period = { from: string; to: string };

/** The figure settings in force for a municipality, and their row version (0 while the defaults apply). */
export async function loadFigureSettings(db: Db, municipalityId: string): Promise<{ settings: FigureSettings; version: number }> {
  const row = await db.selectFrom('figure_settings').select(['settings', 'version']).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row ? { settings: { ...DEFAULT_FIGURE_SETTINGS, ...(row.settings as Partial<FigureSettings>) }, version: row.version } : { settings: DEFAULT_FIGURE_SETTINGS, version: 0 };
}

type RawScbRow = { block: ScbBlock; person_id: string; pnr: string; day: string; code: string | null; key: string };

/**
 * The rows of the five SCB blocks for a half-year: registrations and de-registrations from the
 * register periods; each person's last conversation in the half with the occupation found; measures
 * started and ended in the half by persons who were in the register at some time in it.
 */
export async function scbRows(db: Db, municipalityId: string, { from, to }: Period): Promise<ScbRow[]> {
  const m = municipalityId;
  const inRegister = sql`exists (select 1 from register_periods r where r.person_id = x.person_id and r.municipality_id = ${m}
    and r.entered_on <= ${to}::date and (r.left_on is null or r.left_on >= ${from}::date))`;
  const { rows } = await sql<RawScbRow>`
    with x as (
      select 'registrations' as block, person_id, entered_on as day, entry_reason as code, entered_on::text as key
        from register_periods where municipality_id = ${m} and entered_on between ${from}::date and ${to}::date
      union all
      select * from (
        select distinct on (ca.person_id) 'contacts', ca.person_id, (ca.at at time zone 'Europe/Stockholm')::date, ca.occupation, ca.person_id::text
          from contact_attempts ca
          where ca.municipality_id = ${m} and ca.period_id is not null and ca.outcome in (${sql.join([...CONVERSATION_OUTCOMES])})
            and ca.at >= (${from}::date)::timestamp at time zone 'Europe/Stockholm'
            and ca.at < (${to}::date + 1)::timestamp at time zone 'Europe/Stockholm'
          order by ca.person_id, ca.at desc) c
      union all
      select 'measures_started', ms.person_id, ms.starts_on, o.kind, ms.id::text
        from measures ms join offers o on o.id = ms.offer_id
        where ms.municipality_id = ${m} and ms.starts_on between ${from}::date and ${to}::date
      union all
      select 'measures_ended', person_id, ended_on, end_reason, id::text
        from measures where municipality_id = ${m} and ended_on between ${from}::date and ${to}::date
      union all
      select 'deregistrations', person_id, left_on, leave_reason, left_on::text
        from register_periods where municipality_id = ${m} and left_on between ${from}::date and ${to}::date
    )
    select x.block, x.person_id, p.personal_identity_number as pnr, x.day::text as day, x.code, x.key
    from x join persons p on p.id = x.person_id
    where x.block in ('registrations', 'contacts', 'deregistrations') or ${inRegister}`.execute(db);
  return rows.map((r) => ({ block: r.block, personId: r.person_id, identityNumber: r.pnr.trim(), on: r.day, code: r.code, key: r.key }));
}

/** The register periods of the persons who started a measure in the half-year, for the check that each lies inside one. */
export async function scbPeriods(db: Db, municipalityId: string, { from, to }: Period): Promise<ScbPeriod[]> {
  const { rows } = await sql<{ person_id: string; entered_on: string; left_on: string | null }>`
    select r.person_id, r.entered_on::text, r.left_on::text from register_periods r
    where r.municipality_id = ${municipalityId} and r.person_id in (
      select person_id from measures where municipality_id = ${municipalityId} and starts_on between ${from}::date and ${to}::date)`.execute(db);
  return rows.map((r) => ({ personId: r.person_id, enteredOn: r.entered_on, leftOn: r.left_on }));
}
