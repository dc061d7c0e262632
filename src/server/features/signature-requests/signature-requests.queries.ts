/**
 * Queries over requests for the young person's signature. Staff reach them through a person the
 * access module lets them see or manage (the services check that first); the young person only
 * through their own person id and municipality.
 */
import type { Kysely } from 'kysely';
import type { SignatureRequestKind } from '../../../core/signature-request-schemas.js';
import type { YoungPersonActor } from '../../access/young-person.js';
import type { Database } from '../../db/types.js';

type Q = Kysely<Database>;

const columns = [
  'signature_requests.id',
  'signature_requests.municipality_id',
  'signature_requests.person_id',
  'signature_requests.kind',
  'signature_requests.content',
  'signature_requests.prepared_by',
  'signature_requests.prepared_at',
  'signature_requests.signed_at',
  'signature_requests.consent_id',
  'signature_requests.application_id',
  'signature_requests.cancelled_at',
] as const;

/** A person's requests of `kind` still waiting for their signature, oldest first, with who prepared them. */
export function selectAwaitingSignature(db: Q, personId: string, kind: SignatureRequestKind) {
  return db
    .selectFrom('signature_requests')
    .leftJoin('staff', 'staff.id', 'signature_requests.prepared_by')
    .select(columns)
    .select('staff.name as prepared_by_name')
    .where('signature_requests.person_id', '=', personId)
    .where('signature_requests.kind', '=', kind)
    .where('signature_requests.signed_at', 'is', null)
    .where('signature_requests.cancelled_at', 'is', null)
    .orderBy('signature_requests.prepared_at')
    .execute();
}

/** One request of the municipality by id (the caller checks the person), locked for a change when asked. */
export function selectRequest(db: Q, municipalityId: string, requestId: string, { lock = false } = {}) {
  let q = db
    .selectFrom('signature_requests')
    .select(columns)
    .where('signature_requests.id', '=', requestId)
    .where('signature_requests.municipality_id', '=', municipalityId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** One of the young person's own requests of `kind` that is not cancelled, locked for signing. */
export function selectOwnRequest(db: Q, actor: YoungPersonActor, requestId: string, kind: SignatureRequestKind) {
  return db
    .selectFrom('signature_requests')
    .select(columns)
    .where('signature_requests.id', '=', requestId)
    .where('signature_requests.person_id', '=', actor.personId)
    .where('signature_requests.municipality_id', '=', actor.municipalityId)
    .where('signature_requests.kind', '=', kind)
    .where('signature_requests.cancelled_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** Names of units by id, within a municipality. */
export async function unitNames(db: Q, municipalityId: string, unitIds: string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', unitIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
