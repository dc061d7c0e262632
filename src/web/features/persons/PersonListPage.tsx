/**
 * The person list: search, filter, sort and page the young people the user may see, all kept in the
 * URL (`personListState.ts`). With `mine` it is "Mina ärenden": the user's own open cases, reached
 * from the start page's count in one click.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { personsApi } from '../../api/endpoints.js';
import { freshOnOpen, problemOf } from '../../api/query-client.js';
import { personKeys } from '../../api/queryKeys.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { PersonFilters } from './PersonFilters.js';
import { LIST_DEFAULTS, readListState, writeListState, type PersonListState } from './personListState.js';
import { PersonTable } from './PersonTable.js';

/** Rows per page of the person list. */
export const PERSON_PAGE_SIZE = 25;

/** The sentence above the list: how many match, or "more than" when the server stopped counting. */
function countText(
  t: TFunction,
  data: { total: number; totalIsLowerBound?: boolean },
  q: string,
  number: (n: number) => string,
): string {
  const formatted = number(data.total);
  if (data.totalIsLowerBound)
    return q ? t('persons.list.countForAtLeast', { formatted, q }) : t('persons.list.countAtLeast', { formatted });
  return q
    ? t('persons.list.countFor', { count: data.total, formatted, q })
    : t('persons.list.count', { count: data.total, formatted });
}
const MINE: PersonListState = { ...LIST_DEFAULTS, contactPerson: 'me', status: 'open' };

/** The /persons page, and with `mine` the /my-cases page. */
export function PersonListPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const defaults = mine ? MINE : LIST_DEFAULTS;
  const state = readListState(params, defaults);
  if (mine) state.contactPerson = 'me';
  const [query, setQuery] = useState(state.q);
  useEffect(() => setQuery(state.q), [state.q]);
  const key = writeListState(state, defaults).toString();

  const list = useQuery({
    queryKey: personKeys.list({ ...state, pageSize: PERSON_PAGE_SIZE }),
    queryFn: () => personsApi.list({ ...state, pageSize: PERSON_PAGE_SIZE }),
    placeholderData: keepPreviousData,
    ...freshOnOpen,
  });
  const { data } = list;
  const loading = list.isFetching;
  const error = problemOf(list.error);

  function update(next: Partial<PersonListState>) {
    // From the address as it is now, not as this render saw it: a second filter chosen before React has
    // rendered the first one's address must not undo the first.
    const current = readListState(new URLSearchParams(window.location.search), defaults);
    if (mine) current.contactPerson = 'me';
    setParams(writeListState({ ...current, page: 1, ...next }, defaults));
  }

  function search(event: FormEvent) {
    event.preventDefault();
    update({ q: query.trim() });
  }

  const filtered = key !== '' && key !== `page=${state.page}`;
  return (
    <>
      <PageHeading title={t(mine ? 'myCases.title' : 'persons.list.title')}>
        {can('persons.create') ? (
          <Link to="/persons/new" className="button">
            {t('persons.list.new')}
          </Link>
        ) : null}
      </PageHeading>
      {mine ? <p className="lead">{t('myCases.intro')}</p> : null}
      <div className="search-bar">
        <form onSubmit={search} role="search" aria-label={t('persons.list.searchLabel')}>
          <label htmlFor="person-search">{t('persons.list.search')}</label>
          <p id="person-search-hint" className="field__hint">
            {t('persons.list.searchHint')}
          </p>
          <div className="search-bar__row">
            <input
              id="person-search"
              type="search"
              value={query}
              aria-describedby="person-search-hint"
              onChange={(e) => setQuery(e.target.value)}
            />
            <button type="submit" className="button">
              {t('persons.list.searchButton')}
            </button>
          </div>
        </form>
        <PersonFilters value={state} onChange={update} showContactPerson={!mine} />
        {filtered ? (
          <button type="button" className="button button--quiet" onClick={() => setParams(new URLSearchParams())}>
            {t('personFilters.clear')}
          </button>
        ) : null}
      </div>
      <ProblemAlert error={error} />
      <p role="status" className="result-count">
        {data && !loading ? countText(t, data, state.q, format.number) : null}
      </p>
      {loading && !data ? <Loading /> : null}
      {data ? (
        <div aria-busy={loading}>
          <PersonTable
            items={data.items}
            sort={state.sort}
            order={state.order}
            onSort={(sort, order) => update({ sort, order })}
            empty={mine && !filtered ? t('myCases.empty') : undefined}
          />
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            totalIsLowerBound={data.totalIsLowerBound}
            onPage={(page) => update({ page })}
            label={t('persons.list.paging')}
          />
        </div>
      ) : null}
    </>
  );
}
