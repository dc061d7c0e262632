/**
 * Requests for the young person's signature (issue 17): the contact person prepares a consent or an
 * application to a team in Lotsa, and it counts only once the young person signs it in /mitt. Until
 * then it gives no access and reaches no team meeting: signing makes the real consent or application
 * (`consent_id`, `application_id`). What was prepared is core's `SignatureRequestContent` as JSON.
 * No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table signature_requests (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     kind text not null check (kind in ('consent', 'application')),
     content jsonb not null,
     prepared_by uuid not null references staff,
     prepared_at timestamptz not null,
     signed_at timestamptz,
     consent_id uuid references consents on delete set null,
     application_id uuid references applications on delete set null,
     cancelled_at timestamptz,
     cancelled_by uuid references staff,
     check (signed_at is null or cancelled_at is null))`,
  `create index signature_requests_by_person on signature_requests (person_id, kind)`,
];
const down_statements = ['drop table signature_requests'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
