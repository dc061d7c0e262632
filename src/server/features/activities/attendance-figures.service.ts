/**
 * The figures page's attendance (issue 16, "Figures"): over a period, per activity the sessions held and the
 * attendance rate with anonymous visits counted, and the young people counted into bands of their own rate. Counts
 * only, never who. Inside the municipality its coordinator and managers see every count; everyone else with
 * `figures.read` reads 1 and 2 as "<3" (and a cell beside one that totals would give back), and a rate computed from a
 * hidden count is left out.
 */
import { expandSessions } from '../../../core/activities.js';
import type { AttendanceFiguresView } from '../../../core/activity-schemas.js';
import { attendanceInPeriod, protectAttendancePartitions } from '../../../core/attendance-figures.js';
import { seesSmallCellsInside, SMALL_CELL, suppressSmallCells } from '../../../core/figures.js';
import { requireCapability } from '../../access/access.js';
import type { RequestContext } from '../../http/context.js';
import { selectActivitiesInPeriod, selectLatestAttendance, selectSessionChangesOf } from './activities.queries.js';
import { checkRange, isHoliday, timingOf } from './activities.service.js';

/** The period's attendance figures of the actor's municipality. */
export async function attendanceFiguresFor(
  ctx: RequestContext,
  q: { from: string; to: string },
): Promise<AttendanceFiguresView> {
  requireCapability(ctx.actor, 'figures.read');
  const { from, to } = q;
  checkRange(from, to);
  const { municipalityId } = ctx.actor;
  const rows = await selectActivitiesInPeriod(ctx.db, municipalityId, from, to);
  const changes = await selectSessionChangesOf(
    ctx.db,
    rows.map((a) => a.id),
  );
  const activities = rows.map((a) => ({
    activityId: a.id,
    title: a.title,
    kind: a.kind,
    sessions: expandSessions(a.id, timingOf(a), from, to, changes.get(a.id) ?? [], isHoliday).filter(
      (s) => !s.cancelled,
    ).length,
  }));
  // Only entries of the municipality's own activities (an entry filed elsewhere is a fault not to trust).
  const own = new Set(rows.map((a) => a.id));
  const latest = (await selectLatestAttendance(ctx.db, municipalityId, { from, to })).filter((l) =>
    own.has(l.activity_id),
  );
  const figures = attendanceInPeriod(
    { from, to },
    activities,
    latest.map((l) => ({
      activityId: l.activity_id,
      personId: l.person_id,
      anonymousKey: l.anonymous_key,
      status: l.status,
    })),
  );
  if (seesSmallCellsInside(ctx.actor)) return { ...figures, smallCellsSuppressed: false };
  const shown = protectAttendancePartitions(
    suppressSmallCells(figures, ['from', 'to', 'activityId', 'title', 'kind', 'sessions', 'rate']),
  );
  const hidden = (...cells: unknown[]) => cells.some((c) => c === SMALL_CELL);
  return {
    ...shown,
    // A rate beside a hidden count would give the count back.
    activities: shown.activities.map((a) => ({
      ...a,
      rate: hidden(a.present, a.late, a.absent, a.youngPeople) ? null : a.rate,
    })),
    totals: { ...shown.totals, rate: hidden(shown.totals.youngPeople) ? null : shown.totals.rate },
    smallCellsSuppressed: true,
  } as AttendanceFiguresView;
}

/** The figures as one table for CSV and XLSX: a row per activity, then a row per band of young people's rates. */
export function attendanceTable(f: AttendanceFiguresView): { header: string[]; rows: (string | number | null)[][] } {
  const header = [
    'group',
    'code',
    'title',
    'sessions',
    'present',
    'late',
    'absent',
    'excused',
    'rate',
    'anonymous_visits',
    'young_people',
  ];
  const rows: (string | number | null)[][] = f.activities.map((a) => [
    'activity',
    a.activityId,
    a.title,
    a.sessions,
    a.present,
    a.late,
    a.absent,
    a.excused,
    a.rate,
    a.anonymousVisits,
    a.youngPeople,
  ]);
  for (const [band, count] of Object.entries(f.youngPeople))
    rows.push(['young_people_by_rate', band, null, null, null, null, null, null, null, null, count]);
  rows.push([
    'total',
    'all',
    null,
    null,
    null,
    null,
    null,
    null,
    f.totals.rate,
    f.totals.anonymousVisits,
    f.totals.youngPeople,
  ]);
  return { header, rows };
}
