import { describe, expect, it } from 'vitest';
import { EVENT_PAYLOADS, EVENT_TYPES, eventPayload, readEvent, typedEventSchema, type EventType } from './index.js';
import { STORED_EVENTS } from './stored-events.testdata.js';

const STAFF = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const ID = '3d9e1c2b-7a6f-4e5d-9c8b-1a2b3c4d5e6f';

describe('typed timeline events', () => {
  it('reads a stored event of a known type with a fitting payload', () => {
    expect(readEvent('case_status_changed', { from: 'new', to: 'active' })).toEqual({
      type: 'case_status_changed',
      payload: { from: 'new', to: 'active' },
    });
  });

  it('reads an event of a type it does not know as null instead of guessing', () => {
    expect(readEvent('no_such_event', {})).toBeNull();
    expect(readEvent('__proto__', {})).toBeNull();
    expect(readEvent('constructor', {})).toBeNull();
  });

  it('lists every type once', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(EVENT_TYPES).toContain('note');
  });

  it('refuses to write a payload that does not fit its schema', () => {
    expect(() => eventPayload('note', 'not an object' as never)).toThrow();
  });
});

/** The kinds of event written before typed events, in 17 places. */
const EARLIER_TYPES = [
  'person_created',
  'person_updated',
  'case_opened',
  'contact_person_changed',
  'case_status_changed',
  'note',
  'register_entered',
  'register_left',
  'contact_attempt',
  'school_notification',
  'team_changed',
  'consent_recorded',
  'consent_withdrawn',
  'application_received',
  'application_decided',
  'next_step_changed',
  'meeting_booked',
] as const satisfies readonly EventType[];

describe('the events that existed before typed events', () => {
  it('are all typed: none is a loose record any more', () => {
    for (const type of ['person_created', 'case_opened'] as const)
      expect(EVENT_PAYLOADS[type].safeParse({}).success, type).toBe(true);
    for (const type of EARLIER_TYPES.filter((t) => t !== 'person_created' && t !== 'case_opened')) {
      expect(EVENT_PAYLOADS[type].safeParse({ anything: 'goes' }).success, type).toBe(false);
    }
  });

  it('read in every shape earlier code stored them, one or more of each kind', () => {
    for (const stored of STORED_EVENTS) expect(readEvent(stored.type, stored.payload), stored.name).not.toBeNull();
    const kinds = new Set(STORED_EVENTS.map((s) => s.type));
    for (const type of EARLIER_TYPES) expect(kinds.has(type), type).toBe(true);
  });

  it('fill what old rows lack with null, so readers need not guess', () => {
    expect(readEvent('contact_person_changed', { from: null, to: { id: STAFF } })).toEqual({
      type: 'contact_person_changed',
      payload: { from: null, to: { id: STAFF, name: null } },
    });
    expect(readEvent('contact_attempt', { channel: 'sms', outcome: 'no_answer' })?.payload).toEqual({
      channel: 'sms',
      outcome: 'no_answer',
      occupation: null,
      agreed: null,
      note: null,
    });
    expect(readEvent('consent_recorded', { consentId: ID })?.payload).toEqual({
      consentId: ID,
      categories: null,
      recipients: null,
      validUntil: null,
    });
    expect(readEvent('register_left', { reason: 'moved_out' })?.payload).toEqual({
      reason: 'moved_out',
      rule: null,
      asOf: null,
    });
  });

  it('read a payload that does not fit as null: a wrong value, a missing field, the wrong type', () => {
    expect(readEvent('case_status_changed', { from: 'new', to: 'archived' })).toBeNull();
    expect(readEvent('note', {})).toBeNull();
    expect(readEvent('contact_attempt', { channel: 'pigeon', outcome: 'sent' })).toBeNull();
    expect(
      readEvent('school_notification', {
        kind: 'absence',
        date: '2 november',
        schoolUnitCode: '87654321',
        notificationId: ID,
      }),
    ).toBeNull();
    expect(readEvent('meeting_booked', { kind: 'meeting', startsAt: 'soon', staff: [] })).toBeNull();
    expect(readEvent('team_changed', null)).toBeNull();
  });

  it('keep only the fields of the schema when read (an unknown field is not passed on as typed)', () => {
    expect(readEvent('note', { text: 'Hej', extra: 1 })?.payload).toEqual({ text: 'Hej' });
  });

  it('are written only in their current shape', () => {
    expect(
      eventPayload('contact_attempt', {
        channel: 'phone',
        outcome: 'reached',
        occupation: 'work',
        agreed: null,
        note: null,
      }),
    ).toEqual({ channel: 'phone', outcome: 'reached', occupation: 'work', agreed: null, note: null });
    expect(() => eventPayload('case_status_changed', { from: 'new', to: 'archived' as never })).toThrow();
    expect(() =>
      eventPayload('consent_recorded', { consentId: 'not an id', categories: [], recipients: 1, validUntil: null }),
    ).toThrow();
    expect(() => eventPayload('person_updated', { fields: [''] })).toThrow();
  });

  it('parse as one discriminated union on type', () => {
    expect(typedEventSchema.safeParse({ type: 'note', payload: { text: 'Hej' } }).success).toBe(true);
    expect(typedEventSchema.safeParse({ type: 'note', payload: { from: 'new', to: 'active' } }).success).toBe(false);
    expect(typedEventSchema.safeParse({ type: 'nothing', payload: {} }).success).toBe(false);
  });
});
