/**
 * Queries of the young persons' short evaluations: what a young person may evaluate (their own ended
 * measures in their categories, and activities whose period of theirs has ended), their answers, and
 * the municipality's summary without names.
 */
import { sql, type Kysely } from 'kysely';
import { YOUNG_PERSON_CATEGORIES, type YoungPersonActor } from '../../access/young-person.js';
import type { Database } from '../../db/types.js';

type Q = Kysely<Database>;

/** The young person's ended measures (in their categories), by offer name, with their answer if given. */
export function selectOwnMeasuresToEvaluate(db: Q, actor: YoungPersonActor, today: string) {
  return db
    .selectFrom('measures')
    .innerJoin('offers', 'offers.id', 'measures.offer_id')
    .leftJoin('young_person_evaluations as e', (j) =>
      j.onRef('e.measure_id', '=', 'measures.id').onRef('e.person_id', '=', 'measures.person_id'),
    )
    .select([
      'measures.id',
      'offers.name',
      sql<string>`coalesce(measures.ended_on, measures.planned_end_on)`.as('ended_on'),
      'e.usefulness',
      'e.better',
      'e.answered_at',
    ])
    .where('measures.person_id', '=', actor.personId)
    .where('measures.municipality_id', '=', actor.municipalityId)
    .where('measures.category', 'in', [...YOUNG_PERSON_CATEGORIES])
    .where(sql<boolean>`coalesce(measures.ended_on, measures.planned_end_on) <= ${today}::date`)
    .orderBy(sql`coalesce(measures.ended_on, measures.planned_end_on)`, 'desc')
    .execute();
}

/** The activities whose period the young person was enrolled for has ended, with their answer if given. */
export function selectOwnActivitiesToEvaluate(db: Q, actor: YoungPersonActor, today: string) {
  const ended = sql<string>`max(least(ae.to_on, activities.ends_on))`;
  return db
    .selectFrom('activity_enrolments as ae')
    .innerJoin('activities', 'activities.id', 'ae.activity_id')
    .leftJoin('young_person_evaluations as e', (j) =>
      j.onRef('e.activity_id', '=', 'activities.id').onRef('e.person_id', '=', 'ae.person_id'),
    )
    .select(['activities.id', 'activities.title as name', ended.as('ended_on'), 'e.usefulness', 'e.better'])
    .select('e.answered_at')
    .where('ae.person_id', '=', actor.personId)
    .where('ae.municipality_id', '=', actor.municipalityId)
    .where(sql<boolean>`least(ae.to_on, activities.ends_on) <= ${today}::date`)
    .groupBy(['activities.id', 'activities.title', 'e.usefulness', 'e.better', 'e.answered_at'])
    .orderBy(ended, 'desc')
    .execute();
}

/** Stores the young person's answer for one measure or activity; a second answer replaces the first. */
export async function upsertEvaluation(
  db: Q,
  row: {
    municipalityId: string;
    personId: string;
    measureId: string | null;
    activityId: string | null;
    usefulness: number;
    better: string | null;
    at: Date;
  },
) {
  const existing = await db
    .selectFrom('young_person_evaluations')
    .select('id')
    .where('person_id', '=', row.personId)
    .where((eb) =>
      row.measureId ? eb('measure_id', '=', row.measureId) : eb('activity_id', '=', row.activityId ?? ''),
    )
    .forUpdate()
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('young_person_evaluations')
      .set({ usefulness: row.usefulness, better: row.better, answered_at: row.at })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, replaced: true };
  }
  const created = await db
    .insertInto('young_person_evaluations')
    .values({
      municipality_id: row.municipalityId,
      person_id: row.personId,
      measure_id: row.measureId,
      activity_id: row.activityId,
      usefulness: row.usefulness,
      better: row.better,
      answered_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: created.id, replaced: false };
}

/**
 * The municipality's evaluations summed up per offer and per activity, without names: count, mean,
 * how many gave each score, and the free-text answers (the service withholds them below the threshold).
 */
export async function selectEvaluationSummary(db: Q, municipalityId: string) {
  const measures = db
    .selectFrom('young_person_evaluations as e')
    .innerJoin('measures', 'measures.id', 'e.measure_id')
    .innerJoin('offers', 'offers.id', 'measures.offer_id')
    .where('e.municipality_id', '=', municipalityId)
    .select([
      sql<'measure' | 'activity'>`'measure'`.as('subject'),
      'offers.id',
      'offers.name',
      sql<number[]>`array_agg(e.usefulness order by e.usefulness)`.as('scores'),
      sql<(string | null)[]>`array_agg(e.better order by e.better)`.as('texts'),
    ])
    .groupBy(['offers.id', 'offers.name']);
  const activities = db
    .selectFrom('young_person_evaluations as e')
    .innerJoin('activities', 'activities.id', 'e.activity_id')
    .where('e.municipality_id', '=', municipalityId)
    .select([
      sql<'measure' | 'activity'>`'activity'`.as('subject'),
      'activities.id',
      'activities.title as name',
      sql<number[]>`array_agg(e.usefulness order by e.usefulness)`.as('scores'),
      sql<(string | null)[]>`array_agg(e.better order by e.better)`.as('texts'),
    ])
    .groupBy(['activities.id', 'activities.title']);
  return measures.unionAll(activities).orderBy('name').execute();
}
