import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, eventPayload, readEvent } from './index.js';

describe('typed timeline events', () => {
  it('reads a stored event of a known type with a fitting payload', () => {
    expect(readEvent('case_status_changed', { from: 'new', to: 'active' })).toEqual({ type: 'case_status_changed', payload: { from: 'new', to: 'active' } });
  });

  it('reads an event of a type it does not know as null instead of guessing', () => {
    expect(readEvent('no_such_event', {})).toBeNull();
  });

  it('lists every type once', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(EVENT_TYPES).toContain('note');
  });

  it('refuses to write a payload that does not fit its schema', () => {
    expect(() => eventPayload('note', 'not an object' as never)).toThrow();
  });
});
