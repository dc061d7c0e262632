/** One notification in the coordinator's inbox: the student, the school, what happened, and the handle form. */
import { useTranslation } from 'react-i18next';
import { formatIdentityNumber } from '../../../core/personnummer.js';
import type { Notification } from '../../../core/register-schemas.js';
import { useFormat } from '../../i18n/format.js';
import { HandleForm } from './HandleForm.js';

/** The inbox entry; `onHandled` is told when the coordinator has recorded the outcome. */
export function InboxItem({
  item,
  onHandled,
}: {
  item: Notification;
  onHandled: (item: Notification) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = `inbox-${item.id}-title`;
  return (
    <li className="panel inbox-item">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="inbox-item__title">
          {t('notifications.inbox.itemTitle', {
            kind: t(`notifications.kinds.${item.kind}`),
            pnr: formatIdentityNumber(item.personalIdentityNumber),
          })}
        </h2>
        {item.routingNote ? (
          <p className="notice notice--warning">
            {t('notifications.inbox.verifyHome', { municipalities: item.routingNote.claimedBy.join(', ') })}
          </p>
        ) : !item.routed ? (
          <p className="notice notice--info">{t('notifications.inbox.unrouted')}</p>
        ) : null}
        <dl className="details">
          <dt>{t('notifications.columns.school')}</dt>
          <dd>
            {item.schoolUnitName
              ? t('notifications.schoolValue', { name: item.schoolUnitName, code: item.schoolUnitCode })
              : item.schoolUnitCode}
          </dd>
          <dt>{t('notifications.columns.date')}</dt>
          <dd>{format.date(item.date)}</dd>
          <dt>{t('notifications.inbox.submitted')}</dt>
          <dd>
            {t('notifications.inbox.submittedValue', {
              when: format.dateTime(item.submittedAt),
              who: item.submittedBy ?? t('events.unknownStaff'),
            })}
          </dd>
          <dt>{t('notifications.inbox.message')}</dt>
          <dd>
            {item.message ? (
              <span className="pre-wrap">{item.message}</span>
            ) : (
              <span className="muted">{t('common.missing')}</span>
            )}
          </dd>
        </dl>
        <HandleForm id={item.id} describedBy={titleId} onHandled={() => onHandled(item)} />
      </article>
    </li>
  );
}
