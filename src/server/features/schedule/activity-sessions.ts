/**
 * The seam where group activities enter a young person's week: the sessions of the activities the
 * person is enrolled in between two days, cancelled and moved sessions shown as such. Group
 * activities (issue 16, branch wt-act) are not on main yet, so there are no sessions to show; when
 * their tables land, this reads them and nothing else in the schedule changes.
 */
import type { ScheduleItem } from '../../../core/schedule-schemas.js';
import type { Db } from '../../db/connection.js';

/** The person's activity sessions from `first` to `last` (days in Sweden) as items of the week. */
export async function activitySessionItems(_db: Db, _personId: string, _first: string, _last: string): Promise<ScheduleItem[]> {
  return [];
}
