/** The timeline's sentences for enrolments and attendance (core's activity-events), read through `readEvent`. */
import type { TFunction } from 'i18next';
import { readEvent } from '../../../core/events/index.js';

/** The sentence of an enrolment or attendance event, or null when the event is not one (or does not fit). */
export function activitySentence(
  t: TFunction,
  date: (day: string) => string,
  type: string,
  payload: unknown,
  actor: string,
): string | null {
  const event = readEvent(type, payload);
  if (!event) return null;
  switch (event.type) {
    case 'activity_enrolled': {
      const { activity, from, to } = event.payload;
      const params = { actor, activity: activity.title, from: date(from), to: to ? date(to) : '' };
      return t(to ? 'activityEvents.enrolledUntil' : 'activityEvents.enrolled', params);
    }
    case 'activity_enrolment_ended':
      return t('activityEvents.enrolmentEnded', {
        actor,
        activity: event.payload.activity.title,
        to: date(event.payload.to),
      });
    case 'attendance_recorded': {
      const { activity, occursOn, status, previousStatus } = event.payload;
      const params = {
        actor,
        activity: activity.title,
        date: date(occursOn),
        status: t(`activities.status.${status}`).toLowerCase(),
        previous: previousStatus ? t(`activities.status.${previousStatus}`).toLowerCase() : '',
      };
      if (previousStatus) return t('activityEvents.attendanceCorrected', params);
      return t(status === 'absent' ? 'activityEvents.absent' : 'activityEvents.attendance', params);
    }
    default:
      return null;
  }
}
