/**
 * What a register extract leaves out: the entries of categories its producer may not see (health and
 * social notes without a consent that names the producer's unit). The extract says how many, of
 * which category, and who holds them, so the young person knows where to ask.
 */
import { sql } from 'kysely';
import { CONSENT_CATEGORIES, type ConsentCategory } from '../../../core/consent.js';
import type { Db } from '../../db/connection.js';
import { categoryName } from '../consents/consent-form.js';
import { eventCategorySql } from '../persons/persons.queries.js';

/**
 * Entries of one category recorded by one unit (null: recorded by no unit, such as an import) that the extract leaves
 * out.
 */
export type Withheld = { category: ConsentCategory; entries: number; heldBy: string | null };

/** The person's timeline entries outside `categories`, counted per category and the unit of whoever recorded them. */
export async function selectWithheld(db: Db, personId: string, categories: ConsentCategory[]): Promise<Withheld[]> {
  const hidden = CONSENT_CATEGORIES.filter((c) => !categories.includes(c));
  if (hidden.length === 0) return [];
  const { rows } = await sql<Withheld>`
    select ${eventCategorySql} as category, units.name as "heldBy", count(*)::int as entries
    from events left join staff on staff.id = events.actor_id left join units on units.id = staff.unit_id
    where events.person_id = ${personId} and events.type not in ('register_entered', 'register_left')
      and ${eventCategorySql} in (${sql.join(hidden)})
    group by 1, 2
    order by 1, 2 nulls last`.execute(db);
  return rows;
}

const TEXT = {
  sv: (w: Withheld) =>
    `${w.entries} ${w.entries === 1 ? 'uppgift' : 'uppgifter'} i kategorin ${categoryName(w.category, 'sv')} ingår ` +
    `inte i utdraget, eftersom den som tog fram det inte har behörighet att se dem. ` +
    `${w.heldBy ?? 'Den enhet som registrerade dem'} har dem och lämnar ut dem om du begär det.`,
  en: (w: Withheld) =>
    `${w.entries} ${w.entries === 1 ? 'entry' : 'entries'} in the category ` +
    `${categoryName(w.category, 'en')} ${w.entries === 1 ? 'is' : 'are'} not in this extract, ` +
    `because whoever produced it may not see them. ${w.heldBy ?? 'The unit that recorded them'} holds them ` +
    `and provides them on request.`,
};

/** What the extract says about entries it leaves out, one sentence per group, in `language`. */
export function withheldStatement(w: Withheld, language: 'sv' | 'en'): string {
  return TEXT[language](w);
}
