/**
 * Hash tables of whole numbers (below 2^53) kept in typed arrays, for the hundreds of thousands of
 * rows a source list has: a Set or Map of that many keys holds an object per key (a string, or a
 * boxed number) that the garbage collector copies again and again while the table grows, which
 * cost a large part of reading a list here. These hold no object per entry.
 */

const EMPTY = -1;
const TWO_POW_32 = 4294967296;

/** Mixes both halves of both numbers into a 32-bit hash. */
function hash(hi: number, lo: number): number {
  let h = Math.imul(hi | 0, 0x9e3779b1) ^ Math.imul((hi / TWO_POW_32) | 0, 0x85ebca6b);
  h = Math.imul(h ^ (lo | 0), 0xc2b2ae35) ^ Math.imul((lo / TWO_POW_32) | 0, 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

/** A set of pairs of non-negative whole numbers, in one typed array that doubles as it fills. */
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

/** A map from non-negative whole numbers to whole numbers that fit 32 bits, signed. */
export class IntegerMap {
  private keys = new Float64Array(1024).fill(EMPTY);
  private values = new Int32Array(1024);
  private size = 0;

  /** The value of `key`, or `missing` when it has none. */
  get(key: number, missing = -1): number {
    const i = this.slot(key);
    return this.keys[i] === key ? this.values[i]! : missing;
  }

  set(key: number, value: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const i = this.slot(key);
    if (this.keys[i] !== key) {
      this.keys[i] = key;
      this.size++;
    }
    this.values[i] = value;
  }

  /** Where `key` is, or the empty slot where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = hash(key, 0) & mask;
    while (this.keys[i] !== EMPTY && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(2 * keys.length).fill(EMPTY);
    this.values = new Int32Array(2 * keys.length);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.set(keys[i]!, values[i]!);
  }
}
