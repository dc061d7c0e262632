/** API schemas of /api/v1/units: the list query, adding a unit and changing one. */
import { z } from 'zod';
import { text } from './schemas.js';
import { UNIT_KINDS, UNIT_NAME_MAX } from './unit-rules.js';

export const unitListQuery = z.object({
  /** "true": deactivated units too (for administration); otherwise only the units that can be chosen. */
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const unitCreateBody = z.object({
  name: text(UNIT_NAME_MAX),
  kind: z.enum(UNIT_KINDS),
  /** One of the KAA's own units: its caseworkers work with the KAA's cases without consent. */
  kaa: z.boolean().default(false),
});
export type UnitCreateBody = z.infer<typeof unitCreateBody>;

/** What to change; a field left out stays as it is. `active: false` deactivates the unit. */
export const unitUpdateBody = z
  .object({
    name: text(UNIT_NAME_MAX).optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    kaa: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Nothing to change', path: ['name'] });
export type UnitUpdateBody = z.infer<typeof unitUpdateBody>;
