/** The work queues as a list of links with counts; the inbox links to the notifications page. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { QueueSummary } from '../../../core/outreach-schemas.js';

/** Links to each queue, keeping the contact-person filter in the address so it can be shared. */
export function QueueLinks({
  queues,
  contactPerson,
  overdueDays,
}: {
  queues: QueueSummary[];
  contactPerson: string;
  overdueDays: number;
}) {
  const { t } = useTranslation();
  return (
    <ul className="queue-list" aria-label={t('queues.listCaption')}>
      {queues.map((q) => {
        const href =
          q.kind === 'notifications'
            ? '/notifications'
            : `/queues/${q.key}${contactPerson ? `?contactPerson=${encodeURIComponent(contactPerson)}` : ''}`;
        return (
          <li key={q.key} className={q.count > 0 ? 'queue-card queue-card--busy' : 'queue-card'}>
            <Link to={href} className="queue-card__link">
              <span className="queue-card__name">{t(`queues.names.${q.key}`)}</span>
              <span className="queue-card__count">
                {q.kind === 'notifications'
                  ? t('queues.countNotifications', { count: q.count })
                  : q.countIsLowerBound
                    ? t('queues.countAtLeast', { formatted: q.count })
                    : t('queues.count', { count: q.count })}
              </span>
            </Link>
            <span className="queue-card__description">{t(`queues.descriptions.${q.key}`, { days: overdueDays })}</span>
          </li>
        );
      })}
    </ul>
  );
}
