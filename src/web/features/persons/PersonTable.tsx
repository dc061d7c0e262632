/** The table of persons with sortable headers (age and latest attempt too), status badges and a register indicator. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatIdentityNumber } from '../../../core/personnummer.js';
import type { PersonSummary } from '../../../core/schemas.js';
import type { PersonSort, SortOrder } from '../../api/endpoints.js';
import { SortableHeader } from '../../components/SortableHeader.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormat } from '../../i18n/format.js';

type Props = {
  items: PersonSummary[];
  sort: PersonSort;
  order: SortOrder;
  onSort: (sort: PersonSort, order: SortOrder) => void;
  empty?: string;
};

/** One page of persons; an empty page says so in words (`empty`, or that nothing matches). */
export function PersonTable({ items, sort, order, onSort, empty }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const header = (column: PersonSort, label: string) => (
    <SortableHeader column={column} label={label} sort={sort} order={order} onSort={onSort} />
  );
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('persons.list.caption')}</caption>
        <thead>
          <tr>
            {header('name', t('persons.fields.name'))}
            {header('personalIdentityNumber', t('persons.fields.personalIdentityNumber'))}
            {header('age', t('personFilters.columns.age'))}
            {header('status', t('persons.fields.status'))}
            {header('contactPerson', t('persons.fields.contactPerson'))}
            {header('lastAttempt', t('personFilters.columns.lastAttempt'))}
            <th scope="col">{t('persons.fields.inRegister')}</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={7}>{empty ?? t('persons.list.empty')}</td>
            </tr>
          ) : (
            items.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/persons/${p.id}`}>
                    {t('persons.fullName', { given: p.givenName, family: p.familyName })}
                  </Link>
                </th>
                <td className="nowrap">{formatIdentityNumber(p.personalIdentityNumber)}</td>
                <td className="numeric">{format.number(p.age)}</td>
                <td>
                  <StatusBadge status={p.caseStatus} />
                </td>
                <td>
                  {p.contactPerson ? (
                    p.contactPerson.name
                  ) : (
                    <span className="muted">{t('persons.noContactPerson')}</span>
                  )}
                </td>
                <td className="nowrap">
                  {p.lastAttemptAt ? (
                    format.date(p.lastAttemptAt)
                  ) : (
                    <span className="muted">{t('personFilters.noAttempt')}</span>
                  )}
                </td>
                <td>
                  {p.inRegister ? (
                    <span className="register-flag register-flag--in">{t('persons.inRegister')}</span>
                  ) : (
                    <span className="register-flag">{t('persons.notInRegister')}</span>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
