/**
 * /email: the reader's e-mail outbox, as /sms is the text messages'. It holds the sign-in codes to My
 * Lotsa sent by e-mail from the reader while no SMTP server is set up, for them to pass on; the address
 * only where contact details may be seen.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { lettersApi, outreachKeys } from '../../api/outreachEndpoints.js';
import { ProblemAlert } from '../../components/Alert.js';
import { OutboxTable } from '../../components/OutboxTable.js';
import { PageHeading } from '../../components/PageHeading.js';

/** The e-mail outbox page. */
export function EmailPage() {
  const { t } = useTranslation();
  const messages = useQuery({ queryKey: outreachKeys.email, queryFn: lettersApi.email });

  return (
    <>
      <PageHeading title={t('emailOutbox.title')} />
      <p className="lead">{t('emailOutbox.intro')}</p>
      <ProblemAlert error={messages.error instanceof ApiError ? messages.error : null} />
      <OutboxTable
        messages={messages.data}
        failed={Boolean(messages.error)}
        texts={{
          caption: t('emailOutbox.caption'),
          empty: t('emailOutbox.empty'),
          createdAt: t('emailOutbox.createdAt'),
          person: t('emailOutbox.person'),
        }}
        columns={[
          {
            header: t('emailOutbox.to'),
            nowrap: true,
            cell: (m) => m.to ?? <span className="muted">{t('emailOutbox.hidden')}</span>,
          },
          { header: t('emailOutbox.subject'), cell: (m) => m.subject },
          { header: t('emailOutbox.text'), cell: (m) => m.body },
          { header: t('emailOutbox.status'), cell: (m) => t(`emailOutbox.statuses.${m.status}`) },
        ]}
      />
    </>
  );
}
