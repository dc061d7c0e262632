/**
 * A human sentence for each kind of timeline event, in the UI language. Payloads are read through
 * core's event schemas (`readEvent`): an event whose payload does not fit its type (or whose type
 * this build does not know) gets the generic sentence rather than a guess.
 */
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../core/schemas.js';
import { useFormat } from '../../i18n/format.js';
import { readEvent } from '../../../core/events/index.js';
import { localText } from '../../../core/assessment.js';
import { measureSentence } from '../measures/measureSentence.js';
import { planEventSentence } from '../plans/planEventSentence.js';
import { outcomeSentence } from '../outcomes/outcomeSentence.js';
import { teamMeetingSentence } from '../team-meetings/decisionSentence.js';
import { activitySentence } from '../activities/activitySentence.js';

type Translate = ReturnType<typeof useTranslation>['t'];
/** What a sentence needs: the translation function, date formatting, and names of staff by id. */
export type SentenceTools = {
  t: Translate;
  format: { date: (value: string) => string; dateTime: (value: string) => string };
  names: ReadonlyMap<string, string>;
  language?: string;
};

/** The sentence that says what `event` was, by whom. */
export function eventSentence(event: TimelineEvent, { t, format, names, language = 'sv' }: SentenceTools): string {
  const nameOf = (ref: { id: string; name: string | null } | null): string | null => {
    if (!ref) return null;
    return ref.name || names.get(ref.id) || t('events.unknownStaff');
  };
  const actor = event.actor?.name ?? t('events.system');
  const e = readEvent(event.type, event.payload);
  if (!e) return t('events.sentences.unknown');
  switch (e.type) {
    case 'person_created':
      return t('events.sentences.person_created', { actor });
    case 'person_updated': {
      const fields = e.payload.fields.map((f) => t(`persons.fields.${f}`, { defaultValue: f }));
      return fields.length
        ? t('events.sentences.person_updated', { actor, fields: fields.join(', ') })
        : t('events.sentences.person_updated_none', { actor });
    }
    case 'case_opened':
      return t('events.sentences.case_opened', { actor });
    case 'contact_person_changed': {
      const from = nameOf(e.payload.from);
      const to = nameOf(e.payload.to);
      if (to && from) return t('events.sentences.contact_person_changed', { actor, from, to });
      if (to) return t('events.sentences.contact_person_set', { actor, to });
      return t('events.sentences.contact_person_removed', { actor, from: from ?? t('events.unknownStaff') });
    }
    case 'case_status_changed':
      return t('events.sentences.case_status_changed', {
        actor,
        from: t(`status.${e.payload.from}`),
        to: t(`status.${e.payload.to}`),
      });
    case 'note':
      return event.correctsEventId
        ? t('events.sentences.note_correction', { actor })
        : t('events.sentences.note', { actor });
    case 'register_entered': {
      const { reason, asOf } = e.payload;
      const why = t(`register.entry.${reason}`);
      return asOf
        ? t('events.sentences.register_entered_on', { reason: why, date: format.date(asOf) })
        : t('events.sentences.register_entered', { reason: why });
    }
    case 'register_left': {
      const { reason, rule, asOf } = e.payload;
      const why = t(`register.leave.${reason}`);
      const left = asOf
        ? t('events.sentences.register_left_on', { reason: why, date: format.date(asOf) })
        : t('events.sentences.register_left', { reason: why });
      // The rule that no longer held says why in the source lists' terms, e.g. "Började gymnasiet".
      if (!rule) return left;
      const ruleText = t(`register.rules.${rule}`, { defaultValue: rule });
      return `${left} ${t('events.sentences.register_rule', { rule: ruleText })}`;
    }
    case 'school_notification': {
      const { schoolUnitName, schoolUnitCode, date } = e.payload;
      const school = schoolUnitName || t('events.schoolUnit', { code: schoolUnitCode });
      const kind = t(`events.notificationKinds.${e.payload.kind}`);
      return t('events.sentences.school_notification', { school, kind, date: format.date(date) });
    }
    case 'contact_attempt': {
      const { channel, outcome } = e.payload;
      const check = channel === 'verify_school' || channel === 'known_elsewhere';
      return t(check ? 'events.sentences.contact_check' : 'events.sentences.contact_attempt', {
        actor,
        channel: t(`events.channels.${channel}`),
        outcome: t(`events.outcomes.${outcome}`),
      });
    }
    case 'team_changed':
      return e.payload.to
        ? t('consentEvents.sentences.team_changed', { actor, team: e.payload.to.name })
        : t('consentEvents.sentences.team_removed', { actor });
    case 'consent_recorded':
    case 'consent_withdrawn':
      return t(`consentEvents.sentences.${e.type}`, { actor });
    case 'signature_requested':
    case 'signature_request_cancelled':
    case 'signed_by_young_person':
      return t(`consentEvents.sentences.${e.type}.${e.payload.kind}`, { actor });
    case 'application_received':
      return t('consentEvents.sentences.application_received', {
        actor,
        referrer: t(`applications.referrer.${e.payload.referrer}`),
      });
    case 'application_decided':
      return t('consentEvents.sentences.application_decided', {
        actor,
        status: t(`applications.status.${e.payload.status}`),
      });
    case 'next_step_changed':
      return t('events.sentences.next_step_changed', {
        actor,
        channel: t(`events.channels.${e.payload.channel}`),
        date: format.date(e.payload.dueOn),
        reason: e.payload.reason,
      });
    case 'meeting_booked':
      return t('events.sentences.meeting_booked', {
        actor,
        kind: t(`calendar.kinds.${e.payload.kind}`).toLowerCase(),
        date: format.dateTime(e.payload.startsAt),
      });
    case 'assessment_started':
      return t(e.payload.revises ? 'assessment.events.revised' : 'assessment.events.started', {
        actor,
        number: e.payload.number,
      });
    case 'assessment_completed':
      return t('assessment.events.completed', {
        actor,
        number: e.payload.number,
        date: format.date(e.payload.completedOn),
      });
    case 'assessment_section_shared':
      return t(e.payload.shared ? 'assessment.events.sectionShared' : 'assessment.events.sectionUnshared', {
        actor,
        number: e.payload.number,
        section: localText(e.payload.sectionTitle, language),
      });
    case 'plan_created':
    case 'plan_updated':
    case 'plan_signed':
      return planEventSentence(t, language, e.type, e.payload, actor, format.date) ?? t('events.sentences.unknown');
    default:
      return (
        measureSentence(t, format.date, e.type, e.payload, actor) ??
        outcomeSentence(t, format.date, e.type, e.payload, actor) ??
        teamMeetingSentence(t, format.date, e.type, e.payload, actor) ??
        activitySentence(t, format.date, e.type, e.payload, actor) ??
        t('events.sentences.unknown')
      );
  }
}

/** Returns a function from event to sentence; `names` resolves staff ids whose name the payload lacks. */
export function useEventSentence(names: ReadonlyMap<string, string>): (event: TimelineEvent) => string {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (event) => eventSentence(event, { t, format, names, language: i18n.language });
}
