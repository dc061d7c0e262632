/** The timeline's sentence for a team meeting's decision. */
import type { TFunction } from 'i18next';
import { readEvent } from '../../../core/events/index.js';

/** The sentence of a team meeting decision, or null when the event is not one (or its payload does not fit). */
export function teamMeetingSentence(
  t: TFunction,
  date: (day: string) => string,
  type: string,
  payload: unknown,
  actor: string,
): string | null {
  const event = readEvent(type, payload);
  if (event?.type !== 'team_meeting_decision') return null;
  const p = event.payload;
  const params = {
    actor,
    team: p.team.name,
    date: date(p.heldOn),
    decision: t(`teamMeetings.decisionKinds.${p.kind}`),
    text: p.text ?? '',
  };
  return t(p.text ? 'teamMeetings.event.withText' : 'teamMeetings.event.plain', params);
}
