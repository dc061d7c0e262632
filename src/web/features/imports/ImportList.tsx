/** The municipality's recent imports, newest first, each linked to its page. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../core/register-schemas.js';
import { useFormat } from '../../i18n/format.js';
import { ImportStatusBadge } from './ImportStatusBadge.js';

/** The table of recent imports. */
export function ImportList({ imports }: { imports: ImportSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (imports.length === 0) return <p className="muted">{t('imports.list.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption className="visually-hidden">{t('imports.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.list.file')}</th>
            <th scope="col">{t('imports.list.kind')}</th>
            <th scope="col">{t('imports.list.status')}</th>
            <th scope="col" className="numeric">
              {t('imports.list.rows')}
            </th>
            <th scope="col">{t('imports.list.created')}</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((imp) => (
            <tr key={imp.id}>
              <th scope="row">
                <Link to={`/register/imports/${imp.id}`}>{imp.fileName}</Link>
              </th>
              <td>{t(`imports.kinds.${imp.kind}`)}</td>
              <td>
                <ImportStatusBadge status={imp.status} />
              </td>
              <td className="numeric">{format.number(imp.rowsTotal)}</td>
              <td className="nowrap">
                <time dateTime={imp.createdAt}>{format.dateTime(imp.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
