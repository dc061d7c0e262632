/**
 * /persons/:id/outreach: the focused "next step" view a coach opens from a queue. The next step,
 * the attempt form, contact details, text message, letter and booking, the attempts so far, and
 * the way on to the next person in the queue the coach came from.
 */
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QUEUE_KEYS, type QueueKey } from '../../../core/outreach.js';
import { personsApi } from '../../api/endpoints.js';
import { contactApi, outreachApi } from '../../api/outreachEndpoints.js';
import { queueListingFrom, queueListingSearch, useQueueListing } from '../queues/queueListing.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLoad } from '../../hooks/useLoad.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { BookingForm } from '../calendar/BookingForm.js';
import { AttemptForm } from './AttemptForm.js';
import { AttemptList } from './AttemptList.js';
import { ContactDetailsPanel } from './ContactDetailsPanel.js';
import { LetterPanel } from './LetterPanel.js';
import { NextStepPanel } from './NextStepPanel.js';
import { SmsPanel } from './SmsPanel.js';

/** The next-step view. */
export function NextStepPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const queueParam = params.get('queue') ?? '';
  const queue =
    (QUEUE_KEYS as readonly string[]).includes(queueParam) && queueParam !== 'inbox' ? (queueParam as QueueKey) : null;
  const { t } = useTranslation();
  const person = useLoad(() => personsApi.get(id), [id]);
  const outreach = useLoad(() => contactApi.outreach(id), [id]);
  const settings = useLoad(() => outreachApi.settings(), []);
  // The rows the queue page showed, from its cache: stepping on does not list (and audit) the queue again.
  const listing = queueListingFrom(params);
  const queueItems = useQueueListing(queue, listing, false);

  if (person.error?.status === 404 || outreach.error?.status === 404) return <NotFoundPage />;
  if (person.error || outreach.error) return <ProblemAlert error={person.error ?? outreach.error} />;
  if (!person.data || !outreach.data) return <Loading />;
  const p = person.data;
  const o = outreach.data;
  const name = t('persons.fullName', { given: p.givenName, family: p.familyName });
  const reload = async () => {
    await Promise.all([outreach.reload(), person.reload()]);
  };
  const items = queueItems.data?.items ?? [];
  // The one after this person in the listing; from a person not (or no longer) in it, the first one.
  const next = items.slice(items.findIndex((i) => i.personId === id) + 1).find((i) => i.personId !== id);
  const letterKind = o.nextStep?.channel === 'second_letter' ? 'second_letter' : 'letter';

  return (
    <>
      <p className="breadcrumb">
        {queue ? <Link to={`/queues/${queue}`}>{t('contact.backToQueue')}</Link> : null}
        {queue ? <span aria-hidden="true"> · </span> : null}
        <Link to={`/persons/${p.id}`}>{t('contact.personPage')}</Link>
      </p>
      <PageHeading title={t('contact.title', { name })} />
      <div className="columns">
        <div className="columns__main">
          <NextStepPanel
            key={`${o.nextStepVersion}-${o.attempts.length}`}
            personId={p.id}
            outreach={o}
            onChanged={reload}
          />
          <AttemptForm personId={p.id} suggested={o.nextStep?.channel ?? null} onSaved={reload} />
          <AttemptList outreach={o} />
        </div>
        <div className="columns__side">
          <ContactDetailsPanel person={p} under18={o.under18} enteredOn={o.enteredOn} />
          {!p.contactDetailsHidden ? (
            <SmsPanel
              personId={p.id}
              hasGuardian={p.guardians.some((g) => g.phone)}
              awaiting={o.awaitingSms}
              onSent={reload}
            />
          ) : null}
          <LetterPanel
            personId={p.id}
            protectedIdentity={p.protectedIdentity}
            suggested={letterKind}
            onPrinted={reload}
          />
          <BookingForm
            id="meeting"
            title={t('contact.meeting.title')}
            kinds={['meeting', 'home_visit']}
            personId={p.id}
            noticeDays={settings.data?.settings.homeVisitNoticeDays ?? 5}
            onBooked={reload}
          />
        </div>
      </div>
      {queue && queueItems.data ? (
        <p className="next-in-queue">
          {next ? (
            <Link
              to={
                `/persons/${next.personId}/outreach?` +
                new URLSearchParams([['queue', queue], ...queueListingSearch(listing)]).toString()
              }
            >
              {t('contact.nextInQueue', {
                name: t('persons.fullName', { given: next.givenName, family: next.familyName }),
              })}
            </Link>
          ) : (
            t('contact.lastInQueue')
          )}
        </p>
      ) : null}
    </>
  );
}
