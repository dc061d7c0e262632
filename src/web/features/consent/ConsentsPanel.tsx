/**
 * The consents of a person: what is shared, with whom, why and until when; withdrawal, the form to print and the
 * signed scan.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../core/consent-schemas.js';
import type { PersonDetail } from '../../../core/schemas.js';
import { consentsApi } from '../../api/consentEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { personKeys } from '../../api/queryKeys.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { usePersonChanged } from '../persons/usePersonChanged.js';
import { ConsentForm } from './ConsentForm.js';
import { ScanUpload } from './ScanUpload.js';
import { PreparedConsents } from './PreparedForSigning.js';
import { WithdrawConsent } from './WithdrawConsent.js';

/** The consents section; a change to a consent refreshes the person too (access may change with it). */
export function ConsentsPanel({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const personChanged = usePersonChanged();
  const consents = useQuery({ queryKey: personKeys.consents(person.id), queryFn: () => consentsApi.list(person.id) });
  const consentsChanged = () => queryClient.invalidateQueries({ queryKey: personKeys.consents(person.id) });
  // Which form is open: recording a consent given, or preparing one for the young person to sign.
  const [adding, setAdding] = useState<'record' | 'prepare' | null>(null);
  const manage = can('consents.manage') && person.access.managed;
  const reload = async () => {
    await Promise.all([consentsChanged(), personChanged(person.id)]);
  };

  return (
    <section className="panel" aria-labelledby="consents-title">
      <h2 id="consents-title">{t('consent.title')}</h2>
      <ProblemAlert error={problemOf(consents.error)} />
      {!consents.data ? (
        consents.isFetching ? (
          <Loading />
        ) : null
      ) : consents.data.length === 0 ? (
        <p className="muted">{t('consent.none')}</p>
      ) : (
        <ul className="consent-list">
          {consents.data.map((c: Consent) => (
            <li key={c.id} className={`consent consent--${c.state}`}>
              <p className="consent__head">
                <span className={`badge badge--consent-${c.state}`}>{t(`consent.state.${c.state}`)}</span>{' '}
                {c.recipients.map((r) => r.name).join(', ')}
              </p>
              <dl className="details details--compact">
                <dt>{t('consent.whatShared')}</dt>
                <dd>{c.categories.map((x) => t(`consent.categories.${x}`)).join(', ')}</dd>
                <dt>{t('consent.purpose')}</dt>
                <dd>{c.purpose}</dd>
                <dt>{t('consent.givenOn')}</dt>
                <dd>
                  {format.date(c.givenOn)}, {t(`consent.givenBy.${c.givenBy}`)}
                </dd>
                <dt>{t('consent.validUntil')}</dt>
                <dd>{c.validUntil ? format.date(c.validUntil) : t('consent.untilWithdrawn')}</dd>
                {c.withdrawnAt ? (
                  <>
                    <dt>{t('consent.state.withdrawn')}</dt>
                    <dd>
                      {t('consent.withdrawnAt', { date: format.dateTime(c.withdrawnAt) })}
                      {c.withdrawalNote ? `: ${c.withdrawalNote}` : ''}
                    </dd>
                  </>
                ) : null}
              </dl>
              {c.hasScan ? (
                <p>
                  <a href={consentsApi.scanUrl(c.id)}>{t('consent.openScan')}</a>
                </p>
              ) : null}
              {manage && c.state !== 'withdrawn' ? <ScanUpload consentId={c.id} onSaved={consentsChanged} /> : null}
              {can('consents.manage') && c.state === 'valid' ? (
                <WithdrawConsent consentId={c.id} onWithdrawn={reload} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <PreparedConsents personId={person.id} manage={manage} onChanged={consentsChanged} />
      {manage ? (
        <>
          <h3>{t('consent.print')}</h3>
          <p className="muted">{t('consent.printHint')}</p>
          <ul className="link-list">
            <li>
              <a href={consentsApi.formUrl(person.id, 'sv')}>{t('consent.printSv')}</a>
            </li>
            <li>
              <a href={consentsApi.formUrl(person.id, 'en')}>{t('consent.printEn')}</a>
            </li>
          </ul>
          {adding ? (
            <ConsentForm
              person={person}
              prepare={adding === 'prepare'}
              onCancel={() => setAdding(null)}
              onSaved={async () => {
                setAdding(null);
                await reload();
              }}
            />
          ) : (
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={() => setAdding('record')}>
                {t('consent.new')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setAdding('prepare')}>
                {t('consent.prepare')}
              </button>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
