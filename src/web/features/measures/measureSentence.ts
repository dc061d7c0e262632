/** The timeline's sentences for the measure area's events (core's measure-events), read through `readEvent`. */
import type { TFunction } from 'i18next';
import { readEvent } from '../../../core/events/index.js';

/** The sentence of a measure or referral event, or null when the event is not one (or its payload does not fit). */
export function measureSentence(
  t: TFunction,
  date: (day: string) => string,
  type: string,
  payload: unknown,
  actor: string,
): string | null {
  const event = readEvent(type, payload);
  if (!event) return null;
  const agency = (p: { agency: string; agencyName: string | null }) =>
    p.agencyName ?? t(`referrals.agencies.${p.agency}`);
  switch (event.type) {
    case 'measure_started':
      return t('measureEvents.measure_started', {
        actor,
        offer: event.payload.offerName,
        date: date(event.payload.startsOn),
      });
    case 'measure_updated':
      return t('measureEvents.measure_updated', { actor, offer: event.payload.offerName });
    case 'measure_ended':
      return t('measureEvents.measure_ended', {
        actor,
        offer: event.payload.offerName,
        date: date(event.payload.endedOn),
        reason: t(`measures.endReasons.${event.payload.endReason}`),
      });
    case 'referral_sent':
      return t('measureEvents.referral_sent', {
        actor,
        agency: agency(event.payload),
        date: date(event.payload.sentOn),
      });
    case 'referral_updated':
      return t('measureEvents.referral_updated', {
        actor,
        agency: agency(event.payload),
        status: t(`referrals.statuses.${event.payload.status}`),
      });
    default:
      return null;
  }
}
