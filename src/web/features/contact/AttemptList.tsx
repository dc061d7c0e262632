/** The person's contact attempts, newest first, and the occupation last confirmed. */
import { useTranslation } from 'react-i18next';
import type { Outreach } from '../../../core/outreach-schemas.js';
import { useFormat } from '../../i18n/format.js';

/** The attempts table. */
export function AttemptList({ outreach }: { outreach: Outreach }) {
  const { t } = useTranslation();
  const format = useFormat();
  const occ = outreach.occupation;
  return (
    <section className="panel" aria-labelledby="attempts-title">
      <h2 id="attempts-title">{t('contact.attempts.title')}</h2>
      <p>
        {occ
          ? t('contact.occupation.current', {
              occupation: t(`contact.occupations.${occ.code}`),
              date: format.date(occ.confirmedAt),
            })
          : t('contact.occupation.unknown')}
        {occ && !occ.valid ? ` ${t('contact.occupation.lapsed')}` : null}
      </p>
      {outreach.attempts.length === 0 ? (
        <p className="muted">{t('contact.attempts.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('contact.attempts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contact.attempts.at')}</th>
                <th scope="col">{t('contact.attempts.channel')}</th>
                <th scope="col">{t('contact.attempts.outcome')}</th>
                <th scope="col">{t('contact.attempts.occupation')}</th>
                <th scope="col">{t('contact.attempts.by')}</th>
              </tr>
            </thead>
            <tbody>
              {outreach.attempts.map((a) => (
                <tr key={a.id}>
                  <td className="nowrap">{format.dateTime(a.at)}</td>
                  <th scope="row">{t(`contact.channels.${a.channel}`)}</th>
                  <td>
                    {t(`contact.outcomes.${a.outcome}`)}
                    {a.agreed ? <span className="block small">{a.agreed}</span> : null}
                  </td>
                  <td>{a.occupation ? t(`contact.occupations.${a.occupation}`) : ''}</td>
                  <td>{a.staff.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
