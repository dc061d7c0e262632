/** The municipality's key figures as cards, and the cases by status. Counts only, never identities. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { reportsApi } from '../../api/endpoints.js';
import { freshOnOpen, problemOf } from '../../api/query-client.js';
import { startKeys } from '../../api/queryKeys.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { CASE_STATUSES } from '../../../core/cases.js';
import { useFormat } from '../../i18n/format.js';

/** Loads and shows the figures. */
export function FiguresPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = useQuery({ queryKey: startKeys.figures, queryFn: () => reportsApi.figures(), ...freshOnOpen });
  const { data } = figures;
  if (figures.error) return <ProblemAlert error={problemOf(figures.error)} />;
  if (figures.isFetching || !data) return <Loading />;
  const cards: { key: string; value: number; to?: string }[] = [
    { key: 'inRegister', value: data.inRegister },
    { key: 'openCases', value: data.openCases },
    { key: 'withoutContactPerson', value: data.withoutContactPerson },
  ];
  // The count of one's own cases opens them; so does the coordinator's count of cases held by someone who
  // may not open them.
  if (data.myCases !== null) cards.push({ key: 'myCases', value: data.myCases, to: '/my-cases' });
  if (data.contactPersonWithoutAccess)
    cards.push({
      key: 'contactPersonWithoutAccess',
      value: data.contactPersonWithoutAccess,
      to: '/persons?contactPerson=without_access&status=open',
    });
  return (
    <section className="figures" aria-labelledby="figures-title">
      <h2 id="figures-title">{t('figures.title')}</h2>
      <ul className="figure-cards">
        {cards.map((card) => (
          <li key={card.key} className="figure-card">
            {card.to ? (
              <Link to={card.to} className="figure-card__link">
                <span className="figure-card__value">{format.number(card.value)}</span>
                <span className="figure-card__label">{t(`figures.${card.key}`)}</span>
              </Link>
            ) : (
              <>
                <span className="figure-card__value">{format.number(card.value)}</span>
                <span className="figure-card__label">{t(`figures.${card.key}`)}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('figures.byStatus')}</h3>
      <table className="table table--compact">
        <caption className="visually-hidden">{t('figures.byStatusCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figures.status')}</th>
            <th scope="col" className="numeric">
              {t('figures.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {CASE_STATUSES.map((status) => (
            <tr key={status}>
              <th scope="row">{t(`status.${status}`)}</th>
              <td className="numeric">{format.number(data.byStatus[status] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
