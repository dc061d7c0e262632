/** Outreach figures on the start page: for the municipality as cards, per contact person as a table. Counts only. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { outreachApi } from '../../api/outreachEndpoints.js';
import { freshOnOpen, problemOf } from '../../api/query-client.js';
import { startKeys } from '../../api/queryKeys.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';

/** Loads and shows the outreach figures. */
export function OutreachFiguresPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = useQuery({
    queryKey: startKeys.outreachFigures,
    queryFn: () => outreachApi.figures(),
    ...freshOnOpen,
  });
  const { data } = figures;
  if (figures.error) return <ProblemAlert error={problemOf(figures.error)} />;
  if (!data) return <Loading />;
  const none = t('outreachFigures.none');
  const percent = (share: number | null) =>
    share === null ? none : t('outreachFigures.percent', { value: format.number(Math.round(share * 100)) });
  const days = (n: number | null) => (n === null ? none : format.number(n));
  const m = data.municipality;
  const cards = [
    { key: 'reachedShare', label: t('outreachFigures.reachedShare'), value: percent(m.reachedShare) },
    { key: 'mappedShare', label: t('assessment.figures.mappedShare'), value: percent(m.mappedShare) },
    {
      key: 'reachedInTimeShare',
      label: t('outreachFigures.reachedInTimeShare', { days: data.overdueDays }),
      value: percent(m.reachedInTimeShare),
    },
    { key: 'median', label: t('outreachFigures.median'), value: days(m.medianDaysToFirstContact) },
    { key: 'notReached', label: t('outreachFigures.notReached'), value: format.number(m.notReached) },
    { key: 'overdue', label: t('outreachFigures.overdue'), value: format.number(m.overdue) },
  ];
  return (
    <section className="figures" aria-labelledby="outreach-figures-title">
      <h2 id="outreach-figures-title">{t('outreachFigures.title')}</h2>
      <p>{t('outreachFigures.intro', { days: data.overdueDays })}</p>
      {data.conversationRuleSince ? (
        <p className="muted small">
          {t('outreachFigures.conversationRule', { date: format.date(data.conversationRuleSince) })}
        </p>
      ) : null}
      <ul className="figure-cards">
        {cards.map((card) => (
          <li key={card.key} className="figure-card" data-figure={card.key}>
            <span className="figure-card__value">{card.value}</span>
            <span className="figure-card__label">{card.label}</span>
          </li>
        ))}
      </ul>
      <h3>{t('outreachFigures.perContactPerson')}</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('outreachFigures.caption')}>
        <table className="table table--compact">
          <caption className="visually-hidden">{t('outreachFigures.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outreachFigures.contactPerson')}</th>
              <th scope="col" className="numeric">
                {t('outreachFigures.inRegister')}
              </th>
              <th scope="col" className="numeric">
                {t('outreachFigures.reachedShare')}
              </th>
              <th scope="col" className="numeric">
                {t('assessment.figures.mappedShare')}
              </th>
              <th scope="col" className="numeric">
                {t('outreachFigures.reachedInTimeShare', { days: data.overdueDays })}
              </th>
              <th scope="col" className="numeric">
                {t('outreachFigures.median')}
              </th>
              <th scope="col" className="numeric">
                {t('outreachFigures.notReached')}
              </th>
              <th scope="col" className="numeric">
                {t('outreachFigures.overdue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.byContactPerson.map((r) => (
              <tr key={r.contactPerson?.id ?? 'none'}>
                <th scope="row">{r.contactPerson ? r.contactPerson.name : t('outreachFigures.noContactPerson')}</th>
                <td className="numeric">{format.number(r.inRegister)}</td>
                <td className="numeric">{percent(r.reachedShare)}</td>
                <td className="numeric">{percent(r.mappedShare)}</td>
                <td className="numeric">{percent(r.reachedInTimeShare)}</td>
                <td className="numeric">{days(r.medianDaysToFirstContact)}</td>
                <td className="numeric">{format.number(r.notReached)}</td>
                <td className="numeric">{format.number(r.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
