/** The timeline's sentences for closing, taking on again, participant details and follow-up (core's case events). */
import type { TFunction } from 'i18next';
import { readEvent } from '../../../core/events/index.js';

/** The sentence of an outcome event, or null when the event is not one (or its payload does not fit). */
export function outcomeSentence(
  t: TFunction,
  date: (day: string) => string,
  type: string,
  payload: unknown,
  actor: string,
): string | null {
  const event = readEvent(type, payload);
  if (!event) return null;
  switch (event.type) {
    case 'case_closed': {
      const closed = t('outcomes.events.case_closed', {
        actor,
        outcome: t(`outcomes.codes.${event.payload.outcome}`),
        date: date(event.payload.closedOn),
      });
      const enrolments = event.payload.enrolmentsEnded ?? 0;
      return enrolments > 0
        ? `${closed} ${t('outcomes.events.case_closed_enrolments', { count: enrolments })}`
        : closed;
    }
    case 'case_reopened':
      return t('outcomes.events.case_reopened', { actor });
    case 'case_participant_changed':
      return t('outcomes.events.case_participant_changed', { actor });
    case 'documented_problems_changed':
      return t('outcomes.events.documented_problems_changed', { actor });
    case 'follow_up_recorded':
      return t('outcomes.events.follow_up_recorded', {
        actor,
        months: event.payload.months,
        result: t(`outcomes.followUpResults.${event.payload.result}`),
      });
    default:
      return null;
  }
}
