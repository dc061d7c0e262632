/**
 * /offers: the municipality's catalogue of offers. Everyone who books measures reads it; coordinators
 * add, change and take offers out. The catalogue prints as a PDF in Swedish or English
 * (GET /api/v1/offers.pdf) for young people, guardians and colleagues; a browser print of the page
 * leaves navigation, buttons and forms off.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../core/measure-schemas.js';
import { measureKeys, offersApi } from '../../api/measureEndpoints.js';
import { ApiError } from '../../api/client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ScrollableTable } from '../../components/ScrollableTable.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { OfferForm } from './OfferForm.js';

/** The catalogue page. */
export function OffersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const manages = can('offers.manage');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const offers = useQuery({ queryKey: measureKeys.offers(showInactive), queryFn: () => offersApi.list(showInactive) });
  const toggle = useMutation({
    mutationFn: (o: Offer) => offersApi.update(o.id, { active: !o.active, version: o.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['offers'] }),
  });
  const done = (id: string) => () => {
    setEditing(null);
    requestAnimationFrame(() => document.getElementById(id === 'new' ? 'offer-new' : `offer-edit-${id}`)?.focus());
  };
  const cost = (o: Offer) =>
    o.costAmount === null
      ? t('offers.noCost')
      : t(`offers.costPer.${o.costUnit ?? 'participant'}`, { amount: format.number(o.costAmount) });

  return (
    <>
      <PageHeading title={t('offers.title')}>
        <a
          className="button button--secondary no-print"
          href={offersApi.pdfUrl('sv')}
          target="_blank"
          rel="noreferrer"
          lang="sv"
        >
          {t('offers.printSv')}
        </a>{' '}
        <a
          className="button button--secondary no-print"
          href={offersApi.pdfUrl('en')}
          target="_blank"
          rel="noreferrer"
          lang="en"
        >
          {t('offers.printEn')}
        </a>
        {manages ? (
          <button type="button" id="offer-new" className="button no-print" onClick={() => setEditing('new')}>
            {t('offers.new')}
          </button>
        ) : null}
      </PageHeading>
      <p>{t('offers.intro')}</p>
      {editing === 'new' ? (
        <section className="panel no-print">
          <OfferForm onDone={done('new')} />
        </section>
      ) : null}
      {editing && editing !== 'new' && offers.data?.some((o) => o.id === editing) ? (
        <section className="panel no-print">
          <OfferForm key={editing} offer={offers.data.find((o) => o.id === editing)} onDone={done(editing)} />
        </section>
      ) : null}
      {manages ? (
        <div className="field checkbox no-print">
          <input
            id="offers-inactive"
            type="checkbox"
            checked={showInactive}
            onChange={(e) => setShowInactive(e.target.checked)}
          />
          <label htmlFor="offers-inactive">{t('offers.showInactive')}</label>
        </div>
      ) : null}
      <ProblemAlert error={offers.error instanceof ApiError ? offers.error : null} />
      <ProblemAlert error={toggle.error instanceof ApiError ? toggle.error : null} />
      {toggle.isSuccess ? <Alert tone="success">{t('offers.saved')}</Alert> : null}
      {offers.isPending ? <Loading /> : null}
      {offers.data?.length === 0 ? <p className="muted">{t('offers.none')}</p> : null}
      {offers.data?.length ? (
        <ScrollableTable label={t('offers.caption')}>
          <table className="table offers-table">
            <caption>{t('offers.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offers.fields.name')}</th>
                <th scope="col">{t('offers.fields.kind')}</th>
                <th scope="col">{t('offers.provider')}</th>
                <th scope="col">{t('offers.fields.location')}</th>
                <th scope="col">{t('offers.places')}</th>
                <th scope="col">{t('offers.cost')}</th>
                {manages ? (
                  <th scope="col" className="no-print">
                    {t('offers.actions')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {offers.data.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    {o.name}
                    {o.active ? null : <span className="badge badge--closed">{t('offers.inactive')}</span>}
                    {o.description ? <span className="block small muted">{o.description}</span> : null}
                  </th>
                  <td>
                    {t(`offers.kinds.${o.kind}`)}
                    {o.studyForm ? `, ${t(`offers.studyForms.${o.studyForm}`)}` : ''}
                  </td>
                  <td>{o.provider.name}</td>
                  <td>{o.location ?? ''}</td>
                  <td>
                    {o.capacity === null
                      ? t('offers.noCapacity')
                      : t('offers.inUseOf', { inUse: o.inUse, capacity: o.capacity })}
                  </td>
                  <td>{cost(o)}</td>
                  {manages ? (
                    <td className="no-print">
                      <button
                        type="button"
                        id={`offer-edit-${o.id}`}
                        className="button button--secondary"
                        onClick={() => setEditing(o.id)}
                        aria-label={t('offers.editLabel', { name: o.name })}
                      >
                        {t('offers.edit')}
                      </button>{' '}
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={toggle.isPending}
                        onClick={() => toggle.mutate(o)}
                        aria-label={t(o.active ? 'offers.deactivateLabel' : 'offers.activateLabel', { name: o.name })}
                      >
                        {o.active ? t('offers.deactivate') : t('offers.activate')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      ) : null}
    </>
  );
}
