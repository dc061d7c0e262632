/** Previous/next paging with "Page X of Y", as a labelled navigation landmark. */
import { useTranslation } from 'react-i18next';

type Props = {
  page: number;
  pageSize: number;
  total: number;
  totalIsLowerBound?: boolean;
  onPage: (page: number) => void;
  label?: string;
};

/**
 * Paging controls; hidden when everything fits on one page. A total that is a lower bound says "at least" and never
 * ends the paging.
 */
export function Pagination({ page, pageSize, total, totalIsLowerBound, onPage, label }: Props) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label ?? t('pagination.label')}>
      <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <span aria-hidden="true">← </span>
        {t('pagination.previous')}
      </button>
      <p className="pagination__status" aria-live="polite">
        {t(totalIsLowerBound ? 'pagination.statusAtLeast' : 'pagination.status', { page, pages })}
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={page >= pages && !totalIsLowerBound}
        onClick={() => onPage(page + 1)}
      >
        {t('pagination.next')}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
