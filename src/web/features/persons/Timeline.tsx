/**
 * The timeline of a person, newest first: each event with time, who, and a sentence. Notes show
 * their text; a corrected note is marked and links to its correction, and can itself be corrected;
 * staff who write notes choose whether a note is shown to the young person.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readEvent } from '../../../core/events/index.js';
import type { TimelineEvent } from '../../../core/schemas.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { NoteForm } from './NoteForm.js';
import { NoteShareToggle } from './NoteShareToggle.js';
import { useEventSentence } from './eventSentence.js';

type Props = { personId: string; events: TimelineEvent[] };

/** Moves focus to an event in the timeline (used by the correction links). */
function focusEvent(id: string) {
  const target = document.getElementById(`event-${id}`);
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

/** The timeline list. */
export function Timeline({ personId, events }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [correcting, setCorrecting] = useState<string | null>(null);
  const names = useMemo(
    () => new Map(events.flatMap((e) => (e.actor ? [[e.actor.id, e.actor.name] as const] : []))),
    [events],
  );
  const sentence = useEventSentence(names);
  const byId = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);

  if (events.length === 0) return <p className="muted">{t('journal.noEvents')}</p>;
  return (
    <ol className="timeline" aria-labelledby="timeline-title">
      {events.map((event) => {
        const isNote = event.type === 'note';
        const typed = readEvent(event.type, event.payload);
        const text = typed?.type === 'note' ? typed.payload.text : '';
        const message = typed?.type === 'school_notification' ? typed.payload.message : null;
        const original = event.correctsEventId ? byId.get(event.correctsEventId) : undefined;
        return (
          <li
            key={event.id}
            id={`event-${event.id}`}
            tabIndex={-1}
            className={
              `timeline__item timeline__item--${event.type}` + (event.correctedBy ? ' timeline__item--corrected' : '')
            }
          >
            <h4 className="timeline__title">
              {t([`events.types.${event.type}`, `consentEvents.types.${event.type}`])}
              {event.category === 'health_social' ? (
                <span className="badge badge--health">{t('consent.categories.health_social')}</span>
              ) : null}
              {event.correctedBy ? <span className="badge badge--corrected">{t('journal.corrected')}</span> : null}
              {event.correctsEventId ? (
                <span className="badge badge--correction">{t('journal.correction')}</span>
              ) : null}
            </h4>
            <p className="timeline__meta" id={`event-${event.id}-meta`}>
              <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
              <span aria-hidden="true"> · </span>
              <span>{event.actor ? event.actor.name : t('events.system')}</span>
            </p>
            <p>{sentence(event)}</p>
            {isNote ? (
              <blockquote className={event.correctedBy ? 'note-text note-text--corrected' : 'note-text'}>
                {text}
              </blockquote>
            ) : null}
            {message ? <blockquote className="note-text">{message}</blockquote> : null}
            {event.correctedBy ? (
              <p>
                <a
                  href={`#event-${event.correctedBy}`}
                  onClick={(e) => (e.preventDefault(), focusEvent(event.correctedBy!))}
                >
                  {t('journal.showCorrection')}
                </a>
              </p>
            ) : null}
            {event.correctsEventId ? (
              <p>
                <a
                  href={`#event-${event.correctsEventId}`}
                  onClick={(e) => (e.preventDefault(), focusEvent(event.correctsEventId!))}
                >
                  {original
                    ? t('journal.showOriginalFrom', { date: format.dateTime(original.occurredAt) })
                    : t('journal.showOriginal')}
                </a>
              </p>
            ) : null}
            {isNote && !event.correctedBy && can('notes.write') && event.category !== 'health_social' ? (
              <NoteShareToggle
                personId={personId}
                noteId={event.id}
                shared={typed?.type === 'note' && typed.payload.sharedWithYoungPerson === true}
              />
            ) : null}
            {isNote && !event.correctedBy && can('notes.write') ? (
              correcting === event.id ? (
                <NoteForm
                  personId={personId}
                  corrects={{ id: event.id, text }}
                  onCancel={() => setCorrecting(null)}
                  onSaved={() => setCorrecting(null)}
                />
              ) : (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setCorrecting(event.id)}
                  aria-describedby={`event-${event.id}-meta`}
                >
                  {t('journal.correct')}
                </button>
              )
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
