import type { Request } from 'autocannon';

/**
 * One signed-in staff member of the load benchmark: what their role lets them do (learnt by asking
 * Lotsa, not assumed), and the requests of each kind of work they do, as autocannon request specs.
 */

/** The kinds of work in the mix; the writes are the last two. */
export const KINDS = [
  'search_name',
  'search_id',
  'person',
  'timeline',
  'queue',
  'figures',
  'contact_attempt',
  'note',
] as const;
export type Kind = (typeof KINDS)[number];
export const WRITES: readonly Kind[] = ['contact_attempt', 'note'];

/** The order one staff member goes through their work (each starts at another place in it): four reads to one write. */
const ROUND: Kind[] = [
  'search_name',
  'person',
  'contact_attempt',
  'timeline',
  'search_id',
  'queue',
  'note',
  'person',
  'timeline',
  'figures',
];

export type Visible = { id: string; personalIdentityNumber: string; familyName: string };
export type Session = {
  email: string;
  role: string;
  cookie: string;
  csrf: string;
  persons: Visible[];
  queue: string | null;
  kinds: Kind[];
};

const random = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

/**
 * Asks Lotsa, as this staff member, which persons, queues and figures they see and whether they may
 * write; returns their session.
 */
export async function probeSession(base: string, who: Omit<Session, 'persons' | 'queue' | 'kinds'>): Promise<Session> {
  const headers = { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' };
  const get = (url: string) => fetch(`${base}${url}`, { headers: { cookie: who.cookie } });
  const post = (url: string, body: object) =>
    fetch(`${base}${url}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const allowed = new Set<Kind>();
  let persons: Visible[] = [];
  const list = await get('/api/v1/persons?pageSize=100');
  if (list.ok) {
    persons = ((await list.json()) as { items: Visible[] }).items;
    allowed.add('search_name');
  }
  let queue: string | null = null;
  const queues = await get('/api/v1/work-queues');
  if (queues.ok) {
    const all = (await queues.json()) as { key: string; count: number; kind: string }[];
    queue =
      (all.find((q) => q.kind === 'persons' && q.count > 0) ?? all.find((q) => q.kind === 'persons'))?.key ?? null;
    if (queue && (await get(`/api/v1/work-queues/${queue}`)).ok) allowed.add('queue');
  }
  if ((await get('/api/v1/figures')).ok) allowed.add('figures');
  const person = persons[0];
  if (person) {
    allowed.add('search_id');
    if ((await get(`/api/v1/persons/${person.id}`)).ok) allowed.add('person');
    if ((await get(`/api/v1/persons/${person.id}/events`)).ok) allowed.add('timeline');
    if ((await post(`/api/v1/persons/${person.id}/contact-attempts`, attemptBody())).status === 201)
      allowed.add('contact_attempt');
    if ((await post(`/api/v1/persons/${person.id}/notes`, noteBody())).status === 201) allowed.add('note');
  }
  const kinds = ROUND.filter((k) => allowed.has(k));
  if (kinds.length === 0) throw new Error(`${who.email} (${who.role}) may do none of the benchmark's work`);
  return { ...who, persons, queue, kinds };
}

const attemptBody = () => ({ channel: 'phone', outcome: 'no_answer', at: new Date(Date.now() - 60_000).toISOString() });
const noteBody = () => ({ text: 'Ringde, inget svar. Försöker igen i morgon.' });

/** The autocannon request spec of `kind` for `session`: a new person, name or body each time. */
export function requestFor(session: Session, kind: Kind): Request {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
  const target = () => random(session.persons);
  const spec = (method: 'GET' | 'POST', path: () => string, body?: () => object): Request => ({
    method,
    path: path(),
    headers,
    setupRequest: (req: Request): Request => ({ ...req, path: path(), ...(body && { body: JSON.stringify(body()) }) }),
    ...(body && { body: JSON.stringify(body()) }),
  });
  switch (kind) {
    case 'search_name':
      return spec(
        'GET',
        () => `/api/v1/persons?q=${encodeURIComponent(session.persons.length ? target().familyName : 'Andersson')}`,
      );
    case 'search_id':
      return spec('GET', () => `/api/v1/persons?q=${target().personalIdentityNumber}`);
    case 'person':
      return spec('GET', () => `/api/v1/persons/${target().id}`);
    case 'timeline':
      return spec('GET', () => `/api/v1/persons/${target().id}/events`);
    case 'queue':
      return spec('GET', () => `/api/v1/work-queues/${session.queue}`);
    case 'figures':
      return spec('GET', () => '/api/v1/figures');
    case 'contact_attempt':
      return spec('POST', () => `/api/v1/persons/${target().id}/contact-attempts`, attemptBody);
    case 'note':
      return spec('POST', () => `/api/v1/persons/${target().id}/notes`, noteBody);
  }
}
