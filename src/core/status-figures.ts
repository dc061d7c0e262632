/**
 * Status now (issue 15): the participants on a chosen day by status, gender and target group, and
 * the caseload of each contact person against the capacity set for them. Pure; the server groups in
 * SQL and folds here.
 */
import type { CaseStatus } from './cases.js';
import type { Gender } from './personnummer.js';
import type { TargetGroup } from './outcomes.js';
import { share } from './figures.js';

/** The statuses an open case can have. */
export const OPEN_STATUSES = ['new', 'contacting', 'active'] as const satisfies readonly CaseStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/**
 * A case's status at the end of a day it was open: the latest status it was set to by then; while
 * that is `new` (or it was never set), `contacting` once a contact attempt was made after it (making
 * an attempt moves a new case on without a status event).
 */
export function statusOn(f: { lastSetTo: CaseStatus | null; attemptedSince: boolean }): OpenStatus {
  if (f.lastSetTo === 'contacting' || f.lastSetTo === 'active') return f.lastSetTo;
  return f.attemptedSince ? 'contacting' : 'new';
}

/** Open cases alike in what the figure counts, as the SQL groups them. */
export type StatusGroup = {
  lastSetTo: CaseStatus | null;
  attemptedSince: boolean;
  gender: Gender;
  targetGroup: TargetGroup;
  n: number;
};

/** One contact person's open cases on the day (`contactPerson` null: cases without one). */
export type CaseloadCount = {
  contactPerson: { id: string; name: string } | null;
  open: number;
  capacity: number | null;
};

export type StatusFigures = {
  on: string;
  participants: number;
  byStatus: Record<OpenStatus, { total: number; female: number; male: number }>;
  byGender: Record<Gender, number>;
  byTargetGroup: Record<TargetGroup, number>;
  caseload: (CaseloadCount & { load: number | null; overCapacity: boolean | null })[];
};

/** Folds the groups and caseloads; a contact person without a capacity of their own has `defaultCapacity`. */
export function statusFigures(input: {
  on: string;
  groups: readonly StatusGroup[];
  caseload: readonly CaseloadCount[];
  defaultCapacity: number;
}): StatusFigures {
  const byStatus = {
    new: { total: 0, female: 0, male: 0 },
    contacting: { total: 0, female: 0, male: 0 },
    active: { total: 0, female: 0, male: 0 },
  };
  const byGender = { female: 0, male: 0 };
  const byTargetGroup = { kaa: 0, young_adult: 0, other: 0 };
  let participants = 0;
  for (const g of input.groups) {
    const s = byStatus[statusOn(g)];
    s.total += g.n;
    s[g.gender] += g.n;
    byGender[g.gender] += g.n;
    byTargetGroup[g.targetGroup] += g.n;
    participants += g.n;
  }
  const caseload = input.caseload.map((c) => {
    const capacity = c.contactPerson ? (c.capacity ?? input.defaultCapacity) : null;
    return {
      ...c,
      capacity,
      load: capacity === null ? null : share(c.open, capacity),
      overCapacity: capacity !== null && c.open > capacity,
    };
  });
  return { on: input.on, participants, byStatus, byGender, byTargetGroup, caseload };
}
