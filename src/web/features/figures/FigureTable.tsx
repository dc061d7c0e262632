/** A table of the figures page with its caption, and the links that export it as CSV and XLSX. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollableTable } from '../../components/ScrollableTable.js';

type Props = { caption: string; head: string[]; rows: ReactNode[][]; exportUrl?: (format: 'csv' | 'xlsx') => string };

/** The table; the first cell of each row is its header. */
export function FigureTable({ caption, head, rows, exportUrl }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <ScrollableTable label={caption}>
        <table className="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {exportUrl ? (
        <p className="figure-exports">
          <a href={exportUrl('csv')} download>
            {t('figuresPage.exportCsv', { name: caption })}
          </a>{' '}
          <a href={exportUrl('xlsx')} download>
            {t('figuresPage.exportXlsx', { name: caption })}
          </a>
        </p>
      ) : null}
    </>
  );
}
