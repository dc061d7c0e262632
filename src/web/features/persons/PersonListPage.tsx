/**
 * The person list: search, sort and page the young people the user may see. The search, sort
 * and page live in the URL, so a list can be bookmarked and the back button works.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { personsApi, type PersonSort, type SortOrder } from '../../api/endpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { PersonTable } from './PersonTable.js';

/** Rows per page of the person list. */
export const PERSON_PAGE_SIZE = 25;
const SORTS: readonly PersonSort[] = ['name', 'personalIdentityNumber', 'status', 'contactPerson'];

/** Reads the list state from the URL, falling back to defaults for anything odd. */
function listState(params: URLSearchParams) {
  const sortParam = params.get('sort') as PersonSort | null;
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    sort: sortParam && SORTS.includes(sortParam) ? sortParam : 'name',
    order: (params.get('order') === 'desc' ? 'desc' : 'asc') as SortOrder,
  };
}

/** The /persons page. */
export function PersonListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const state = listState(params);
  const [query, setQuery] = useState(state.q);
  useEffect(() => setQuery(state.q), [state.q]);

  const { data, error, loading } = useLoad(
    () => personsApi.list({ q: state.q, page: state.page, pageSize: PERSON_PAGE_SIZE, sort: state.sort, order: state.order }),
    [state.q, state.page, state.sort, state.order],
  );

  function update(next: Partial<typeof state>) {
    const merged = { ...state, ...next };
    const search = new URLSearchParams();
    if (merged.q) search.set('q', merged.q);
    if (merged.sort !== 'name') search.set('sort', merged.sort);
    if (merged.order !== 'asc') search.set('order', merged.order);
    if (merged.page > 1) search.set('page', String(merged.page));
    setParams(search);
  }

  function search(event: FormEvent) {
    event.preventDefault();
    update({ q: query.trim(), page: 1 });
  }

  return (
    <>
      <PageHeading title={t('persons.list.title')}>
        {can('persons.create') ? (
          <Link to="/persons/new" className="button">
            {t('persons.list.new')}
          </Link>
        ) : null}
      </PageHeading>
      <div className="search-bar">
        <form onSubmit={search} role="search" aria-label={t('persons.list.searchLabel')}>
          <label htmlFor="person-search">{t('persons.list.search')}</label>
          <p id="person-search-hint" className="field__hint">
            {t('persons.list.searchHint')}
          </p>
          <div className="search-bar__row">
            <input id="person-search" type="search" value={query} aria-describedby="person-search-hint" onChange={(e) => setQuery(e.target.value)} />
            <button type="submit" className="button">
              {t('persons.list.searchButton')}
            </button>
          </div>
        </form>
      </div>
      <ProblemAlert error={error} />
      <p role="status" className="result-count">
        {data && !loading ? (state.q ? t('persons.list.countFor', { count: data.total, formatted: format.number(data.total), q: state.q }) : t('persons.list.count', { count: data.total, formatted: format.number(data.total) })) : null}
      </p>
      {loading && !data ? <Loading /> : null}
      {data ? (
        <div aria-busy={loading}>
          <PersonTable items={data.items} sort={state.sort} order={state.order} onSort={(sort, order) => update({ sort, order, page: 1 })} />
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => update({ page })} label={t('persons.list.paging')} />
        </div>
      ) : null}
    </>
  );
}
