/** A table column header that sorts the table: a button inside a <th> with aria-sort. */
import { useTranslation } from 'react-i18next';

type Props<K extends string> = {
  column: K;
  label: string;
  sort: K;
  order: 'asc' | 'desc';
  onSort: (column: K, order: 'asc' | 'desc') => void;
};

/** Clicking sorts ascending by this column, or flips the order when it already sorts by it. */
export function SortableHeader<K extends string>({ column, label, sort, order, onSort }: Props<K>) {
  const { t } = useTranslation();
  const active = sort === column;
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  const next = active && order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => onSort(column, next)}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="visually-hidden">
          {active ? t(order === 'asc' ? 'table.sortedAsc' : 'table.sortedDesc') : t('table.sortable')}
        </span>
      </button>
    </th>
  );
}
