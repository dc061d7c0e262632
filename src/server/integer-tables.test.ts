import { describe, expect, it } from 'vitest';
import { IntegerMap, IntegerPairSet } from './integer-tables.js';

/** A repeatable stream of pseudo-random whole numbers below `n`. */
function randomBelow(seed: number) {
  return (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
}

describe('integer tables', () => {
  it('a pair set keeps every pair through growing, as a Set of their texts does', () => {
    const set = new IntegerPairSet();
    const texts = new Set<string>();
    const random = randomBelow(1);
    for (let i = 0; i < 50_000; i++) {
      // Few distinct values, so about half the pairs come again.
      const hi = 200_000_000_000 + random(300) * 1_000_003;
      const lo = random(100) * 4_194_304 + random(3);
      const text = `${hi}:${lo}`;
      expect(set.add(hi, lo)).toBe(!texts.has(text));
      texts.add(text);
    }
    expect(texts.size).toBeGreaterThan(20_000);
    expect(texts.size).toBeLessThan(50_000);
  });

  it('a map gives the newest value of every key through growing, as a Map does, and says when a key has none', () => {
    const map = new IntegerMap();
    const expected = new Map<number, number>();
    const random = randomBelow(7);
    for (let i = 0; i < 50_000; i++) {
      const key = 190_000_000_000 + random(30_000) * 10_007;
      map.set(key, i);
      expected.set(key, i);
    }
    for (const [key, value] of expected) expect(map.get(key)).toBe(value);
    expect(map.get(0)).toBe(-1);
    expect(map.get(999_999_999_999, -7)).toBe(-7);
  });
});
