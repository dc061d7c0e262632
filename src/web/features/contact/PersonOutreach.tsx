/**
 * The contact ladder on the person page, which is the coach's hub: the next step (with the meetings
 * booked ahead), "Registrera kontakt" and the attempts so far, and a link to the focused next-step
 * view for text messages, letters and booking. Shown to the KAA's own staff who do outreach.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { contactApi } from '../../api/outreachEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { personKeys } from '../../api/queryKeys.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { AttemptForm } from './AttemptForm.js';
import { AwaitingSms } from './AwaitingSms.js';
import { AttemptList } from './AttemptList.js';
import { NextStepPanel } from './NextStepPanel.js';

/** The outreach part of the person page; what is done here refreshes the rest of the page (timeline, case). */
export function PersonOutreach({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const outreach = useQuery({ queryKey: personKeys.outreach(personId), queryFn: () => contactApi.outreach(personId) });
  if (outreach.error) return <ProblemAlert error={problemOf(outreach.error)} />;
  if (!outreach.data) return <Loading />;
  const o = outreach.data;
  return (
    <>
      <NextStepPanel key={`${o.nextStepVersion}-${o.attempts.length}`} personId={personId} outreach={o} />
      <p className="small">
        <Link to={`/persons/${personId}/outreach`}>{t('contactHub.openNextStepView')}</Link>
      </p>
      {o.awaitingSms.length ? (
        <section className="panel" aria-labelledby="awaiting-sms-title">
          <h2 id="awaiting-sms-title">{t('contactHub.awaitingSms.title')}</h2>
          <AwaitingSms personId={personId} items={o.awaitingSms} />
        </section>
      ) : null}
      <AttemptForm personId={personId} suggested={o.nextStep?.channel ?? null} />
      <AttemptList outreach={o} />
    </>
  );
}
