/** A paged table of people by identity number with one more column (a reason, the changed fields, a date). */
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatIdentityNumber } from '../../../core/personnummer.js';
import { Pagination } from '../../components/Pagination.js';

/** Rows shown per page. */
export const PERSON_ROWS_PER_PAGE = 50;

/** One row: the identity number and the cells after it. */
export type PersonRow = { personalIdentityNumber: string; cells: ReactNode[] };

type Props = {
  caption: string;
  /** Headers of the columns after the identity number. */
  columns: string[];
  rows: PersonRow[];
  /** Link each number to the person search (for people who are in Lotsa). */
  linkToPerson?: boolean;
  pagingLabel: string;
};

/** The table; the caption is visible, so several tables on a page are told apart. */
export function PersonNumberTable({ caption, columns, rows, linkToPerson, pagingLabel }: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const shown = rows.slice((page - 1) * PERSON_ROWS_PER_PAGE, page * PERSON_ROWS_PER_PAGE);
  return (
    <>
      <div className="table-wrap table-wrap--spaced">
        <table className="table table--compact">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reconcile.columns.pnr')}</th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const number = formatIdentityNumber(row.personalIdentityNumber);
              return (
                <tr key={row.personalIdentityNumber}>
                  <th scope="row" className="nowrap">
                    {linkToPerson ? (
                      <Link to={`/persons?q=${encodeURIComponent(row.personalIdentityNumber)}`}>{number}</Link>
                    ) : (
                      number
                    )}
                  </th>
                  {row.cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination
        page={page}
        pageSize={PERSON_ROWS_PER_PAGE}
        total={rows.length}
        onPage={setPage}
        label={pagingLabel}
      />
    </>
  );
}
