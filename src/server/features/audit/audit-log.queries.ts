/** Reads of the audit log for its page: one municipality's entries, filtered, newest first. */
import { sql } from 'kysely';
import type { AuditQuery } from '../../../core/schemas.js';
import { parseIdentityNumber } from '../../../core/personnummer.js';
import type { Db } from '../../db/connection.js';

/** `term` for a LIKE pattern that matches it anywhere, its wildcards taken literally. */
const anywhere = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the audit log of `municipalityId` by `query`, and how many entries match. The
 * person filter takes an identity number (found by number) or else a part of a name. Reads of the
 * log itself are left out unless `ownReads` is "true".
 */
export async function auditLogPage(db: Db, municipalityId: string, query: AuditQuery) {
  const { personId, person, actorId, entity, action, ownReads, from, to, page, pageSize } = query;
  let q = db
    .selectFrom('audit_log')
    .leftJoin('staff', 'staff.id', 'audit_log.actor_id')
    // Names only of the reader's own municipality's persons, whatever an entry points at.
    .leftJoin('persons', (join) =>
      join.onRef('persons.id', '=', 'audit_log.person_id').on('persons.municipality_id', '=', municipalityId),
    )
    .where('audit_log.municipality_id', '=', municipalityId);
  if (personId) q = q.where('audit_log.person_id', '=', personId);
  if (person) {
    const number = parseIdentityNumber(person);
    q = number.ok
      ? q.where('persons.personal_identity_number', '=', number.value.canonical)
      : q.where(sql<boolean>`(persons.given_name || ' ' || persons.family_name) ilike ${anywhere(person)}`);
  }
  if (actorId) q = q.where('audit_log.actor_id', '=', actorId);
  if (entity) q = q.where('audit_log.entity', '=', entity);
  if (action) q = q.where('audit_log.action', '=', action);
  if (ownReads !== 'true')
    q = q.where((eb) =>
      eb.not(eb.and([eb('audit_log.entity', '=', 'audit_log'), eb('audit_log.action', '=', 'read')])),
    );
  if (from) q = q.where('audit_log.at', '>=', new Date(from));
  // A bare date as `to` means the whole of that day.
  if (to) q = q.where('audit_log.at', '<', to.length === 10 ? sql<Date>`${to}::date + 1` : new Date(to));
  const { total } = await q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.ip',
      'staff.id as actor_id',
      'staff.name as actor_name',
      'persons.id as person_id',
      'persons.given_name',
      'persons.family_name',
      sql<
        number | null
      >`case when audit_log.entity = 'audit_log' then jsonb_array_length(coalesce(audit_log.detail->'persons',
        '[]'::jsonb)) end`.as('persons_shown'),
      sql<boolean>`coalesce(audit_log.entity = 'emergency_access' or audit_log.detail->>'basis' = 'emergency',
        false)`.as('emergency'),
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total, rows };
}
