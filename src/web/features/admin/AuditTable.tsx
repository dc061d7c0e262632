/** The rows of the audit log: when, who, which person, what was done, from where. */
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/schemas.js';
import { useFormat } from '../../i18n/format.js';

const SELF_ACTIONS = ['sign_in', 'sign_out', 'sign_in_failed', 'password_changed', 'password_change_failed'];

/** One page of audit entries. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const describe = (e: AuditEntry) => {
    const action = t(`audit.actions.${e.action}`, { defaultValue: e.action });
    // Sign-in and password events concern the actor's own account: the action says it all.
    if (SELF_ACTIONS.includes(e.action)) return action;
    const what = t('audit.what', { action, entity: t(`audit.entities.${e.entity}`, { defaultValue: e.entity }) });
    // A read of the log itself is one entry per view: it says how many persons the view showed.
    return e.personsShown === null
      ? what
      : `${what} (${t('audit.personsShown', { count: e.personsShown, formatted: format.number(e.personsShown) })})`;
  };
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.columns.at')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            <th scope="col">{t('audit.columns.person')}</th>
            <th scope="col">{t('audit.columns.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 ? (
            <tr>
              <td colSpan={5}>{t('audit.empty')}</td>
            </tr>
          ) : (
            entries.map((e) => (
              <tr key={e.id} className={e.emergency ? 'row--emergency' : undefined}>
                <td className="nowrap">
                  <time dateTime={e.at}>{format.dateTime(e.at)}</time>
                </td>
                <td>{e.actor ? e.actor.name : <span className="muted">{t('events.system')}</span>}</td>
                <td>
                  {describe(e)}
                  {e.emergency ? <span className="badge badge--emergency">{t('emergency.auditBadge')}</span> : null}
                </td>
                <td>
                  {e.person ? (
                    <>
                      {e.person.name}
                      <span className="block small muted">{e.person.id}</span>
                    </>
                  ) : (
                    <span className="muted">{t('common.missing')}</span>
                  )}
                </td>
                <td className="nowrap">{e.ip ?? <span className="muted">{t('common.missing')}</span>}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
