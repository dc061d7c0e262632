/**
 * Building blocks of event payload schemas. Core's API schemas (`../schemas.ts`) import the event map,
 * so these are defined here rather than taken from there. A field that earlier code did not always
 * write is `.nullable().default(null)`: writers must give it (the output type requires it), and an
 * old stored event without it still reads, with null.
 */
import { z } from 'zod';

/** An id as Lotsa writes them (any 8-4-4-4-12 hex, so that ids of every version read). */
export const eventId = z.guid();
/** A day, YYYY-MM-DD. */
export const eventDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An instant, as an ISO 8601 date-time string. */
export const eventInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'invalid_datetime' });
/**
 * A staff member as an event names them: id and name at the time. Events of the first weeks stored
 * the id alone (read with name null: readers look the name up, or say "a colleague").
 */
export const eventStaff = z.object({ id: eventId, name: z.string().nullable().default(null) });
/** A text a writer may leave out, stored as null. */
export const nullableText = z.string().nullable().default(null);
