/**
 * /email: the reader's e-mail outbox, as /sms is the text messages'. It holds the sign-in codes to My
 * Lotsa sent by e-mail from the reader while no SMTP server is set up, for them to pass on; the address
 * only where contact details may be seen.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { lettersApi, outreachKeys } from '../../api/outreachEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormat } from '../../i18n/format.js';

/** The e-mail outbox page. */
export function EmailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useQuery({ queryKey: outreachKeys.email, queryFn: lettersApi.email });

  return (
    <>
      <PageHeading title={t('emailOutbox.title')} />
      <p className="lead">{t('emailOutbox.intro')}</p>
      <ProblemAlert error={messages.error instanceof ApiError ? messages.error : null} />
      {!messages.data ? (
        messages.error ? null : (
          <Loading />
        )
      ) : messages.data.length === 0 ? (
        <p>{t('emailOutbox.empty')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('emailOutbox.caption')}>
          <table className="table">
            <caption className="visually-hidden">{t('emailOutbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('emailOutbox.createdAt')}</th>
                <th scope="col">{t('emailOutbox.person')}</th>
                <th scope="col">{t('emailOutbox.to')}</th>
                <th scope="col">{t('emailOutbox.subject')}</th>
                <th scope="col">{t('emailOutbox.text')}</th>
                <th scope="col">{t('emailOutbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.data.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{format.dateTime(m.createdAt)}</td>
                  <th scope="row">
                    <Link to={`/persons/${m.personId}`}>
                      {t('persons.fullName', { given: m.person.givenName, family: m.person.familyName })}
                    </Link>
                  </th>
                  <td className="nowrap">{m.to ?? <span className="muted">{t('emailOutbox.hidden')}</span>}</td>
                  <td>{m.subject}</td>
                  <td>{m.body}</td>
                  <td>{t(`emailOutbox.statuses.${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
