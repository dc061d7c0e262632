/** Timeline events of the measure area and their payloads (see `./index.ts`). */
import { z } from 'zod';

/** Payload schemas of the measure area's events, by event type. */
export const measureEvents = {} as const satisfies Record<string, z.ZodType>;
