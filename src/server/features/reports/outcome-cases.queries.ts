/**
 * The cases behind a count of the outcome report: closed between two days (with an outcome, or one
 * outcome), narrowed by the figures page's filters, and only those whose person the reader may see.
 */
import { sql, type Kysely } from 'kysely';
import type { MedianKey } from '../../../core/figures.js';
import { DOCUMENTED_PROBLEMS_CATEGORY } from '../../../core/outcomes.js';
import { categoryVisibleTo, personVisibleTo, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';
import { MEDIAN_END_COLUMNS, diplomaForFigures, genderOfPnr, outcomeCaseSteps } from './reports.queries.js';
import type { FigureFilters } from './work-figures.queries.js';

/** The most cases one list holds; a longer list is cut and says so. */
export const OUTCOME_CASES_LIMIT = 500;

/** The filters of the outcome table's cells beyond the outcome and the figures page's filters. */
export type CellFilters = {
  gender?: 'female' | 'male';
  diploma?: 'yes' | 'no' | 'unknown';
  /** With (true) or without (false) documented problems: only persons whose health and social category one sees. */
  documentedProblems?: boolean;
  /** The cases a median is taken over: both its days known (the report's `outcomeCaseSteps`). */
  median?: MedianKey;
  /** On to studies or work within `months` of the start (the report's `in_time`), or not. */
  onTime?: boolean;
  /** The target's months, for `onTime` (the figure settings'). */
  months?: number;
};

/** A traced case's span: the start, the day a median runs to (or the closing day) and the days between. */
type Span = { id: string; started_on: string; ended_on: string; days: number };

/**
 * The cases of the report's own steps (`outcomeCaseSteps`, the SQL the report counts with) behind a
 * median (both days known) or the share on to studies or work (`in_time`), with their spans.
 */
function traced(m: string, q: { from: string; to: string } & FigureFilters & CellFilters) {
  const end = sql.raw(q.median ? MEDIAN_END_COLUMNS[q.median] : 'closed_on');
  const which = q.median ? sql`${end} is not null` : sql`coalesce(in_time, false) = ${q.onTime ?? false}`;
  return sql<Span>`(with ${outcomeCaseSteps(m, q, q.months ?? 0, q)}
    select id, started_on::text as started_on, ${end}::text as ended_on, (${end} - started_on)::int as days
    from derived where ${which})`.as('traced');
}

/**
 * Up to `OUTCOME_CASES_LIMIT + 1` cases, oldest closing first, then by name. Gender and diploma follow
 * the report's own rules (`genderOfPnr`, `diplomaForFigures`), so the list of a cell is the cases it counts.
 */
export function selectOutcomeCases(
  db: Kysely<Database>,
  actor: Actor,
  q: { from: string; to: string; outcome?: string } & FigureFilters & CellFilters,
) {
  let query = db
    .selectFrom('cases')
    .innerJoin('persons', 'persons.id', 'cases.person_id')
    .select([
      'cases.id as case_id',
      'cases.outcome',
      'cases.target_group',
      'persons.id as person_id',
      'persons.given_name',
      'persons.family_name',
      'persons.personal_identity_number',
    ])
    .select(sql<string>`to_char(cases.closed_on, 'YYYY-MM-DD')`.as('closed_on_day'))
    .where('cases.municipality_id', '=', actor.municipalityId)
    .where('cases.closed_on', '>=', q.from)
    .where('cases.closed_on', '<=', q.to)
    .where('cases.outcome', 'is not', null)
    .where(personVisibleTo(actor))
    .$if(q.median !== undefined || q.onTime !== undefined, (qb) =>
      qb
        .innerJoin(traced(actor.municipalityId, q), (j) => j.onRef('traced.id', '=', 'cases.id'))
        .select(['traced.started_on', 'traced.ended_on', 'traced.days']),
    );
  if (q.outcome) query = query.where('cases.outcome', '=', q.outcome);
  if (q.targetGroup) query = query.where('cases.target_group', '=', q.targetGroup);
  if (q.contactPerson) query = query.where('cases.contact_person_id', '=', q.contactPerson);
  if (q.gender)
    query = query.where(sql<boolean>`${genderOfPnr(sql.ref('persons.personal_identity_number'))} = ${q.gender}`);
  if (q.diploma) {
    // As the report's `register` step: the person's periods in the municipality entered by the closing day.
    const periods = (extra: ReturnType<typeof sql>) => sql`exists (select 1 from register_periods rp
      where rp.person_id = cases.person_id and rp.municipality_id = cases.municipality_id
        and rp.entered_on <= cases.closed_on ${extra})`;
    const diploma = diplomaForFigures(
      sql.ref('cases.upper_secondary_diploma'),
      periods(sql`and rp.left_on <= cases.closed_on and rp.leave_reason = 'completed'`),
      periods(sql``),
    );
    query = query.where(sql<boolean>`${diploma} = ${q.diploma}`);
  }
  if (q.documentedProblems !== undefined)
    query = query
      .where(sql<boolean>`(cardinality(cases.documented_problems) > 0) = ${q.documentedProblems}`)
      .where(categoryVisibleTo(actor, DOCUMENTED_PROBLEMS_CATEGORY));
  return query
    .orderBy('cases.closed_on')
    .orderBy('persons.family_name')
    .orderBy('persons.given_name')
    .orderBy('cases.id')
    .limit(OUTCOME_CASES_LIMIT + 1)
    .execute();
}

/** The persons among `ids` that `actor` may see, with what a list names them by; one query, access in SQL. */
export function selectVisiblePersons(db: Kysely<Database>, actor: Actor, ids: readonly string[]) {
  return db
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'personal_identity_number'])
    .where('persons.municipality_id', '=', actor.municipalityId)
    .where(sql<boolean>`persons.id = any(${[...ids]}::uuid[])`)
    .where(personVisibleTo(actor))
    .execute();
}
