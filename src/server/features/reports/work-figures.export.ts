/** The figures page's reports as one table each, for CSV and XLSX (the same columns as their JSON). */
type Cell = string | number | null;
type Table = { header: string[]; rows: Cell[][] };
type C = Cell | undefined;

/** Outreach by channel: one row per rung. */
export function channelTable(r: { channels: { channel: string; attempts: C; reached: C; persons: C; personsReached: C; reachedShare: C }[] }): Table {
  return {
    header: ['channel', 'attempts', 'reached', 'persons', 'persons_reached', 'reached_share'],
    rows: r.channels.map((c) => [c.channel, c.attempts ?? null, c.reached ?? null, c.persons ?? null, c.personsReached ?? null, c.reachedShare ?? null]),
  };
}

/** Measures per offer: one row per offer, then the total and the cost of a young person lost to society. */
export function measureTable(r: {
  offers: { name: string; kind: string; participants: C; completed: C; interrupted: C; outcomes: C; cost: C; costPerParticipant: C; costPerOutcome: C }[];
  total: { participants: C; completed: C; interrupted: C; outcomes: C; cost: C };
  lostYoungPersonCost: number;
}): Table {
  const n = (v: C) => v ?? null;
  return {
    header: ['offer', 'kind', 'participants', 'completed', 'interrupted', 'outcomes', 'cost', 'cost_per_participant', 'cost_per_outcome'],
    rows: [
      ...r.offers.map((o) => [o.name, o.kind, n(o.participants), n(o.completed), n(o.interrupted), n(o.outcomes), n(o.cost), n(o.costPerParticipant), n(o.costPerOutcome)]),
      ['total', 'all', n(r.total.participants), n(r.total.completed), n(r.total.interrupted), n(r.total.outcomes), n(r.total.cost), null, null],
      ['lost_young_person', 'setting', null, null, null, null, r.lostYoungPersonCost, null, null],
    ],
  };
}

/** Status on a day: participants by status, gender and target group, then each caseload against its capacity. */
export function statusTable(r: {
  participants: C;
  byGender: { female: C; male: C };
  byStatus: Record<string, { total: C; female: C; male: C }>;
  byTargetGroup: Record<string, C>;
  caseload: { contactPerson: { name: string } | null; open: C; capacity: C }[];
}): Table {
  const n = (v: C) => v ?? null;
  const rows: Cell[][] = [['participants', 'all', n(r.participants), n(r.byGender.female), n(r.byGender.male), null]];
  for (const [code, v] of Object.entries(r.byStatus)) rows.push(['status', code, n(v.total), n(v.female), n(v.male), null]);
  for (const [code, v] of Object.entries(r.byTargetGroup)) rows.push(['target_group', code, n(v), null, null, null]);
  for (const c of r.caseload) rows.push(['caseload', c.contactPerson?.name ?? 'none', n(c.open), null, null, n(c.capacity)]);
  return { header: ['group', 'code', 'total', 'female', 'male', 'capacity'], rows };
}
