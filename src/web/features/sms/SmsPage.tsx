/** /sms: the text messages sent, and those kept in Lotsa's outbox. Numbers only where contact details may be seen. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { lettersApi } from '../../api/outreachEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useFormat } from '../../i18n/format.js';

/** The outbox page. */
export function SmsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useLoad(() => lettersApi.sms(), []);
  return (
    <>
      <PageHeading title={t('sms.title')} />
      <p className="lead">{t('sms.intro')}</p>
      <ProblemAlert error={messages.error} />
      {!messages.data ? (
        <Loading />
      ) : messages.data.length === 0 ? (
        <p>{t('sms.empty')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('sms.caption')}>
          <table className="table">
            <caption className="visually-hidden">{t('sms.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sms.createdAt')}</th>
                <th scope="col">{t('sms.person')}</th>
                <th scope="col">{t('sms.to')}</th>
                <th scope="col">{t('sms.text')}</th>
                <th scope="col">{t('sms.status')}</th>
                <th scope="col">{t('sms.sentBy')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.data.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{format.dateTime(m.createdAt)}</td>
                  <th scope="row">{m.person ? <Link to={`/persons/${m.personId}/outreach`}>{t('persons.fullName', { given: m.person.givenName, family: m.person.familyName })}</Link> : null}</th>
                  <td className="nowrap">
                    {t(`sms.recipients.${m.recipient}`)}: {m.to ?? <span className="muted">{t('sms.hidden')}</span>}
                  </td>
                  <td>{m.body}</td>
                  <td>
                    {t(`sms.statuses.${m.status}`)}
                    {m.failure ? <span className="muted small"> ({t(`sms.failures.${m.failure}`)})</span> : null}
                  </td>
                  <td>{m.sentBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
