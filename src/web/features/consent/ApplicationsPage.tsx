/** /applications: the team meeting's list of applications, by status, with the decision for each. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../core/consent-schemas.js';
import { applicationsApi } from '../../api/consentEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { SelectField } from '../../components/SelectField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useFormat } from '../../i18n/format.js';
import { DecisionForm } from './DecisionForm.js';
import { APPLICATION_STATUS_LIST } from './lists.js';

/** The applications page. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<Application['status'] | ''>('');
  const applications = useLoad(() => applicationsApi.list(status || undefined), [status]);
  return (
    <>
      <PageHeading title={t('applications.pageTitle')} />
      <p className="lead">{t('applications.intro')}</p>
      <SelectField id="applications-filter" label={t('applications.filter')} value={status} onChange={setStatus} empty={t('applications.all')} options={APPLICATION_STATUS_LIST.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))} />
      <ProblemAlert error={applications.error} />
      {!applications.data ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('applications.caption')}</caption>
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
              {applications.data.length === 0 ? (
                <tr>
                  <td colSpan={6}>{t('applications.none')}</td>
                </tr>
              ) : (
                applications.data.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/persons/${a.person.id}`}>{a.person.name}</Link>
                    </th>
                    <td>{a.team.name}</td>
                    <td>{t(`applications.referrer.${a.referrer}`)}</td>
                    <td className="nowrap">{format.date(a.signedOn)}</td>
                    <td>
                      {t(`applications.status.${a.status}`)}
                      {a.decidedBy && a.decidedAt ? <span className="block small muted">{t('applications.decidedBy', { name: a.decidedBy, date: format.date(a.decidedAt) })}</span> : null}
                    </td>
                    <td>{a.status === 'accepted' || a.status === 'declined' ? (a.decisionNote ?? '') : <DecisionForm application={a} onSaved={applications.reload} />}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
