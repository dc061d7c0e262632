/**
 * "Insatser och lotsning" on the person page: the young person's measures (with work placements)
 * and referrals to other agencies, and the forms to book, change and follow them up. Shown to those
 * who see the person's plan; the forms to those who work on the person for the KAA.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConsentCategory } from '../../../core/consent.js';
import type { Measure, Referral } from '../../../core/measure-schemas.js';
import { measureKeys, measuresApi, referralsApi } from '../../api/measureEndpoints.js';
import { ApiError } from '../../api/client.js';
import { ProblemAlert } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { MeasureForm } from './MeasureForm.js';
import { ReferralForm } from './ReferralForm.js';

type Editing = { kind: 'measure' | 'referral'; id: string | null } | null;
const problem = (e: unknown) => (e instanceof ApiError ? e : null);

/**
 * The panel; `managed`: the reader works on the person for the KAA; `onChanged` refreshes the rest of the page (the
 * timeline).
 */
export function MeasuresPanel({
  personId,
  managed,
  categories,
  onChanged,
}: {
  personId: string;
  managed: boolean;
  categories: ConsentCategory[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  // Measures are in the assessment-and-plan category: a reader without it is told so instead of seeing an empty list.
  const seesPlan = categories.includes('assessment_plan');
  const measures = useQuery({
    queryKey: measureKeys.measures(personId),
    queryFn: () => measuresApi.list(personId),
    enabled: seesPlan,
  });
  const referrals = useQuery({ queryKey: measureKeys.referrals(personId), queryFn: () => referralsApi.list(personId) });
  const [editing, setEditing] = useState<Editing>(null);
  const writes = managed && can('measures.write');
  const done = async (saved: boolean) => {
    const was = editing;
    setEditing(null);
    if (saved) await onChanged();
    // Back to the button that opened the form, for keyboard users.
    if (was)
      requestAnimationFrame(() =>
        document.getElementById(was.id ? `${was.kind}-edit-${was.id}` : `${was.kind}-new`)?.focus(),
      );
  };
  const open = (kind: Editing & object) => editing?.kind === kind.kind && editing.id === kind.id;

  const measureItem = (m: Measure) => (
    <li key={m.id} className="measure">
      <p>
        <strong>{m.offer.name}</strong>{' '}
        <span className={m.endedOn ? 'badge badge--closed' : 'badge badge--active'}>
          {m.endedOn ? t('measures.ended') : t('measures.running')}
        </span>
        <span className="block small">
          {t(`offers.kinds.${m.offer.kind}`)}
          {m.offer.studyForm ? `, ${t(`offers.studyForms.${m.offer.studyForm}`)}` : ''} ·{' '}
          {t('measures.providedBy', { provider: m.offer.provider })}
        </span>
        <span className="block small">
          {t('measures.period', {
            start: format.date(m.startsOn),
            end: m.plannedEndOn ? format.date(m.plannedEndOn) : t('measures.openEnd'),
          })}
          {m.endedOn
            ? ' · ' +
              t('measures.endedOnReason', {
                date: format.date(m.endedOn),
                reason: t(`measures.endReasons.${m.endReason}`),
              })
            : ''}
        </span>
        {m.goal ? <span className="block small">{t('measures.forGoal', { goal: m.goal.title })}</span> : null}
      </p>
      {m.placement ? (
        <dl className="small measure__placement">
          <dt>{t('measures.placement.employer')}</dt>
          <dd>
            {m.placement.employerName} ({m.placement.organisationNumber})
            {m.placement.employerAddress ? `, ${m.placement.employerAddress}` : ''}
          </dd>
          <dt>{t('measures.placement.supervisor')}</dt>
          <dd>
            {[m.placement.supervisorName, m.placement.supervisorPhone, m.placement.supervisorEmail]
              .filter(Boolean)
              .join(', ')}
          </dd>
          <dt>{t('measures.placement.hoursPerWeek')}</dt>
          <dd>{format.number(m.placement.hoursPerWeek)}</dd>
          {m.placement.visits.length ? (
            <>
              <dt>{t('measures.placement.visits')}</dt>
              <dd>{m.placement.visits.map((v) => format.date(v.on) + (v.note ? ` (${v.note})` : '')).join('; ')}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {m.followUps.length ? (
        <p className="small">
          {t('measures.followUpsOn', {
            dates: m.followUps.map((f) => format.date(f.on) + (f.note ? ` (${f.note})` : '')).join('; '),
          })}
        </p>
      ) : null}
      {m.evaluation ? <p className="small">{t('measures.evaluationIs', { text: m.evaluation })}</p> : null}
      {writes ? (
        open({ kind: 'measure', id: m.id }) ? (
          <MeasureForm personId={personId} measure={m} onDone={done} />
        ) : (
          <button
            type="button"
            id={`measure-edit-${m.id}`}
            className="button button--secondary"
            onClick={() => setEditing({ kind: 'measure', id: m.id })}
            aria-label={t('measures.editLabel', { name: m.offer.name })}
          >
            {t('measures.edit')}
          </button>
        )
      ) : null}
    </li>
  );

  const referralItem = (r: Referral) => (
    <li key={r.id} className="referral">
      <p>
        <strong>{r.agencyName ?? t(`referrals.agencies.${r.agency}`)}</strong>{' '}
        <span className="badge badge--none">{t(`referrals.statuses.${r.status}`)}</span>
        <span className="block small">
          {r.agencyName ? `${t(`referrals.agencies.${r.agency}`)} · ` : ''}
          {t('referrals.sentOnDate', { date: format.date(r.sentOn) })}
          {r.firstVisitOn ? ` · ${t('referrals.firstVisitOnDate', { date: format.date(r.firstVisitOn) })}` : ''} ·{' '}
          {r.accompanied ? t('referrals.wentAlong') : t('referrals.didNotGoAlong')}
        </span>
        {r.reason ? <span className="block small">{r.reason}</span> : null}
        {r.outcome ? <span className="block small">{t('referrals.outcomeIs', { text: r.outcome })}</span> : null}
      </p>
      {writes ? (
        open({ kind: 'referral', id: r.id }) ? (
          <ReferralForm personId={personId} referral={r} categories={categories} onDone={done} />
        ) : (
          <button
            type="button"
            id={`referral-edit-${r.id}`}
            className="button button--secondary"
            onClick={() => setEditing({ kind: 'referral', id: r.id })}
            aria-label={t('referrals.editLabel', { agency: r.agencyName ?? t(`referrals.agencies.${r.agency}`) })}
          >
            {t('referrals.edit')}
          </button>
        )
      ) : null}
    </li>
  );

  return (
    <section className="panel" aria-labelledby="measures-title">
      <h2 id="measures-title">{t('measures.title')}</h2>
      <h3>{t('measures.measuresTitle')}</h3>
      {seesPlan ? null : <p className="muted">{t('measures.withheld')}</p>}
      <ProblemAlert error={problem(measures.error)} />
      {measures.data?.length === 0 ? <p className="muted">{t('measures.none')}</p> : null}
      {measures.data?.length ? <ul className="plain-list">{measures.data.map(measureItem)}</ul> : null}
      {writes ? (
        open({ kind: 'measure', id: null }) ? (
          <MeasureForm personId={personId} onDone={done} />
        ) : (
          <button
            type="button"
            id="measure-new"
            className="button button--secondary"
            onClick={() => setEditing({ kind: 'measure', id: null })}
          >
            {t('measures.new')}
          </button>
        )
      ) : null}
      <h3>{t('referrals.title')}</h3>
      <ProblemAlert error={problem(referrals.error)} />
      {referrals.data?.length === 0 ? <p className="muted">{t('referrals.none')}</p> : null}
      {referrals.data?.length ? <ul className="plain-list">{referrals.data.map(referralItem)}</ul> : null}
      {writes ? (
        open({ kind: 'referral', id: null }) ? (
          <ReferralForm personId={personId} categories={categories} onDone={done} />
        ) : (
          <button
            type="button"
            id="referral-new"
            className="button button--secondary"
            onClick={() => setEditing({ kind: 'referral', id: null })}
          >
            {t('referrals.new')}
          </button>
        )
      ) : null}
    </section>
  );
}
