/**
 * The person list's state (search, filters, sort, page) as it lives in the URL, so a list can be
 * bookmarked, shared and reached with the back button. Anything odd in the URL falls back to the default.
 */
import { CASE_STATUS_FILTERS, CONTACT_PERSON_FILTERS, PERSON_SORTS } from '../../../core/persons.js';
import { ENTRY_REASONS } from '../../../core/register.js';
import type { PersonListQuery } from '../../api/endpoints.js';

/** Everything the list page asks the server for, but the page size. */
export type PersonListState = Required<Pick<PersonListQuery, 'q' | 'page' | 'sort' | 'order' | 'contactPerson'>> &
  Pick<PersonListQuery, 'status' | 'register' | 'teamId' | 'under18' | 'entryReason'>;

/** The defaults of the general list; "my cases" starts from its own (`defaults`). */
export const LIST_DEFAULTS: PersonListState = { q: '', page: 1, sort: 'name', order: 'asc', contactPerson: 'any' };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads the state from the URL's parameters over `defaults`. */
export function readListState(params: URLSearchParams, defaults: PersonListState = LIST_DEFAULTS): PersonListState {
  const page = Number(params.get('page'));
  const teamId = params.get('team');
  // "all" in the URL undoes a default filter (my cases start with open cases only).
  const status =
    params.get('status') === 'all' ? undefined : (oneOf(CASE_STATUS_FILTERS, params.get('status')) ?? defaults.status);
  return {
    q: params.get('q') ?? defaults.q,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    sort: oneOf(PERSON_SORTS, params.get('sort')) ?? defaults.sort,
    order: params.get('order') === 'desc' ? 'desc' : params.get('order') === 'asc' ? 'asc' : defaults.order,
    contactPerson: oneOf(CONTACT_PERSON_FILTERS, params.get('contactPerson')) ?? defaults.contactPerson,
    status,
    register: oneOf(['in', 'out'] as const, params.get('register')),
    teamId: teamId && /^[0-9a-f-]{36}$/i.test(teamId) ? teamId : undefined,
    under18: oneOf(['true', 'false'] as const, params.get('under18')),
    entryReason: oneOf(ENTRY_REASONS, params.get('entryReason')),
  };
}

/** Writes the state as URL parameters, leaving out what equals `defaults`. */
export function writeListState(state: PersonListState, defaults: PersonListState = LIST_DEFAULTS): URLSearchParams {
  const out = new URLSearchParams();
  if (state.q) out.set('q', state.q);
  if (state.contactPerson !== defaults.contactPerson) out.set('contactPerson', state.contactPerson);
  if (state.status !== defaults.status) out.set('status', state.status ?? 'all');
  if (state.register) out.set('register', state.register);
  if (state.teamId) out.set('team', state.teamId);
  if (state.under18) out.set('under18', state.under18);
  if (state.entryReason) out.set('entryReason', state.entryReason);
  if (state.sort !== defaults.sort) out.set('sort', state.sort);
  if (state.order !== defaults.order) out.set('order', state.order);
  if (state.page > 1) out.set('page', String(state.page));
  return out;
}
