/**
 * The database work that any design of the three steps must do, timed on the benchmark database
 * after Lotsa's own run, as a floor to hold the targets against:
 *
 * - load: COPY both files into tables typed as Lotsa keeps the lists (no check of any row);
 * - key: the population list's index on identity number, which finding a person in it needs;
 * - read: reading both lists once, to decide who is in the register;
 * - write: the rows of those who entered, again (a person, a case, a register period and an audit
 *   entry each, with Lotsa's indexes and foreign keys), in a transaction that is rolled back.
 *
 * Nothing here checks a row, applies a rule, hashes an audit entry or starts a process, so a real
 * design costs more; the floor says how much of a target is left for that.
 */
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

export type Floor = { load: number; key: number; read: number; write: number; total: number };

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return seconds(started);
}

const TABLES = {
  population:
    `personal_identity_number char(12) not null, given_name text not null, family_name text not null, ` +
    `street_address text, postal_code text,
    city text, municipality_code char(4) not null, protected_identity boolean not null, registered_since date`,
  enrolments:
    `personal_identity_number char(12) not null, school_unit_code char(8) not null, school_unit_name text, ` +
    `school_type text not null,
    programme_code text, start_date date not null, end_date date, end_reason text, qualification text`,
};

/** An id after every id Lotsa has made, in the same order: the first hex digit made f. */
const later = (column: string) => `('f' || substr(${column}::text, 2))::uuid`;

/** Times the floor on `databaseUrl`, where Lotsa has just imported `files` and applied a reconciliation. */
export async function databaseFloor(
  databaseUrl: string,
  files: { population: string; enrolments: string },
): Promise<Floor> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('create schema bench_floor');
    let load = 0;
    for (const kind of ['population', 'enrolments'] as const) {
      await client.query(`create table bench_floor.${kind} (${TABLES[kind]})`);
      load += await timed(() =>
        pipeline(
          createReadStream(files[kind], { highWaterMark: 1 << 20 }),
          client.query(copyFrom(`copy bench_floor.${kind} from stdin with (format csv, header true)`)),
        ),
      );
    }
    const key = await timed(() =>
      client.query('alter table bench_floor.population add primary key (personal_identity_number)'),
    );
    const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
    const read = await timed(async () => {
      for (const kind of ['population', 'enrolments'])
        await pipeline(client.query(copyTo(`copy bench_floor.${kind} to stdout`)), discard());
    });
    await client.query('drop schema bench_floor cascade');
    const write = await timed(async () => {
      await client.query('begin');
      try {
        const { rows } = await client.query<{ id: string }>(
          `insert into municipalities (code, name) values ('0000', 'bench floor') returning id`,
        );
        const m = rows[0]!.id;
        await client.query(
          `insert into persons (id, municipality_id, personal_identity_number, birth_date, given_name, family_name,
            street_address, postal_code, city, protected_identity)
          select ${later('id')}, $1, personal_identity_number, birth_date, given_name, family_name, street_address,
            postal_code, city, protected_identity from persons order by id`,
          [m],
        );
        // The periods before the cases, as reconciliation writes them (apply-plan.ts): each case's milestones
        // are computed once, at its insert.
        await client.query(
          `insert into register_periods (id, municipality_id, person_id, entered_on, entry_reason, rule, source)
          select ${later('id')}, $1, ${later('person_id')}, entered_on, entry_reason, rule, source
            from register_periods order by id`,
          [m],
        );
        await client.query(
          `insert into cases (id, municipality_id, person_id, status, target_group) select ${later('id')}, $1,
            ${later('person_id')}, status, target_group from cases order by id`,
          [m],
        );
        await client.query(
          `insert into audit_log (at, municipality_id, actor_id, person_id, action, entity, entity_id, ip, detail)
          select at, $1, actor_id, ${later('person_id')}, action, entity, entity_id, ip, detail from audit_log
            where entity = 'register_period' order by id`,
          [m],
        );
      } finally {
        await client.query('rollback');
      }
    });
    return { load, key, read, write, total: load + key + read + write };
  } finally {
    await client.end();
  }
}
