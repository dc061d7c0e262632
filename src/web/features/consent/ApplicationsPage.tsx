/**
 * /applications: the team meeting's list. Pending applications by default, signed earliest first (as
 * the caption says), or the decided ones, latest decision first; a page at a time, view and page in
 * the address. A decision moves the application out of the pending list, and the page says where it went.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { APPLICATION_VIEWS, type Application } from '../../../core/consent-schemas.js';
import { applicationsApi } from '../../api/consentEndpoints.js';
import { freshOnOpen, problemOf } from '../../api/query-client.js';
import { applicationKeys, personKeys } from '../../api/queryKeys.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { SelectField } from '../../components/SelectField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { useFormat } from '../../i18n/format.js';
import { DecisionForm } from './DecisionForm.js';

const PAGE_SIZE = 25;
type View = (typeof APPLICATION_VIEWS)[number];

/** The applications page. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const show: View = params.get('show') === 'decided' ? 'decided' : 'pending';
  const pageNumber = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const queryClient = useQueryClient();
  const listing = { show, page: pageNumber, pageSize: PAGE_SIZE };
  const query = useQuery({
    queryKey: applicationKeys.list(listing),
    queryFn: () => applicationsApi.list(listing),
    placeholderData: keepPreviousData,
    ...freshOnOpen,
  });
  const applications = { data: query.data, error: problemOf(query.error), loading: query.isFetching };
  const [decided, setDecided] = useState<Application | null>(null);
  const go = (next: { show?: View; page?: number }) => {
    const view = next.show ?? show;
    const page = next.page ?? 1;
    setParams({ ...(view !== 'pending' && { show: view }), ...(page > 1 && { page: String(page) }) });
  };

  async function saved(application: Application) {
    const latest = await applicationsApi.list({ show: 'decided', page: 1, pageSize: 1 });
    const now = latest.items.find((a) => a.id === application.id);
    setDecided(now ?? null);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: applicationKeys.all }),
      queryClient.invalidateQueries({ queryKey: personKeys.all }),
    ]);
  }

  const data = applications.data;
  return (
    <>
      <PageHeading title={t('applications.pageTitle')} />
      <p className="lead">{t('applications.intro')}</p>
      <div className="search-bar">
        <SelectField
          id="applications-view"
          label={t('teamMeeting.show')}
          value={show}
          onChange={(v) => go({ show: v })}
          options={APPLICATION_VIEWS.map((v) => ({ value: v, label: t(`teamMeeting.views.${v}`) }))}
          hint={t(`teamMeeting.order.${show}`)}
        />
      </div>
      {decided ? (
        <Alert tone="success">
          {t('teamMeeting.decidedNotice', {
            name: decided.person.name,
            status: t(`applications.status.${decided.status}`),
          })}
        </Alert>
      ) : null}
      <ProblemAlert error={applications.error} />
      <p role="status" className="result-count">
        {data && !applications.loading
          ? t('teamMeeting.count', { count: data.total, formatted: format.number(data.total) })
          : null}
      </p>
      {!data ? (
        <Loading />
      ) : (
        <div aria-busy={applications.loading}>
          <div className="table-wrap">
            <table className="table">
              <caption>{t(`teamMeeting.caption.${show}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('applications.columns.person')}</th>
                  <th scope="col">{t('applications.columns.team')}</th>
                  <th scope="col">{t('applications.columns.referrer')}</th>
                  <th scope="col">{t('applications.columns.signedOn')}</th>
                  <th scope="col">{t('applications.columns.status')}</th>
                  <th scope="col">{t('applications.columns.decide')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.length === 0 ? (
                  <tr>
                    <td colSpan={6}>{t(show === 'pending' ? 'teamMeeting.nonePending' : 'teamMeeting.noneDecided')}</td>
                  </tr>
                ) : (
                  data.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/persons/${a.person.id}`}>{a.person.name}</Link>
                      </th>
                      <td>{a.team.name}</td>
                      <td>{t(`applications.referrer.${a.referrer}`)}</td>
                      <td className="nowrap">{format.date(a.signedOn)}</td>
                      <td>
                        {t(`applications.status.${a.status}`)}
                        {a.decidedBy && a.decidedAt ? (
                          <span className="block small muted">
                            {t('applications.decidedBy', { name: a.decidedBy, date: format.date(a.decidedAt) })}
                          </span>
                        ) : null}
                      </td>
                      <td>
                        {a.status === 'accepted' || a.status === 'declined' ? (
                          (a.decisionNote ?? '')
                        ) : (
                          <DecisionForm application={a} onSaved={() => saved(a)} />
                        )}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(page) => go({ page })}
            label={t('teamMeeting.paging')}
          />
        </div>
      )}
    </>
  );
}
