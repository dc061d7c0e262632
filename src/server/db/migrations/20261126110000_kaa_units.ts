/**
 * Which of a municipality's units carry out the activity responsibility (the KAA's own units). Their
 * caseworkers work with the KAA's cases without consent; staff of every other unit (social services,
 * the employment service) see a case only by the young person's consent, whatever team it is in.
 *
 * Data conversion: the education administration, where the first start puts the KAA, is marked as
 * the KAA's own unit in every municipality.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `alter table units add column kaa boolean not null default false`,
  `update units set kaa = true where name = 'Utbildningsförvaltningen'`,
];
const down_statements = ['alter table units drop column kaa'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
