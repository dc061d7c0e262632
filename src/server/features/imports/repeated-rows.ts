/**
 * Finds repeated rows in an enrolment list as it is read. Two rows are the same enrolment when they
 * name the same person, school unit, school type and start date. Each such key is packed into two
 * exact integers and kept in a hash table of plain numbers, so half a million rows leave no object
 * per row for the garbage collector to copy (a Set of key strings cost about a second of a
 * 450,000-row import here, most of it in collection).
 */
import { SCHOOL_TYPES } from '../../../core/eligibility.js';
import type { StoredValue } from '../../../core/source-lists.js';

const EMPTY = -1;
const TWO_POW_32 = 4294967296;
const SCHOOL_TYPE_INDEX = new Map<string, number>(SCHOOL_TYPES.map((t, i) => [t, i]));

/** A set of pairs of non-negative integers below 2^53, in one typed array that doubles as it fills. */
export class IntegerPairSet {
  private slots = new Float64Array(2 * 1024).fill(EMPTY);
  private size = 0;

  /** Adds the pair; false when it was there already. */
  add(hi: number, lo: number): boolean {
    if (2 * (this.size + 1) > this.slots.length / 2) this.grow();
    const mask = this.slots.length / 2 - 1;
    for (let i = hash(hi, lo) & mask; ; i = (i + 1) & mask) {
      const at = 2 * i;
      if (this.slots[at] === EMPTY) {
        this.slots[at] = hi;
        this.slots[at + 1] = lo;
        this.size++;
        return true;
      }
      if (this.slots[at] === hi && this.slots[at + 1] === lo) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(2 * old.length).fill(EMPTY);
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at] !== EMPTY) this.add(old[at]!, old[at + 1]!);
  }
}

/** Mixes both halves of both numbers into a 32-bit hash. */
function hash(hi: number, lo: number): number {
  let h = Math.imul(hi | 0, 0x9e3779b1) ^ Math.imul((hi / TWO_POW_32) | 0, 0x85ebca6b);
  h = Math.imul(h ^ (lo | 0), 0xc2b2ae35) ^ Math.imul((lo / TWO_POW_32) | 0, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

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
