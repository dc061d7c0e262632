/** The journal of a person: a form for a new note and the timeline of everything that happened. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConsentCategory } from '../../../core/consent.js';
import { personsApi } from '../../api/endpoints.js';
import { problemOf } from '../../api/query-client.js';
import { personKeys } from '../../api/queryKeys.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { useSession } from '../auth/session.js';
import { NoteForm } from './NoteForm.js';
import { Timeline } from './Timeline.js';

/**
 * The journal section, with the person's timeline (asked for again after each new note); `categories`
 * those the reader may see and write.
 */
export function Journal({ personId, categories }: { personId: string; categories: ConsentCategory[] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const events = useQuery({ queryKey: personKeys.events(personId), queryFn: () => personsApi.events(personId) });
  return (
    <section className="panel journal" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('journal.title')}</h2>
      {can('notes.write') && categories.length ? <NoteForm personId={personId} categories={categories} /> : null}
      <h3 id="timeline-title">{t('journal.timeline')}</h3>
      <ProblemAlert error={problemOf(events.error)} />
      {events.data ? <Timeline personId={personId} events={events.data} /> : events.isFetching ? <Loading /> : null}
    </section>
  );
}
