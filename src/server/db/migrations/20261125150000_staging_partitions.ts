/**
 * Staging rows partitioned by import, school units per enrolment list, a record of applied
 * reconciliations, and heartbeats of running imports and jobs.
 *
 * Data conversion: the rows of population_rows and enrolment_rows move into one partition per
 * import (`population_rows_<import id without dashes>`), population rows without their birth_date,
 * which the identity number gives (down derives it again). An import is then loaded into
 * a table of its own without indexes or foreign keys and attached as a partition when it is
 * complete, which is several times faster than inserting into an indexed table, and an import
 * that is dropped or culled is a dropped table.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const POPULATION_COLUMNS = `
     import_id uuid not null references imports on delete cascade,
     municipality_id uuid not null references municipalities,
     line integer not null,
     personal_identity_number char(12) not null,
     given_name text not null,
     family_name text not null,
     street_address text,
     postal_code text,
     city text,
     municipality_code char(4) not null,
     protected_identity boolean not null,
     registered_since date`;

/** The population columns both layouts share; the partitioned one drops birth_date, which the identity number gives. */
const POPULATION_SHARED =
  'import_id, municipality_id, line, personal_identity_number, given_name, family_name, street_address, postal_code, ' +
  'city, municipality_code, protected_identity, registered_since';
/** birth_date from a twelve-digit identity number (a coordination number's day is the birth day plus 60). */
const BIRTH_DATE =
  `make_date(substr(personal_identity_number, 1, 4)::int, substr(personal_identity_number, 5, ` +
  `2)::int, substr(personal_identity_number, 7, 2)::int % 60)`;

const ENROLMENT_COLUMNS = `
     import_id uuid not null references imports on delete cascade,
     municipality_id uuid not null references municipalities,
     line integer not null,
     personal_identity_number char(12) not null,
     school_unit_code char(8) not null,
     school_unit_name text,
     school_type text not null,
     programme_code text,
     start_date date not null,
     end_date date,
     end_reason text,
     qualification text`;

/** A DO block that gives every import found in `source` its partition of `target`. */
const partitionsFor = (target: string, source: string) => `do $$
   declare r record;
   begin
     for r in select distinct import_id from ${source} loop
       execute format('create table %I partition of ${target} for values in (%L)',
         '${target}_' || replace(r.import_id::text, '-', ''), r.import_id);
     end loop;
   end $$`;

const up_statements = [
  'alter table population_rows rename to population_rows_unpartitioned',
  'alter index population_rows_pkey rename to population_rows_unpartitioned_pkey',
  'alter table enrolment_rows rename to enrolment_rows_unpartitioned',
  `create table population_rows (${POPULATION_COLUMNS},
     primary key (import_id, personal_identity_number)) partition by list (import_id)`,
  // Enrolment rows are only ever read a whole list at a time, so they need no index.
  `create table enrolment_rows (${ENROLMENT_COLUMNS}) partition by list (import_id)`,
  partitionsFor('population_rows', 'population_rows_unpartitioned'),
  partitionsFor('enrolment_rows', 'enrolment_rows_unpartitioned'),
  `insert into population_rows (${POPULATION_SHARED}) select ${POPULATION_SHARED} from population_rows_unpartitioned`,
  'insert into enrolment_rows select * from enrolment_rows_unpartitioned',
  'drop table population_rows_unpartitioned',
  'drop table enrolment_rows_unpartitioned',
  `create table import_school_units (
     import_id uuid not null references imports on delete cascade,
     school_unit_code char(8) not null,
     primary key (import_id, school_unit_code))`,
  `insert into import_school_units select distinct import_id, school_unit_code from enrolment_rows`,
  `alter table imports add column culled_at timestamptz`,
  // A culled import no longer holds its file: the same file may be imported again.
  'drop index imports_same_file_once',
  `create unique index imports_same_file_once on imports (municipality_id, kind, file_sha256)
    where status <> 'failed' and culled_at is null`,
  // Work in progress beats regularly, so another process can tell a running import or job from one whose process died.
  `alter table imports add column heartbeat_at timestamptz`,
  `alter table jobs add column heartbeat_at timestamptz`,
  `create table reconciliations (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     as_of date not null,
     population_import_id uuid not null references imports,
     enrolment_import_ids jsonb not null,
     entered integer not null,
     left_register integer not null,
     changed integer not null,
     in_register integer not null,
     applied_by uuid references staff,
     applied_at timestamptz not null default now())`,
  'create index reconciliations_newest on reconciliations (municipality_id, as_of desc)',
  'alter table register_periods add constraint register_periods_leave_after_entry check (left_on is null ' +
    'or left_on >= entered_on)',
];

const down_statements = [
  'alter table register_periods drop constraint register_periods_leave_after_entry',
  'drop table reconciliations',
  'alter table jobs drop column heartbeat_at',
  'alter table imports drop column heartbeat_at',
  'drop index imports_same_file_once',
  `create unique index imports_same_file_once on imports (municipality_id, kind, file_sha256) where status <> 'failed'`,
  'alter table imports drop column culled_at',
  'drop table import_school_units',
  'alter table population_rows rename to population_rows_partitioned',
  'alter index population_rows_pkey rename to population_rows_partitioned_pkey',
  'alter table enrolment_rows rename to enrolment_rows_partitioned',
  `create table population_rows (${POPULATION_COLUMNS},
     birth_date date not null,
     primary key (import_id, personal_identity_number))`,
  `create table enrolment_rows (${ENROLMENT_COLUMNS})`,
  'create index enrolment_rows_by_person on enrolment_rows (import_id, personal_identity_number)',
  `insert into population_rows (${POPULATION_SHARED}, birth_date)
    select ${POPULATION_SHARED}, ${BIRTH_DATE} from population_rows_partitioned`,
  'insert into enrolment_rows select * from enrolment_rows_partitioned',
  'drop table population_rows_partitioned',
  'drop table enrolment_rows_partitioned',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
