/**
 * The notifications the signed-in user has sent. A reporter sees only that each was received or
 * handled: whether the student is in a register is not the school's to know.
 */
import { useTranslation } from 'react-i18next';
import { formatIdentityNumber } from '../../../core/personnummer.js';
import type { Notification } from '../../../core/register-schemas.js';
import { useFormat } from '../../i18n/format.js';

/** The table of own notifications, newest first. */
export function MyNotifications({ items, caption }: { items: Notification[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return <p className="muted">{t('notifications.mine.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('notifications.columns.submitted')}</th>
            <th scope="col">{t('notifications.columns.pnr')}</th>
            <th scope="col">{t('notifications.columns.school')}</th>
            <th scope="col">{t('notifications.columns.kind')}</th>
            <th scope="col">{t('notifications.columns.date')}</th>
            <th scope="col">{t('notifications.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id}>
              <td className="nowrap">
                <time dateTime={n.submittedAt}>{format.dateTime(n.submittedAt)}</time>
              </td>
              <th scope="row" className="nowrap">
                {formatIdentityNumber(n.personalIdentityNumber)}
              </th>
              <td>
                {n.schoolUnitName
                  ? t('notifications.schoolValue', { name: n.schoolUnitName, code: n.schoolUnitCode })
                  : n.schoolUnitCode}
              </td>
              <td>{t(`notifications.kinds.${n.kind}`)}</td>
              <td className="nowrap">{format.date(n.date)}</td>
              <td>
                <span className={n.status === 'handled' ? 'badge badge--closed' : 'badge badge--new'}>
                  {t(n.status === 'handled' ? 'notifications.status.handled' : 'notifications.status.received')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
