/**
 * /sms: the text messages sent, and those kept in Lotsa's outbox. Numbers only where contact details
 * may be seen. A message in the outbox has reached no one: once staff have sent it by other means,
 * they confirm it here, and only then is it recorded as a contact attempt.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmsMessage } from '../../../core/outreach-schemas.js';
import { ApiError } from '../../api/client.js';
import { contactApi, lettersApi, outreachKeys } from '../../api/outreachEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { OutboxTable } from '../../components/OutboxTable.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from '../contact/useFieldErrors.js';

/** The outbox page. */
export function SmsPage() {
  const { t } = useTranslation();
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
      <OutboxTable
        messages={messages.data}
        failed={Boolean(messages.error)}
        texts={{
          caption: t('sms.caption'),
          empty: t('sms.empty'),
          createdAt: t('sms.createdAt'),
          person: t('sms.person'),
        }}
        columns={[
          {
            header: t('sms.to'),
            nowrap: true,
            cell: (m) => (
              <>
                {t(`sms.recipients.${m.recipient}`)}: {m.to ?? <span className="muted">{t('sms.hidden')}</span>}
              </>
            ),
          },
          { header: t('sms.text'), cell: (m) => m.body },
          {
            header: t('sms.status'),
            cell: (m) => (
              <>
                {t(`sms.statuses.${m.status}`)}
                {m.failure ? <span className="muted small"> ({t(`sms.failures.${m.failure}`)})</span> : null}
                {m.awaitingConfirmation ? <span className="muted small"> ({t('sms.awaiting')})</span> : null}
              </>
            ),
          },
          { header: t('sms.sentBy'), cell: (m) => m.sentBy },
          {
            header: t('sms.actions'),
            cell: (m) =>
              m.awaitingConfirmation ? (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  aria-label={t('sms.confirmLabel', { name: name(m) })}
                  onClick={() => confirm(m.id)}
                >
                  {t('sms.confirm')}
                </button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
