/** The web's calls to /api/v1/units and the query keys of the units, for TanStack Query. */
import type { Unit } from '../../../core/schemas.js';
import type { UnitCreateBody, UnitUpdateBody } from '../../../core/unit-schemas.js';
import { request } from '../../api/client.js';

/** Query keys: every unit (administration) and the units that can be chosen. */
export const unitKeys = {
  all: ['units'] as const,
  withInactive: ['units', 'with-inactive'] as const,
};

export const unitsApi = {
  /** Every unit of the municipality, deactivated ones too (for administration). */
  listAll: () => request<Unit[]>('/api/v1/units', { query: { includeInactive: 'true' } }),
  add: (body: UnitCreateBody) => request<Unit>('/api/v1/units', { method: 'POST', body }),
  update: (id: string, body: UnitUpdateBody) =>
    request<Unit>(`/api/v1/units/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
};
