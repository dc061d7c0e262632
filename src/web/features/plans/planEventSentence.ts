/**
 * The timeline sentences of the plan's events (plan_created, plan_updated, plan_signed), read through core's typed
 * events.
 */
import type { TFunction } from 'i18next';
import { readEvent } from '../../../core/events/index.js';
import { goalAreaName, type PlanChangeSummary } from '../../../core/plan.js';

/** The sentence of a plan event, or null when the event is not one of the plan's (or its payload does not fit). */
export function planEventSentence(
  t: TFunction,
  language: string,
  type: string,
  payload: unknown,
  actor: string,
  formatDate: (day: string) => string,
): string | null {
  const event = readEvent(type, payload);
  if (!event) return null;
  const lang = language.startsWith('en') ? 'en' : 'sv';
  const areas = (codes: string[]) => codes.map((c) => goalAreaName(c, lang)).join(', ');
  switch (event.type) {
    case 'plan_created':
      return t('planEvents.created', {
        actor,
        count: event.payload.goalAreas.length,
        areas: areas(event.payload.goalAreas),
      });
    case 'plan_updated':
      return t('planEvents.updated', {
        actor,
        version: event.payload.version,
        changes: changeText(t, event.payload.summary, areas),
      });
    case 'plan_signed':
      return t('planEvents.signed', {
        version: event.payload.version,
        signer: t(`plan.signers.${event.payload.signedBy}`),
        method: t(`plan.methods.${event.payload.method}`),
        date: formatDate(event.payload.signedOn),
      });
    default:
      return null;
  }
}

/** "mål tillagda: Studier; 2 steg ändrade" — what changed, in short. */
export function changeText(t: TFunction, s: PlanChangeSummary, areas: (codes: string[]) => string): string {
  const parts: string[] = [];
  if (s.goalsAdded.length) parts.push(t('planEvents.goalsAdded', { areas: areas(s.goalsAdded) }));
  if (s.goalsRemoved.length) parts.push(t('planEvents.goalsRemoved', { areas: areas(s.goalsRemoved) }));
  if (s.goalsChanged.length) parts.push(t('planEvents.goalsChanged', { areas: areas(s.goalsChanged) }));
  if (s.stepsAdded) parts.push(t('planEvents.stepsAdded', { count: s.stepsAdded }));
  if (s.stepsChanged) parts.push(t('planEvents.stepsChanged', { count: s.stepsChanged }));
  if (s.stepsRemoved) parts.push(t('planEvents.stepsRemoved', { count: s.stepsRemoved }));
  if (s.followUpChanged) parts.push(t('planEvents.followUpChanged'));
  if (s.evaluationChanged) parts.push(t('planEvents.evaluationChanged'));
  return parts.length ? parts.join('; ') : t('planEvents.nothing');
}
