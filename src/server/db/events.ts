/** Builds timeline event rows through core's typed payload schemas (`src/core/events`). */
import type { Insertable, Kysely } from 'kysely';
import { eventPayload, type EventPayload, type EventType } from '../../core/events/index.js';
import type { CheckedEventPayload, Database, EventsTable } from './types.js';

/** Where an event belongs and who caused it; everything of a row but its type and payload. */
export type EventBase = Omit<Insertable<EventsTable>, 'type' | 'payload'>;

/** One row for `insertInto('events')`, its payload checked against the schema of its type. */
export function eventRow<T extends EventType>(
  base: EventBase,
  type: T,
  payload: EventPayload<T>,
): Insertable<EventsTable> {
  return { ...base, type, payload: JSON.stringify(eventPayload(type, payload)) as CheckedEventPayload };
}

/**
 * A payload stored as it is, unchecked: only for tests that store what earlier code wrote (legacy
 * shapes, a broken row) to prove it stays readable. Production code builds rows with `eventRow`.
 */
export function storedAsIs(payload: unknown): CheckedEventPayload {
  return (typeof payload === 'string' ? payload : JSON.stringify(payload)) as CheckedEventPayload;
}

/** Inserts timeline event rows built with `eventRow`; nothing when there are none. */
export async function insertEvents(db: Kysely<Database>, ...rows: Insertable<EventsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('events').values(rows).execute();
}
