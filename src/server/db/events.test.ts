import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readEvent } from '../../core/events/index.js';
import { eventRow } from './events.js';
import type { Database } from './types.js';

describe('timeline event rows', () => {
  it('carry the payload as checked by its schema, with what old rows may lack filled in', () => {
    const row = eventRow({ municipality_id: 'm', person_id: 'p', actor_id: null }, 'contact_person_changed', {
      from: null,
      to: { id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'Kim' },
    });
    expect(row).toMatchObject({ type: 'contact_person_changed', municipality_id: 'm', person_id: 'p' });
    expect(readEvent(row.type, JSON.parse(row.payload as string))).toEqual({
      type: 'contact_person_changed',
      payload: { from: null, to: { id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'Kim' } },
    });
  });

  it('refuse a payload that does not fit, before anything is written', () => {
    expect(() =>
      eventRow({ municipality_id: 'm', person_id: 'p' }, 'case_status_changed', { from: 'new', to: 'gone' as never }),
    ).toThrow();
  });

  it('cannot be written with an unchecked payload: `npm test` type-checks that the line below fails', () => {
    const write = (db: Kysely<Database>) =>
      db.insertInto('events').values({
        municipality_id: 'm',
        person_id: 'p',
        type: 'note',
        // @ts-expect-error a payload must come from eventRow (or storedAsIs in a test of legacy rows)
        payload: JSON.stringify({ text: 'unchecked' }),
      });
    expect(write).toBeTypeOf('function');
  });
});
