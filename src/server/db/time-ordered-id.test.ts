import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.js';

describe('time-ordered ids', () => {
  it('are version-7 UUIDs of the RFC variant that carry the time they were made', () => {
    const before = Date.now();
    const id = timeOrderedId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    // At most a few milliseconds ahead when earlier calls borrowed from the next millisecond.
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThan(Date.now() + 50);
  });

  it('always increase, also many to a millisecond, and never repeat', () => {
    const ids = Array.from({ length: 50_000 }, timeOrderedId);
    expect([...new Set(ids)].sort()).toEqual(ids);
  });
});
