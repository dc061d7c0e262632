/** A person's periods in the KAA register, with entry and leave reasons in plain language. */
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../core/schemas.js';
import { ScrollableTable } from '../../components/ScrollableTable.js';
import { useFormat } from '../../i18n/format.js';

/** The register periods section. */
export function RegisterPeriods({ periods }: { periods: PersonDetail['registerPeriods'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="register-title">
      <h2 id="register-title">{t('register.title')}</h2>
      {periods.length === 0 ? (
        <p className="muted">{t('register.none')}</p>
      ) : (
        <ScrollableTable label={t('register.caption')}>
          <table className="table table--compact">
            <caption className="visually-hidden">{t('register.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('register.entered')}</th>
                <th scope="col">{t('register.entryReason')}</th>
                <th scope="col">{t('register.left')}</th>
                <th scope="col">{t('register.leaveReason')}</th>
                <th scope="col">{t('register.sources')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.id}>
                  <td className="nowrap">{format.date(p.enteredOn)}</td>
                  <td>{t(`register.entry.${p.entryReason}`, { defaultValue: p.entryReason })}</td>
                  <td className="nowrap">
                    {p.leftOn ? (
                      format.date(p.leftOn)
                    ) : (
                      <span className="badge badge--active">{t('register.ongoing')}</span>
                    )}
                  </td>
                  <td>
                    {p.leaveReason ? (
                      t(`register.leave.${p.leaveReason}`, { defaultValue: p.leaveReason })
                    ) : (
                      <span className="muted">{t('common.missing')}</span>
                    )}
                  </td>
                  <td>
                    {p.sources.length ? (
                      <ul className="source-rows">
                        {p.sources.map((s) => (
                          <li key={`${s.list}:${s.fileName}:${s.line}`}>
                            {t(`register.source.${s.list}`, { file: s.fileName, line: s.line })}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">{t('common.missing')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}
