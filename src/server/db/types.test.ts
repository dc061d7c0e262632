import { sql } from 'kysely';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connection.js';
import { createTestDatabase } from '../testing/database.js';

/** What a column holds, coarsely: enough to catch a column typed as the wrong kind of value. */
type Kind = 'string' | 'number' | 'boolean' | 'date' | 'array' | 'json' | 'buffer';
/** A column's kinds and nullability, or `unknown` for a column the code parses itself (e.g. with a zod schema). */
type Column = { kinds: Kind[]; nullable: boolean };

/** The kinds a PostgreSQL type may be read as (bigint and numeric: as text or as a number). */
const PG_KINDS: Record<string, Kind[]> = {
  text: ['string'],
  uuid: ['string'],
  'character varying': ['string'],
  character: ['string'],
  date: ['string'],
  inet: ['string'],
  bytea: ['buffer'],
  integer: ['number'],
  smallint: ['number'],
  bigint: ['string', 'number'],
  numeric: ['string', 'number'],
  real: ['number'],
  'double precision': ['number'],
  boolean: ['boolean'],
  'timestamp with time zone': ['date'],
  ARRAY: ['array'],
  jsonb: ['json', 'array'],
  json: ['json', 'array'],
};

/** Each table of `Database` in types.ts, and each column's kinds and nullability as the type declares them. */
function declaredTables(): Map<string, Map<string, Column | 'unknown'>> {
  const file = fileURLToPath(new URL('./types.ts', import.meta.url));
  const program = ts.createProgram([file], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const database = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  )!;
  const kindOf = (t: ts.Type): Kind => {
    if (t.flags & ts.TypeFlags.StringLike) return 'string';
    if (t.flags & ts.TypeFlags.NumberLike) return 'number';
    if (t.flags & ts.TypeFlags.BooleanLike) return 'boolean';
    if (checker.isArrayType(t)) return 'array';
    if (t.getSymbol()?.name === 'Date') return 'date';
    if (t.getSymbol()?.name === 'Buffer') return 'buffer';
    return 'json';
  };
  // What a select reads, as Kysely's SelectType sees it: ColumnType<S, …> (Generated<S> too) is S, member by member.
  const selectTypes = (t: ts.Type): ts.Type[] => {
    if (t.isUnion() && t.types.some((p) => p.getProperty('__select__'))) return t.types.flatMap(selectTypes);
    const selected = t.getProperty('__select__');
    const s = selected ? checker.getTypeOfSymbol(selected) : t;
    return s.isUnion() ? s.types : [s];
  };
  const column = (declared: ts.Type): Column | 'unknown' => {
    const parts = selectTypes(declared);
    if (parts.some((p) => p.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any))) return 'unknown';
    const values = parts.filter((p) => !(p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    return { kinds: [...new Set(values.map(kindOf))], nullable: values.length < parts.length };
  };
  const tables = new Map<string, Map<string, Column | 'unknown'>>();
  for (const table of checker.getPropertiesOfType(checker.getTypeAtLocation(database))) {
    const columns = new Map<string, Column | 'unknown'>();
    for (const col of checker.getPropertiesOfType(checker.getTypeOfSymbol(table)))
      columns.set(col.name, column(checker.getTypeOfSymbol(col)));
    tables.set(table.name, columns);
  }
  return tables;
}

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('The database types', () => {
  it('name every table and column the migrations make, with the nullability and kind of value they hold', async () => {
    const { rows } = await sql<{
      table_name: string;
      column_name: string;
      is_nullable: 'YES' | 'NO';
      data_type: string;
    }>`
      select c.table_name, c.column_name, c.is_nullable, c.data_type
      from information_schema.columns c
      join pg_catalog.pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace
      where c.table_schema = 'public' and k.relkind in ('r', 'p') and not k.relispartition
        and c.table_name not like 'lotsa_migrations%'
      order by 1, 2`.execute(handle.db);
    const declared = declaredTables();
    const drift: string[] = [];
    const actual = new Map<string, Set<string>>();
    for (const r of rows) {
      actual.set(r.table_name, (actual.get(r.table_name) ?? new Set()).add(r.column_name));
      const col = declared.get(r.table_name)?.get(r.column_name);
      if (!col) {
        drift.push(`${r.table_name}.${r.column_name}: in the database, not in types.ts`);
        continue;
      }
      if (col === 'unknown') continue;
      const nullable = r.is_nullable === 'YES';
      if (col.nullable !== nullable)
        drift.push(`${r.table_name}.${r.column_name}: ${nullable ? 'nullable' : 'not null'} in the database`);
      const allowed = PG_KINDS[r.data_type];
      if (!allowed) drift.push(`${r.table_name}.${r.column_name}: unknown database type ${r.data_type}`);
      else if (col.kinds.some((k) => !allowed.includes(k)))
        drift.push(`${r.table_name}.${r.column_name}: ${r.data_type} typed as ${col.kinds.join(' | ')}`);
    }
    for (const [table, columns] of declared) {
      for (const name of columns.keys())
        if (!actual.get(table)?.has(name)) drift.push(`${table}.${name}: in types.ts, not in the database`);
    }
    expect(rows.length).toBeGreaterThan(100);
    expect(drift).toEqual([]);
  });
});
