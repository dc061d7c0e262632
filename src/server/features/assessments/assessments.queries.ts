/**
 * Queries over assessment manuals, assessments and their answers. Assessments are reached only
 * through a person the actor may see (or manage); answers only in the categories the actor may see.
 */
import { sql, type Kysely } from 'kysely';
import type { ManualSection } from '../../../core/assessment.js';
import type { ConsentCategory } from '../../../core/consent.js';
import type { Profession } from '../../../core/professions.js';
import { accessOf, personManagedBy, personVisibleTo, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';

type Q = Kysely<Database>;

/** The newest stored version of the municipality's manual, if it has stored one. */
export async function selectLatestManual(db: Q, municipalityId: string) {
  const row = await db
    .selectFrom('assessment_manuals')
    .leftJoin('staff', 'staff.id', 'assessment_manuals.created_by')
    .select([
      'assessment_manuals.id',
      'assessment_manuals.version',
      'assessment_manuals.sections',
      'assessment_manuals.created_at',
      'staff.name as created_by',
    ])
    .where('assessment_manuals.municipality_id', '=', municipalityId)
    .orderBy('assessment_manuals.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { ...row, sections: row.sections as unknown as ManualSection[] };
}

/** Stores a new version of the manual; none when the version is already taken (a concurrent save). */
export async function insertManual(
  db: Q,
  municipalityId: string,
  version: number,
  sections: ManualSection[],
  staffId: string | null,
) {
  return db
    .insertInto('assessment_manuals')
    .values({ municipality_id: municipalityId, version, sections: JSON.stringify(sections), created_by: staffId })
    .onConflict((oc) => oc.columns(['municipality_id', 'version']).doNothing())
    .returning(['id', 'version'])
    .executeTakeFirst();
}

/** The person with the actor's access (basis, categories, managed), if the actor may see them at all. */
export function selectVisiblePerson(db: Q, actor: Actor, personId: string) {
  return db
    .selectFrom('persons')
    .select(['persons.id', 'persons.municipality_id'])
    .select((eb) => accessOf(actor)(eb))
    .where('persons.id', '=', personId)
    .where(personVisibleTo(actor))
    .executeTakeFirst();
}

/** The person with the actor's access, if the actor works on them for the KAA (may write assessments). */
export function selectManagedPerson(db: Q, actor: Actor, personId: string) {
  return db
    .selectFrom('persons')
    .select(['persons.id', 'persons.municipality_id'])
    .select((eb) => accessOf(actor)(eb))
    .where('persons.id', '=', personId)
    .where(personManagedBy(actor))
    .executeTakeFirst();
}

/** An assessment of the actor's municipality by id (its person's access is checked by the caller). */
export function selectAssessmentRow(db: Q, municipalityId: string, assessmentId: string) {
  return db
    .selectFrom('assessments')
    .innerJoin('assessment_manuals', 'assessment_manuals.id', 'assessments.manual_id')
    .selectAll('assessments')
    .select(['assessment_manuals.version as manual_version', 'assessment_manuals.sections as manual_sections'])
    .where('assessments.id', '=', assessmentId)
    .where('assessments.municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

/** A person's assessments, newest first, without answers. */
export function selectAssessmentList(db: Q, personId: string) {
  return db
    .selectFrom('assessments')
    .leftJoin('staff', 'staff.id', 'assessments.created_by')
    .select([
      'assessments.id',
      'assessments.number',
      'assessments.status',
      'assessments.revises_id',
      'assessments.created_at',
      'assessments.completed_on',
      'staff.id as starter_id',
      'staff.name as starter_name',
      'staff.profession as starter_profession',
    ])
    .where('assessments.person_id', '=', personId)
    .orderBy('assessments.number', 'desc')
    .execute();
}

/** The answers of an assessment in the given categories only; the others never leave the database. */
export function selectAnswers(db: Q, assessmentId: string, categories: ConsentCategory[]) {
  if (categories.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assessment_answers')
    .select(['question_key', 'category', 'answer'])
    .where('assessment_id', '=', assessmentId)
    .where('category', 'in', categories)
    .execute();
}

/** The keys of the assessment's sections that staff shared with the young person. */
export async function selectSharedSectionKeys(db: Q, assessmentId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('assessment_section_shares')
    .select('section_key')
    .where('assessment_id', '=', assessmentId)
    .execute();
  return new Set(rows.map((r) => r.section_key));
}

/** Shares the section with the young person, or stops sharing it. */
export async function writeSectionShare(
  db: Q,
  row: { id: string; municipality_id: string; person_id: string },
  sectionKey: string,
  shared: boolean,
  staffId: string,
) {
  if (!shared) {
    await db
      .deleteFrom('assessment_section_shares')
      .where('assessment_id', '=', row.id)
      .where('section_key', '=', sectionKey)
      .execute();
    return;
  }
  await db
    .insertInto('assessment_section_shares')
    .values({
      assessment_id: row.id,
      section_key: sectionKey,
      municipality_id: row.municipality_id,
      person_id: row.person_id,
      shared_by: staffId,
    })
    .onConflict((oc) => oc.columns(['assessment_id', 'section_key']).doNothing())
    .execute();
}

/**
 * What the young person sees of their completed assessments: the manual and the answers of the shared
 * sections in `categories` only (never another category, never an unshared section), newest first.
 */
export async function selectSharedWithYoungPerson(
  db: Q,
  municipalityId: string,
  personId: string,
  categories: readonly ConsentCategory[],
) {
  const assessments = await db
    .selectFrom('assessments')
    .innerJoin('assessment_manuals', 'assessment_manuals.id', 'assessments.manual_id')
    .select([
      'assessments.id',
      'assessments.number',
      'assessments.completed_on',
      'assessment_manuals.sections as manual_sections',
    ])
    .select((eb) =>
      eb
        .selectFrom('assessment_section_shares')
        .select(sql<string[]>`coalesce(array_agg(section_key), '{}')`.as('keys'))
        .whereRef('assessment_section_shares.assessment_id', '=', 'assessments.id')
        .as('shared_keys'),
    )
    .where('assessments.municipality_id', '=', municipalityId)
    .where('assessments.person_id', '=', personId)
    .where('assessments.status', '=', 'completed')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('assessment_section_shares')
          .select(sql`1`.as('one'))
          .whereRef('assessment_section_shares.assessment_id', '=', 'assessments.id'),
      ),
    )
    .orderBy('assessments.number', 'desc')
    .execute();
  const ids = assessments.map((a) => a.id);
  const answers =
    ids.length === 0 || categories.length === 0
      ? []
      : await db
          .selectFrom('assessment_answers')
          .innerJoin('assessment_section_shares', (join) =>
            join
              .onRef('assessment_section_shares.assessment_id', '=', 'assessment_answers.assessment_id')
              .onRef('assessment_section_shares.section_key', '=', 'assessment_answers.section_key'),
          )
          .select(['assessment_answers.assessment_id', 'assessment_answers.question_key', 'assessment_answers.answer'])
          .where('assessment_answers.assessment_id', 'in', ids)
          .where('assessment_answers.category', 'in', [...categories])
          .execute();
  return { assessments, answers };
}

/** Names and professions of staff by id, of the municipality. */
export async function selectStaffNames(db: Q, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; profession: Profession | null }>();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'name', 'profession'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, profession: r.profession as Profession | null }]));
}

/** Counts the person's completed assessments (mapped once there is one). */
export async function countCompleted(db: Q, personId: string): Promise<number> {
  const row = await db
    .selectFrom('assessments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('person_id', '=', personId)
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow();
  return row.n;
}
