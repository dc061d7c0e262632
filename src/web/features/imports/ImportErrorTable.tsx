/** Rows of an import that were not imported: line, column, value and the reason, paged in the browser. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportError } from '../../../core/register-schemas.js';
import { Pagination } from '../../components/Pagination.js';
import { useFormat } from '../../i18n/format.js';

/** Rows shown per page. */
export const ERROR_PAGE_SIZE = 50;

type Props = { id: string; caption: string; errors: ImportError[]; pagingLabel: string };

/** The error table; `id` names the table so the caption can be referred to. */
export function ImportErrorTable({ id, caption, errors, pagingLabel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const shown = errors.slice((page - 1) * ERROR_PAGE_SIZE, page * ERROR_PAGE_SIZE);
  return (
    <>
      <div className="table-wrap table-wrap--spaced">
        <table className="table table--compact" id={id}>
          <caption className="table__caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('imports.errors.line')}
              </th>
              <th scope="col">{t('imports.errors.column')}</th>
              <th scope="col">{t('imports.errors.value')}</th>
              <th scope="col">{t('imports.errors.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={`${e.line}-${e.column}-${i}`}>
                <th scope="row" className="numeric">
                  {format.number(e.line)}
                </th>
                <td>
                  {e.column ? (
                    t(`imports.fields.${e.column}`, { defaultValue: e.column })
                  ) : (
                    <span className="muted">{t('common.missing')}</span>
                  )}
                </td>
                <td className="cell-value">
                  {e.value ? <code>{e.value}</code> : <span className="muted">{t('imports.errors.empty')}</span>}
                </td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={ERROR_PAGE_SIZE} total={errors.length} onPage={setPage} label={pagingLabel} />
    </>
  );
}
