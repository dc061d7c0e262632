/** Timeline events of the plan area and their payloads (see `./index.ts`). */
import { z } from 'zod';

/** Payload schemas of the plan area's events, by event type. */
export const planEvents = {} as const satisfies Record<string, z.ZodType>;
