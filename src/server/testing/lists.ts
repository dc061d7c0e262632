/** Builders of small source-list files for tests, in Lotsa's layout. */
import { COLUMNS } from '../../core/source-lists.js';

type Cells = Record<string, string>;

/** A population row for `pnr` in municipality `code`; override any column. */
export function populationRow(pnr: string, over: Cells = {}): Cells {
  return {
    personal_identity_number: pnr,
    given_name: 'Alva',
    family_name: 'Ek',
    street_address: 'Storgatan 1',
    postal_code: '433 30',
    city: 'Partille',
    municipality_code: '1402',
    protected_identity: 'false',
    registered_since: '2010-01-01',
    ...over,
  };
}

/** A finished compulsory school and (unless `gy` is null) an upper-secondary enrolment. */
export function schoolHistory(pnr: string, gy: Cells | null = {}): Cells[] {
  const gr = {
    personal_identity_number: pnr,
    school_unit_code: '12345678',
    school_unit_name: 'Kyrktorpsskolan',
    school_type: 'GR',
    programme_code: '',
    start_date: '2015-08-15',
    end_date: '2025-06-10',
    end_reason: 'completed',
    qualification: 'none',
  };
  if (gy === null) return [gr];
  return [
    gr,
    {
      personal_identity_number: pnr,
      school_unit_code: '87654321',
      school_unit_name: 'Partille Gymnasium',
      school_type: 'GY',
      programme_code: 'NA',
      start_date: '2025-08-18',
      end_date: '',
      end_reason: '',
      qualification: '',
      ...gy,
    },
  ];
}

/** A CSV file of `rows` in the layout of `kind`, with `separator`. */
export function csv(kind: keyof typeof COLUMNS, rows: Cells[], separator = ','): Buffer {
  const columns = COLUMNS[kind];
  const lines = [columns.join(separator), ...rows.map((r) => columns.map((c) => r[c] ?? '').join(separator))];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
