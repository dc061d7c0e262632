/**
 * The SQL of the reports (issue 15): the SCB half-year return's five blocks and the register periods
 * its checks need, the outcome report's grouped counts and medians, and the figure settings. Counts
 * are aggregated in the database; rows with identity numbers are read only for those who may see them.
 * Every query filters on the municipality.
 */
import { sql, type RawBuilder } from 'kysely';
import { CONVERSATION_OUTCOMES } from '../../../core/outreach.js';
import { DEFAULT_FIGURE_SETTINGS, type FigureSettings, type MedianKey } from '../../../core/figures.js';
import {
  SCB_BLOCKS,
  scbCodeTable,
  type ScbBlock,
  type ScbCheck,
  type ScbCodeLists,
  type ScbFailure,
  type ScbPeriod,
  type ScbRow,
} from '../../../core/scb.js';
import type { Db } from '../../db/connection.js';
import { caseFilter, type FigureFilters } from './work-figures.queries.js';

type Period = { from: string; to: string };

/**
 * The gender for figures from an identity number (its gender digit, the 11th of 12): the report's
 * columns and the list of the cases behind them (`outcome-cases.queries.ts`) use this one rule.
 */
export const genderOfPnr = (pnr: RawBuilder<unknown>) =>
  sql<'female' | 'male'>`(case when substr(${pnr}, 11, 1)::int % 2 = 1 then 'male' else 'female' end)`;

/**
 * The diploma for figures (core's `diplomaForFigures`): yes when the case says so or the register lists
 * a completed exit by the closing day (`listsYes`); no when the case says so or the person was in the
 * register by then (`inRegister`); else unknown. Shared by the report and the list of its cases.
 */
export const diplomaForFigures = (
  recorded: RawBuilder<unknown>,
  listsYes: RawBuilder<unknown>,
  inRegister: RawBuilder<unknown>,
) =>
  sql<'yes' | 'no' | 'unknown'>`(case when ${recorded} = 'yes' or ${listsYes} then 'yes'
    when ${recorded} = 'no' or ${inRegister} then 'no' else 'unknown' end)`;

/**
 * Runs `query` in a transaction with PostgreSQL's JIT compiler off: the report queries are planned as
 * costly and JIT-compiled, which took 0.6 s of a 0.86 s outcome report in bench:figures (0.23 s without).
 * Its hash joins over a national register (500,000 periods, about 36 MB of hash table) get 64 MB of
 * working memory, so they are not split into batches written to disk.
 */
export async function withoutJit<T>(db: Db, query: (trx: Db) => Promise<T>): Promise<T> {
  const run = async (trx: Db) => {
    await sql`set local jit = off`.execute(trx);
    await sql`set local work_mem = '64MB'`.execute(trx);
    return query(trx);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** The figure settings in force for a municipality, and their row version (0 while the defaults apply). */
export async function loadFigureSettings(
  db: Db,
  municipalityId: string,
): Promise<{ settings: FigureSettings; version: number }> {
  const row = await db
    .selectFrom('figure_settings')
    .select(['settings', 'version'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return row
    ? { settings: { ...DEFAULT_FIGURE_SETTINGS, ...(row.settings as Partial<FigureSettings>) }, version: row.version }
    : { settings: DEFAULT_FIGURE_SETTINGS, version: 0 };
}

/**
 * The rows of SCB blocks for a half-year as one union (columns: block, person_id, day, code, key, outside),
 * for the return's rows (`scbRows`) and its counts and checks (`scbSummary`). `outside` is true for a
 * measure started outside every register period of its person (the `measure_outside_period` check), null
 * in the other blocks.
 *
 * The measure blocks keep a measure when its person was in the register at some time in the half: one
 * look-up of the person's periods per measure, by the register's index by person (an aggregate in a
 * lateral subquery, which the planner cannot turn into a join). As a semi join it hashed every register
 * period that overlapped the half (about 212,000 of a national register's 500,000) once per block, for
 * some 25,000 measures each. The same look-up tells whether the start lies inside one of the periods, so
 * the check needs no second probe.
 */
function scbBlocks(m: string, { from, to }: Period, blocks: readonly ScbBlock[]): RawBuilder<unknown> {
  const periodsOf = (alias: string, startsOn?: RawBuilder<unknown>) => sql`cross join lateral (
      select bool_or(r.left_on is null or r.left_on >= ${from}::date) as in_half${
        startsOn
          ? sql`, not coalesce(bool_or(r.municipality_id = ${m} and r.entered_on <= ${startsOn}
              and (r.left_on is null or r.left_on >= ${startsOn})), false) as outside`
          : sql``
      }
      from register_periods r where r.person_id = ${sql.ref(`${alias}.person_id`)} and r.entered_on <= ${to}::date
    ) ${sql.id(`${alias}_r`)}`;
  const parts: Record<ScbBlock, RawBuilder<unknown>> = {
    registrations: sql`
      select 'registrations' as block, person_id, entered_on as day, entry_reason as code, entered_on::text as key,
          null::boolean as outside
        from register_periods where municipality_id = ${m} and entered_on between ${from}::date and ${to}::date`,
    contacts: sql`
      select * from (
        select distinct on (ca.person_id) 'contacts', ca.person_id, (ca.at at time zone 'Europe/Stockholm')::date,
            ca.occupation, ca.person_id::text, null::boolean
          from contact_attempts ca
          where ca.municipality_id = ${m} and ca.period_id is not null
            and ca.outcome in (${sql.join([...CONVERSATION_OUTCOMES])})
            and ca.at >= (${from}::date)::timestamp at time zone 'Europe/Stockholm'
            and ca.at < (${to}::date + 1)::timestamp at time zone 'Europe/Stockholm'
          order by ca.person_id, ca.at desc) c`,
    measures_started: sql`
      select 'measures_started', ms.person_id, ms.starts_on, o.kind, ms.id::text, ms_r.outside
        from measures ms join offers o on o.id = ms.offer_id ${periodsOf('ms', sql`ms.starts_on`)}
        where ms.municipality_id = ${m} and ms.starts_on between ${from}::date and ${to}::date and ms_r.in_half`,
    measures_ended: sql`
      select 'measures_ended', me.person_id, me.ended_on, me.end_reason, me.id::text, null::boolean
        from measures me ${periodsOf('me')}
        where me.municipality_id = ${m} and me.ended_on between ${from}::date and ${to}::date and me_r.in_half`,
    deregistrations: sql`
      select 'deregistrations', person_id, left_on, leave_reason, left_on::text, null::boolean
        from register_periods where municipality_id = ${m} and left_on between ${from}::date and ${to}::date`,
  };
  return sql.join(
    blocks.map((b) => parts[b]),
    sql`
      union all`,
  );
}

type RawScbRow = { block: ScbBlock; person_id: string; pnr: string; day: string; code: string | null; key: string };

/**
 * The rows of the five SCB blocks for a half-year: registrations and de-registrations from the
 * register periods; each person's last conversation in the half with the occupation found; measures
 * started and ended in the half by persons who were in the register at some time in it. The identity
 * numbers are read only for the file (`identityNumbers`); the JSON's counts and checks go without them,
 * which spares a join with every person. Only the measure blocks ask whether the person was in the
 * register in the half, once per measure through the register's index by person.
 */
export async function scbRows(
  db: Db,
  municipalityId: string,
  { from, to }: Period,
  { identityNumbers = true, block }: { identityNumbers?: boolean; block?: ScbBlock } = {},
): Promise<ScbRow[]> {
  const x = scbBlocks(municipalityId, { from, to }, block ? [block] : SCB_BLOCKS);
  const { rows } = await withoutJit(db, (trx) =>
    sql<RawScbRow>`
    with x (block, person_id, day, code, key, outside) as (${x})
    ${
      identityNumbers
        ? sql`select x.block, x.person_id, p.personal_identity_number as pnr, x.day::text as day, x.code, x.key
            from x join persons p on p.id = x.person_id`
        : sql`select x.block, x.person_id, '' as pnr, x.day::text as day, x.code, x.key from x`
    }`.execute(trx),
  );
  return rows.map((r) => ({
    block: r.block,
    personId: r.person_id,
    identityNumber: r.pnr.trim(),
    on: r.day,
    code: r.code,
    key: r.key,
  }));
}

/**
 * The SCB return's counts per block and Lotsa code and its failed checks, made in the database so the
 * JSON reads a few dozen counts rather than every row (176,620 rows of a national half-year took
 * about 2.5 s to read and check in Node on a loaded machine). The checks are core's `scbChecks`, in SQL:
 * a route test holds the two to the same answer (`scb.routes.test.ts`). `counted_twice` groups only the
 * registrations and de-registrations (a person's register periods entered or left on one day): the other
 * blocks cannot repeat a key, since contacts are one row per person (`distinct on`, keyed by the person)
 * and each measure block one row per measure (keyed by its primary key; the join with its offer is by
 * the offer's primary key and the register look-up is an aggregate, one row each).
 */
export async function scbSummary(
  db: Db,
  municipalityId: string,
  period: Period,
  lists: ScbCodeLists,
): Promise<{ counts: { block: ScbBlock; code: string; n: number }[]; failures: ScbFailure[] }> {
  const m = municipalityId;
  const known = SCB_BLOCKS.flatMap((block) =>
    Object.keys(scbCodeTable(lists)[block]).map((code) => `${block}|${code}`),
  );
  const { rows } = await withoutJit(db, (trx) =>
    sql<{
      kind: 'count' | 'failure';
      block: ScbBlock;
      code: string | null;
      n: number | null;
      check_name: ScbCheck | null;
      person_id: string | null;
      day: string | null;
    }>`
    with x (block, person_id, day, code, key, outside) as materialized (${scbBlocks(m, period, SCB_BLOCKS)}),
    f (check_name, block, person_id, day) as (
      select 'counted_twice', d.block, d.person_id, d.day from (
        select block, person_id, min(day) as day, count(*) as n from x
        where block in ('registrations', 'deregistrations')
        group by block, person_id, key having count(*) > 1) d cross join generate_series(2, d.n)
      union all
      select 'measure_outside_period', block, person_id, day from x where outside
      union all
      select 'missing_reason', block, person_id, day from x where code is null and block <> 'contacts'
      union all
      select 'unknown_code', block, person_id, day from x
        where code is not null and not (block || '|' || code = any(${known}::text[]))
    )
    select 'count' as kind, block, coalesce(code, 'none') as code, count(*)::int as n, null as check_name,
      null::uuid as person_id, null as day
    from x group by block, coalesce(code, 'none')
    union all
    select 'failure', block, null, null, check_name, person_id, day::text from f`.execute(trx),
  );
  return {
    counts: rows.filter((r) => r.kind === 'count').map((r) => ({ block: r.block, code: r.code!, n: r.n! })),
    failures: rows
      .filter((r) => r.kind === 'failure')
      .map((r) => ({ check: r.check_name!, block: r.block, personId: r.person_id!, on: r.day! }))
      .sort(
        (a, b) =>
          SCB_BLOCKS.indexOf(a.block) - SCB_BLOCKS.indexOf(b.block) ||
          a.on.localeCompare(b.on) ||
          a.personId.localeCompare(b.personId) ||
          a.check.localeCompare(b.check),
      ),
  };
}

/** The register periods of the persons who started a measure in the half-year, for the check that each lies in one. */
export async function scbPeriods(db: Db, municipalityId: string, { from, to }: Period): Promise<ScbPeriod[]> {
  const { rows } = await sql<{ person_id: string; entered_on: string; left_on: string | null }>`
    select r.person_id, r.entered_on::text, r.left_on::text from register_periods r
    where r.municipality_id = ${municipalityId} and r.person_id in (
      select person_id from measures where municipality_id = ${municipalityId}
        and starts_on between ${from}::date and ${to}::date)`.execute(db);
  return rows.map((r) => ({ personId: r.person_id, enteredOn: r.entered_on, leftOn: r.left_on }));
}

type RawGroup = {
  total: boolean;
  outcome: string | null;
  gender: 'female' | 'male' | null;
  target_group: 'kaa' | 'young_adult' | 'other' | null;
  age_band: '16_17' | '18_19' | '20_25' | null;
  without_diploma: boolean | null;
  diploma_unknown: boolean | null;
  problems: boolean | null;
  in_time: boolean | null;
  n: number;
  to_contact: number | null;
  to_assessment: number | null;
  to_measure: number | null;
  to_outcome: number | null;
  n_contact: number | null;
  n_assessment: number | null;
  n_measure: number | null;
};

/** The day each median of the outcome report runs to (from `started_on`), a column of `derived` below. */
export const MEDIAN_END_COLUMNS: Record<MedianKey, string> = {
  toFirstContact: 'first_contact',
  toAssessment: 'assessed',
  toFirstMeasure: 'first_measure',
  toOutcome: 'closed_on',
};

/**
 * The outcome report's last step, `derived`, from a step `steps` with one row per closed case (`id`,
 * `person_id`, the outcome, target group, closing day, `started_on`, `first_contact`, `assessed`,
 * `first_measure`, `gender`, `birth_date`, `diploma`, `documented_problems`).
 */
const derivedStep = (months: number) => sql`derived as materialized (
      select s.id, s.person_id, s.outcome, s.target_group, s.closed_on, s.started_on,
        s.first_contact, s.assessed, s.first_measure,
        s.gender,
        case when ag.age between 16 and 17 then '16_17' when ag.age between 18 and 19 then '18_19'
          when ag.age between 20 and 25 then '20_25' end as age_band,
        s.diploma = 'no' as without_diploma,
        s.diploma = 'unknown' as diploma_unknown,
        cardinality(s.documented_problems) > 0 as problems,
        s.outcome in ('work', 'studies') and s.closed_on <= (s.started_on + make_interval(months => ${months}))::date
          as in_time
      from steps s
        cross join lateral (select date_part('year', age(s.closed_on, s.birth_date))::int as age) ag
    )`;

/**
 * The outcome report's steps as common table expressions ending in `derived`: one row per case closed
 * with an outcome between two days (`id`, `person_id`, the outcome, `started_on`, `first_contact`,
 * `assessed`, `first_measure`, `closed_on`, gender, age band, diploma, problems, `in_time`). The report
 * counts them (`outcomeGroups`) and the list of the cases behind a median or the share on to studies or
 * work reads them (`outcome-cases.queries.ts`), so both rest on the one rule.
 *
 * The milestones are read from the case, where triggers keep them as they happen (migration
 * 20261224100000: `started_on`, `first_contact_on`, `assessed_on`, `first_measure_on`, `register_diploma`,
 * and the person's `person_gender` and `person_birth_date`), so the closed cases are read from their index
 * on the closing day alone.
 * The rule is core's `caseMilestones`; `outcomeCaseStepsDirect` is the same rule computed from the register
 * periods, conversations, assessments and measures; a test holds all three to the same answer
 * (`outcome-milestones.test.ts`).
 */
export function outcomeCaseSteps(
  municipalityId: string,
  { from, to }: Period,
  months: number,
  filters: FigureFilters = {},
): RawBuilder<unknown> {
  const m = municipalityId;
  const diploma = diplomaForFigures(
    sql`c.upper_secondary_diploma`,
    sql`c.register_diploma = 'yes'`,
    sql`c.register_diploma is not null`,
  );
  return sql`steps as (
      select c.id, c.person_id, c.outcome, c.target_group, c.closed_on, c.documented_problems,
        c.person_gender as gender, c.person_birth_date as birth_date, c.started_on, c.first_contact_on as first_contact,
        c.assessed_on as assessed, c.first_measure_on as first_measure, ${diploma} as diploma
      from cases c
      where c.municipality_id = ${m} and c.closed_on between ${from}::date and ${to}::date and c.outcome is not null
        and ${caseFilter(filters)}
    ), ${derivedStep(months)}`;
}

/**
 * The outcome report's steps computed straight from the tables (what the triggers of migration
 * 20261224100000 keep on each case): the start is the register entry of the person's period in the
 * municipality open on the day the case opened (Swedish time), else that day; the first conversation,
 * completed assessment (in the municipality) and measure are the first on or after the start; the
 * diploma is core's `diplomaForFigures` of the case's record and the register's periods entered by the
 * closing day (`diplomaFromRegister`). Kept as the reference the kept milestones are tested against.
 */
export function outcomeCaseStepsDirect(
  municipalityId: string,
  { from, to }: Period,
  months: number,
  filters: FigureFilters = {},
): RawBuilder<unknown> {
  const m = municipalityId;
  return sql`closed as materialized (
      select c.id, c.person_id, c.outcome, c.target_group, c.closed_on, c.upper_secondary_diploma,
        c.documented_problems, p.personal_identity_number as pnr, p.birth_date,
        (c.opened_at at time zone 'Europe/Stockholm')::date as opened_on
      from cases c join persons p on p.id = c.person_id
      where c.municipality_id = ${m} and c.closed_on between ${from}::date and ${to}::date and c.outcome is not null
        and ${caseFilter(filters)}
    ), register as (
      select cl.id,
        max(rp.entered_on) filter (where rp.entered_on <= cl.opened_on
          and (rp.left_on is null or rp.left_on >= cl.opened_on)) as entered_on,
        bool_or(rp.left_on <= cl.closed_on and rp.leave_reason = 'completed') as lists_yes
      from closed cl join register_periods rp on rp.person_id = cl.person_id and rp.municipality_id = ${m}
        and rp.entered_on <= cl.closed_on
      group by cl.id
    ), started as materialized (
      select cl.*, coalesce(r.entered_on, cl.opened_on) as started_on,
        ${diplomaForFigures(sql`cl.upper_secondary_diploma`, sql`r.lists_yes`, sql`r.id is not null`)} as diploma
      from closed cl left join register r on r.id = cl.id
    ), contacted as (
      select s.id, (min(ca.at) at time zone 'Europe/Stockholm')::date as first_contact
      from started s join contact_attempts ca on ca.person_id = s.person_id
        and ca.outcome in (${sql.join([...CONVERSATION_OUTCOMES])})
        and ca.at >= s.started_on::timestamp at time zone 'Europe/Stockholm'
      group by s.id
    ), assessed as (
      select s.id, min(a.completed_on) as assessed
      from started s join assessments a on a.person_id = s.person_id and a.municipality_id = ${m}
        and a.status = 'completed' and a.completed_on >= s.started_on
      group by s.id
    ), measured as (
      select s.id, min(ms.starts_on) as first_measure
      from started s join measures ms on ms.person_id = s.person_id and ms.starts_on >= s.started_on
      group by s.id
    ), steps as (
      select s.id, s.person_id, s.outcome, s.target_group, s.closed_on, s.documented_problems,
        ${genderOfPnr(sql`s.pnr`)} as gender, s.birth_date, s.started_on, ct.first_contact, a.assessed,
        ms.first_measure, s.diploma
      from started s left join contacted ct on ct.id = s.id left join assessed a on a.id = s.id
        left join measured ms on ms.id = s.id
    ), ${derivedStep(months)}`;
}

/**
 * The cases closed with an outcome between two days, grouped by everything the outcome table counts
 * (core's `OutcomeGroup`), and the medians in days from the start (the register entry for a case of
 * the activity responsibility, else the case's opening) to the first conversation, the first completed
 * assessment, the first measure and the outcome. Gender is the identity number's gender digit; the age
 * band is taken on the closing day; on to studies or work counts when closed within `months` of the start;
 * the diploma is core's `diplomaForFigures` of the case's record and the register (`diplomaFromRegister`).
 *
 * At scale the milestones are read from the cases (`outcomeCaseSteps`; `direct` computes them from the
 * tables instead, `outcomeCaseStepsDirect`, for the test that holds the two together); the groups are
 * counted without the medians, and the medians once over all the closed cases.
 */
export async function outcomeGroups(
  db: Db,
  municipalityId: string,
  { from, to }: Period,
  months: number,
  filters: FigureFilters = {},
  { direct = false }: { direct?: boolean } = {},
) {
  const steps = (direct ? outcomeCaseStepsDirect : outcomeCaseSteps)(municipalityId, { from, to }, months, filters);
  const { rows } = await withoutJit(db, (trx) =>
    sql<RawGroup>`
    with ${steps}
    select false as total, outcome, gender, target_group, age_band, without_diploma, diploma_unknown, problems, in_time,
      count(*)::int as n, null::float8 as to_contact, null::float8 as to_assessment, null::float8 as to_measure,
      null::float8 as to_outcome, null::int as n_contact, null::int as n_assessment, null::int as n_measure
    from derived
    group by outcome, gender, target_group, age_band, without_diploma, diploma_unknown, problems, in_time
    union all
    select true, null, null, null, null, null, null, null, null, count(*)::int,
      percentile_cont(0.5) within group (order by first_contact - started_on),
      percentile_cont(0.5) within group (order by assessed - started_on),
      percentile_cont(0.5) within group (order by first_measure - started_on),
      percentile_cont(0.5) within group (order by closed_on - started_on),
      count(first_contact)::int, count(assessed)::int, count(first_measure)::int
    from derived`.execute(trx),
  );
  const total = rows.find((r) => r.total);
  const num = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    groups: rows
      .filter((r) => !r.total)
      .map((r) => ({
        outcome: r.outcome!,
        gender: r.gender!,
        targetGroup: r.target_group!,
        ageBand: r.age_band,
        withoutDiploma: !!r.without_diploma,
        diplomaUnknown: !!r.diploma_unknown,
        documentedProblems: !!r.problems,
        inTime: !!r.in_time,
        n: r.n,
      })),
    medians: {
      toFirstContact: num(total?.to_contact),
      toAssessment: num(total?.to_assessment),
      toFirstMeasure: num(total?.to_measure),
      toOutcome: num(total?.to_outcome),
    },
    /** How many cases each median rests on (a median over fewer than 3 is suppressed like a small cell). */
    medianCases: {
      toFirstContact: total?.n_contact ?? 0,
      toAssessment: total?.n_assessment ?? 0,
      toFirstMeasure: total?.n_measure ?? 0,
      toOutcome: total?.n ?? 0,
    },
  };
}
