/**
 * Text messages to one person kept in Lotsa's outbox and not yet confirmed: each is a contact attempt
 * only once the coach confirms they sent it by other means (from a work phone).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outreach } from '../../../core/outreach-schemas.js';
import { contactApi } from '../../api/outreachEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { useAction } from '../../hooks/useAction.js';
import { useFormat } from '../../i18n/format.js';
import { apiErrorOf } from './useFieldErrors.js';
import { useOutreachChanged } from './useOutreachChanged.js';

/**
 * The list of unconfirmed outbox messages with a confirm button each; nothing when there are none and none was
 * just confirmed. `onConfirmed` is told of each confirmation, before the person's outreach is asked for again.
 */
export function AwaitingSms({
  personId,
  items,
  onConfirmed,
}: {
  personId: string;
  items: Outreach['awaitingSms'];
  onConfirmed?: () => void;
}) {
  const { t } = useTranslation();
  const outreachChanged = useOutreachChanged();
  const format = useFormat();
  const { busy, error, run } = useAction();
  const [confirmed, setConfirmed] = useState(false);

  async function confirm(id: string) {
    setConfirmed(false);
    if (await run(() => contactApi.confirmSms(id))) {
      setConfirmed(true);
      onConfirmed?.();
      await outreachChanged(personId);
    }
  }

  if (!items.length && !confirmed && !error) return null;
  return (
    <div className="awaiting-sms">
      {confirmed ? <Alert tone="success">{t('contact.sms.confirmed')}</Alert> : null}
      <ProblemAlert error={apiErrorOf(error)} />
      {items.length ? (
        <>
          <p>{t('contactHub.awaitingSms.intro', { count: items.length })}</p>
          <ul className="plain-list">
            {items.map((m) => {
              const what = t('contactHub.awaitingSms.item', {
                recipient: t(`contactHub.awaitingSms.recipients.${m.recipient}`),
                when: format.dateTime(m.createdAt),
              });
              return (
                <li key={m.id}>
                  {what}{' '}
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={busy}
                    aria-label={`${t('contact.sms.confirm')}: ${what}`}
                    onClick={() => confirm(m.id)}
                  >
                    {t('contact.sms.confirm')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}
