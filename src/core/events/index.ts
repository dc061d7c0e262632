/**
 * Every kind of timeline event and the zod schema of its payload, in one map built from one file per
 * area. Writers build events through `eventPayload` (server: `eventRow`), readers parse them through
 * `readEvent`, so a changed payload fails the type check or a test instead of failing silently.
 */
import { z } from 'zod';
import { activityEvents } from './activity-events.js';
import { assessmentEvents } from './assessment-events.js';
import { caseEvents } from './case-events.js';
import { consentEvents } from './consent-events.js';
import { measureEvents } from './measure-events.js';
import { outreachEvents } from './outreach-events.js';
import { planEvents } from './plan-events.js';
import { registerEvents } from './register-events.js';
import { teamMeetingEvents } from './team-meeting-events.js';

/** The payload schema of each event type. */
export const EVENT_PAYLOADS = {
  ...registerEvents,
  ...caseEvents,
  ...outreachEvents,
  ...consentEvents,
  ...assessmentEvents,
  ...planEvents,
  ...measureEvents,
  ...teamMeetingEvents,
  ...activityEvents,
} as const satisfies Record<string, z.ZodType>;

/** The name of a kind of timeline event. */
export type EventType = keyof typeof EVENT_PAYLOADS;
/** Every event type, in the order of the map. */
export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as [EventType, ...EventType[]];
/** The payload of one event type, as written. */
export type EventPayload<T extends EventType> = z.output<(typeof EVENT_PAYLOADS)[T]>;
/** A typed event: its type and its payload, discriminated by `type`. */
export type TypedEvent = { [T in EventType]: { type: T; payload: EventPayload<T> } }[EventType];

/**
 * Every typed event as one zod schema, a discriminated union on `type`: what `readEvent` parses a
 * stored row's type and payload with. (The timeline's API response keeps `payload` a plain record:
 * its zod serializer would otherwise refuse a whole timeline for one stored payload that no longer fits.)
 */
export const typedEventSchema = z.discriminatedUnion(
  'type',
  EVENT_TYPES.map((type) => z.object({ type: z.literal(type), payload: EVENT_PAYLOADS[type] })) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<EventType>; payload: z.ZodType }>,
  ],
) as unknown as z.ZodType<TypedEvent>;

/** Checks a payload against its type's schema before it is written; throws on a programming error. */
export function eventPayload<T extends EventType>(type: T, payload: EventPayload<T>): EventPayload<T> {
  return EVENT_PAYLOADS[type].parse(payload) as EventPayload<T>;
}

/** Reads a stored event: the typed event, or null when its type is unknown or its payload does not fit. */
export function readEvent(type: string, payload: unknown): TypedEvent | null {
  const parsed = typedEventSchema.safeParse({ type, payload });
  return parsed.success ? parsed.data : null;
}
