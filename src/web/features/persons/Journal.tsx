/** The journal of a person: a form for a new note and the timeline of everything that happened. */
import { useTranslation } from 'react-i18next';
import type { ConsentCategory } from '../../../core/consent.js';
import type { TimelineEvent } from '../../../core/schemas.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import type { Loaded } from '../../hooks/useLoad.js';
import { useSession } from '../auth/session.js';
import { NoteForm } from './NoteForm.js';
import { Timeline } from './Timeline.js';

/**
 * The journal section; `events` is the loaded timeline, reloaded after each new note; `categories` those the reader may
 * see and write.
 */
export function Journal({
  personId,
  events,
  categories,
}: {
  personId: string;
  events: Loaded<TimelineEvent[]>;
  categories: ConsentCategory[];
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <section className="panel journal" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('journal.title')}</h2>
      {can('notes.write') && categories.length ? (
        <NoteForm personId={personId} categories={categories} onSaved={events.reload} />
      ) : null}
      <h3 id="timeline-title">{t('journal.timeline')}</h3>
      <ProblemAlert error={events.error} />
      {events.data ? (
        <Timeline personId={personId} events={events.data} onChanged={events.reload} />
      ) : events.loading ? (
        <Loading />
      ) : null}
    </section>
  );
}
