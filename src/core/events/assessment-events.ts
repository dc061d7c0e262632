/** Timeline events of the assessment area and their payloads (see `./index.ts`). */
import { z } from 'zod';

/** Payload schemas of the assessment area's events, by event type. */
export const assessmentEvents = {} as const satisfies Record<string, z.ZodType>;
