/** A human sentence for each kind of timeline event, in the UI language. */
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../core/schemas.js';
import { useFormat } from '../../i18n/format.js';
import { planEventSentence } from '../plans/planEventSentence.js';

type StaffRef = { id?: unknown; name?: unknown } | null | undefined;

/** Returns a function from event to sentence; `names` resolves staff ids whose name the payload lacks. */
export function useEventSentence(names: Map<string, string>): (event: TimelineEvent) => string {
  const { t, i18n } = useTranslation();
  const nameOf = (ref: StaffRef): string | null => {
    if (!ref) return null;
    if (typeof ref.name === 'string' && ref.name) return ref.name;
    if (typeof ref.id === 'string' && names.has(ref.id)) return names.get(ref.id)!;
    return t('events.unknownStaff');
  };
  const format = useFormat();
  const asOf = (p: Record<string, unknown>) => (typeof p.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.asOf) ? p.asOf : null);
  const status = (value: unknown) => t(`status.${String(value)}`, { defaultValue: String(value) });

  return (event) => {
    const p = event.payload;
    const actor = event.actor?.name ?? t('events.system');
    switch (event.type) {
      case 'person_created':
        return t('events.sentences.person_created', { actor });
      case 'person_updated': {
        const fields = Array.isArray(p.fields) ? (p.fields as unknown[]).map((f) => t(`persons.fields.${String(f)}`, { defaultValue: String(f) })) : [];
        return fields.length ? t('events.sentences.person_updated', { actor, fields: fields.join(', ') }) : t('events.sentences.person_updated_none', { actor });
      }
      case 'case_opened':
        return t('events.sentences.case_opened', { actor });
      case 'contact_person_changed': {
        const from = nameOf(p.from as StaffRef);
        const to = nameOf(p.to as StaffRef);
        if (to && from) return t('events.sentences.contact_person_changed', { actor, from, to });
        if (to) return t('events.sentences.contact_person_set', { actor, to });
        return t('events.sentences.contact_person_removed', { actor, from: from ?? t('events.unknownStaff') });
      }
      case 'case_status_changed':
        return t('events.sentences.case_status_changed', { actor, from: status(p.from), to: status(p.to) });
      case 'note':
        return event.correctsEventId ? t('events.sentences.note_correction', { actor }) : t('events.sentences.note', { actor });
      case 'register_entered': {
        const reason = t(`register.entry.${String(p.reason)}`, { defaultValue: String(p.reason ?? '') });
        return asOf(p) ? t('events.sentences.register_entered_on', { reason, date: format.date(asOf(p)!) }) : t('events.sentences.register_entered', { reason });
      }
      case 'register_left': {
        const reason = t(`register.leave.${String(p.reason)}`, { defaultValue: String(p.reason ?? '') });
        const left = asOf(p) ? t('events.sentences.register_left_on', { reason, date: format.date(asOf(p)!) }) : t('events.sentences.register_left', { reason });
        // The rule that no longer held says why in the source lists' terms, e.g. "Började gymnasiet".
        return typeof p.rule === 'string' && p.rule ? `${left} ${t('events.sentences.register_rule', { rule: t(`register.rules.${p.rule}`, { defaultValue: p.rule }) })}` : left;
      }
      case 'school_notification': {
        const school = typeof p.schoolUnitName === 'string' && p.schoolUnitName ? p.schoolUnitName : t('events.schoolUnit', { code: String(p.schoolUnitCode ?? '') });
        const kind = t(`events.notificationKinds.${String(p.kind)}`, { defaultValue: String(p.kind ?? '') });
        return typeof p.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.date)
          ? t('events.sentences.school_notification', { school, kind, date: format.date(p.date) })
          : t('events.sentences.school_notification_undated', { school, kind });
      }
      case 'contact_attempt':
        return t(p.channel === 'verify_school' || p.channel === 'known_elsewhere' ? 'events.sentences.contact_check' : 'events.sentences.contact_attempt', {
          actor,
          channel: t(`events.channels.${String(p.channel)}`, { defaultValue: String(p.channel ?? '') }),
          outcome: t(`events.outcomes.${String(p.outcome)}`, { defaultValue: String(p.outcome ?? '') }),
        });
      case 'team_changed': {
        const team = p.to && typeof (p.to as { name?: unknown }).name === 'string' ? (p.to as { name: string }).name : null;
        return team ? t('consentEvents.sentences.team_changed', { actor, team }) : t('consentEvents.sentences.team_removed', { actor });
      }
      case 'consent_recorded':
      case 'consent_withdrawn':
        return t(`consentEvents.sentences.${event.type}`, { actor });
      case 'application_received':
        return t('consentEvents.sentences.application_received', { actor, referrer: t(`applications.referrer.${String(p.referrer)}`, { defaultValue: String(p.referrer ?? '') }) });
      case 'application_decided':
        return t('consentEvents.sentences.application_decided', { actor, status: t(`applications.status.${String(p.status)}`, { defaultValue: String(p.status ?? '') }) });
      case 'next_step_changed':
        return t('events.sentences.next_step_changed', {
          actor,
          channel: t(`events.channels.${String(p.channel)}`, { defaultValue: String(p.channel ?? '') }),
          date: typeof p.dueOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.dueOn) ? format.date(p.dueOn) : '',
          reason: String(p.reason ?? ''),
        });
      case 'meeting_booked':
        return t('events.sentences.meeting_booked', {
          actor,
          kind: t(`calendar.kinds.${String(p.kind)}`, { defaultValue: String(p.kind ?? '') }).toLowerCase(),
          date: typeof p.startsAt === 'string' ? format.dateTime(p.startsAt) : '',
        });
      case 'plan_created':
      case 'plan_updated':
      case 'plan_signed':
        return planEventSentence(t, i18n.language, event.type, p, actor, format.date) ?? t('events.sentences.unknown');
      default:
        return t('events.sentences.unknown');
    }
  };
}
