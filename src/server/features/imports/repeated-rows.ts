/**
 * Finds repeated rows in an enrolment list as it is read. Two rows are the same enrolment when they
 * name the same person, school unit, school type and start date. Each such key is packed into two
 * exact integers and kept in a hash table of plain numbers (integer-tables.ts), so half a million rows
 * leave no object per row for the garbage collector to copy (a Set of key strings cost about a second
 * of a 450,000-row import here, most of it in collection).
 */
import { SCHOOL_TYPES } from '../../../core/eligibility.js';
import type { StoredValue } from '../../../core/source-lists.js';
import { IntegerPairSet } from '../../integer-tables.js';

const SCHOOL_TYPE_INDEX = new Map<string, number>(SCHOOL_TYPES.map((t, i) => [t, i]));

/**
 * The enrolment key of a checked row (values in the list's column order: identity number, school
 * unit code, name, school type, programme, start date, …) as two exact integers: the twelve-digit
 * identity number (below 2^40), and the eight-digit unit, the type and the start date together
 * (below 8·10^8 · 2^22 < 2^53; the date as year·372 + month·31 + day, distinct for distinct dates).
 */
export function enrolmentKey(values: readonly StoredValue[]): [number, number] {
  const start = values[5] as string;
  const day = Number(start.slice(0, 4)) * 372 + Number(start.slice(5, 7)) * 31 + Number(start.slice(8, 10));
  const unitAndType = Number(values[1]) * 8 + SCHOOL_TYPE_INDEX.get(values[3] as string)!;
  return [Number(values[0]), unitAndType * 4194304 + day];
}

/** A check that is true for each row whose enrolment an earlier row of the list already gave. */
export function repeatedEnrolments(): (values: readonly StoredValue[]) => boolean {
  const seen = new IntegerPairSet();
  return (values) => {
    const [hi, lo] = enrolmentKey(values);
    return !seen.add(hi, lo);
  };
}
