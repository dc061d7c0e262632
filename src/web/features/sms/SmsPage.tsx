/**
 * /sms: the text messages sent, and those kept in Lotsa's outbox. Numbers only where contact details
 * may be seen. A message in the outbox has reached no one: once staff have sent it by other means,
 * they confirm it here, and only then is it recorded as a contact attempt.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { SmsMessage } from '../../../core/outreach-schemas.js';
import { ApiError } from '../../api/client.js';
import { contactApi, lettersApi, outreachKeys } from '../../api/outreachEndpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAction } from '../../hooks/useAction.js';
import { useFormat } from '../../i18n/format.js';
import { apiErrorOf } from '../contact/useFieldErrors.js';

/** The outbox page. */
export function SmsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const messages = useQuery({ queryKey: outreachKeys.sms, queryFn: lettersApi.sms });
  const { busy, error, run } = useAction();
  const [confirmed, setConfirmed] = useState(false);
  const name = (m: SmsMessage) =>
    m.person ? t('persons.fullName', { given: m.person.givenName, family: m.person.familyName }) : '';

  async function confirm(id: string) {
    setConfirmed(false);
    if (await run(() => contactApi.confirmSms(id))) {
      setConfirmed(true);
      await queryClient.invalidateQueries({ queryKey: outreachKeys.sms });
    }
  }

  return (
    <>
      <PageHeading title={t('sms.title')} />
      <p className="lead">{t('sms.intro')}</p>
      {confirmed ? <Alert tone="success">{t('sms.confirmed')}</Alert> : null}
      <ProblemAlert error={(messages.error instanceof ApiError ? messages.error : null) ?? apiErrorOf(error)} />
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
                <th scope="col">{t('sms.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.data.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{format.dateTime(m.createdAt)}</td>
                  <th scope="row">{m.person ? <Link to={`/persons/${m.personId}`}>{name(m)}</Link> : null}</th>
                  <td className="nowrap">
                    {t(`sms.recipients.${m.recipient}`)}: {m.to ?? <span className="muted">{t('sms.hidden')}</span>}
                  </td>
                  <td>{m.body}</td>
                  <td>
                    {t(`sms.statuses.${m.status}`)}
                    {m.failure ? <span className="muted small"> ({t(`sms.failures.${m.failure}`)})</span> : null}
                    {m.awaitingConfirmation ? <span className="muted small"> ({t('sms.awaiting')})</span> : null}
                  </td>
                  <td>{m.sentBy}</td>
                  <td>
                    {m.awaitingConfirmation ? (
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={busy}
                        aria-label={t('sms.confirmLabel', { name: name(m) })}
                        onClick={() => confirm(m.id)}
                      >
                        {t('sms.confirm')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
