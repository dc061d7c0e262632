/**
 * A reconciliation's result as one reader may see it. The stored result names the population
 * list's fields that changed for each person; a protected person's address and contact fields are
 * named only to a reader with a grant for that person (as on the timeline), and a person whose
 * change named nothing else is not listed at all, since the bare entry would still tell that the
 * address changed.
 */
import { sql } from 'kysely';
import type { ReconcileResult } from '../../../core/register-schemas.js';
import { contactDetailsVisibleTo, type Actor } from '../../access/access.js';
import { fieldsShown } from '../../access/protected-identity.js';
import type { Db } from '../../db/connection.js';

/** `result` with what `actor` may not see of protected persons' changes left out. */
export async function presentReconcileResult(db: Db, actor: Actor, result: ReconcileResult): Promise<ReconcileResult> {
  const changed = result.changed ?? [];
  if (changed.length === 0) return result;
  const pnrs = changed.map((c) => c.personalIdentityNumber);
  const rows = await db
    .selectFrom('persons')
    .select((eb) => [
      'persons.personal_identity_number as pnr',
      'persons.protected_identity',
      eb.case().when(contactDetailsVisibleTo(actor)(eb)).then(true).else(false).end().as('visible'),
    ])
    .where('persons.municipality_id', '=', actor.municipalityId)
    .where(sql<boolean>`persons.personal_identity_number = any(${pnrs}::bpchar[])`)
    .execute();
  const byNumber = new Map(rows.map((r) => [r.pnr.trim(), r]));
  const shown = changed.flatMap((c) => {
    const person = byNumber.get(c.personalIdentityNumber);
    const hidden = (person?.protected_identity || c.protectedIdentity === true) && !person?.visible;
    if (!hidden) return [c];
    const fields = fieldsShown(c.fields, true);
    return fields.length ? [{ ...c, fields }] : [];
  });
  return { ...result, changed: shown };
}
