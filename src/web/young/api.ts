/**
 * The young person's API client: same-origin fetch with the session cookie, the CSRF token on every
 * change and the language as Accept-Language. A refusal carries the server's own sentence.
 */
import type {
  MeAccessLog,
  MeApplication,
  MeConsent,
  MeEvaluation,
  MePlan,
  MeShared,
  MeSummary,
} from '../../core/me-schemas.js';
import type { ScheduleWeek } from '../../core/schedule-schemas.js';

/** An answer the API refused: its status, code and the sentence to show. */
export class MeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrf: string | null = null;
let language = 'sv';

/** Sets the language the server answers in. */
export function setMeLanguage(lang: string): void {
  language = lang;
}

async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new MeError(response.status, problem.code ?? 'error', problem.detail ?? response.statusText);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** The young person's endpoints. */
export const meApi = {
  requestCode: (personalIdentityNumber: string) => call<null>('POST', '/api/v1/me/code', { personalIdentityNumber }),
  login: async (personalIdentityNumber: string, code: string) => {
    csrf = (await call<{ csrfToken: string }>('POST', '/api/v1/me/login', { personalIdentityNumber, code })).csrfToken;
  },
  summary: async () => {
    const summary = await call<MeSummary>('GET', '/api/v1/me');
    csrf = summary.csrfToken;
    return summary;
  },
  logout: () => call<null>('POST', '/api/v1/me/logout'),
  schedule: () => call<ScheduleWeek>('GET', '/api/v1/me/schedule'),
  feed: (lang: 'sv' | 'en') => call<{ url: string }>('POST', '/api/v1/me/schedule/feed', { lang }),
  plan: () => call<MePlan>('GET', '/api/v1/me/plan'),
  markDone: (stepId: string) => call<MePlan>('POST', `/api/v1/me/plan/steps/${encodeURIComponent(stepId)}/done`),
  sign: (version: number) => call<MePlan>('POST', '/api/v1/me/plan/sign', { version }),
  consents: () => call<MeConsent[]>('GET', '/api/v1/me/consents'),
  withdraw: (id: string) => call<null>('POST', `/api/v1/me/consents/${encodeURIComponent(id)}/withdraw`),
  signConsent: (id: string) => call<{ id: string }>('POST', `/api/v1/me/consents/${encodeURIComponent(id)}/sign`),
  signApplication: (id: string) =>
    call<MeApplication[]>('POST', `/api/v1/me/applications/${encodeURIComponent(id)}/sign`),
  accessLog: () => call<MeAccessLog>('GET', '/api/v1/me/access-log'),
  shared: () => call<MeShared>('GET', '/api/v1/me/shared'),
  ownWords: (goalId: string, version: number, text: string) =>
    call<MePlan>('PUT', `/api/v1/me/plan/goals/${encodeURIComponent(goalId)}/own-words`, { version, text }),
  evaluations: () => call<MeEvaluation[]>('GET', '/api/v1/me/evaluations'),
  evaluate: (subject: MeEvaluation['subject'], id: string, usefulness: number, better: string) =>
    call<MeEvaluation[]>('POST', `/api/v1/me/evaluations/${subject}/${encodeURIComponent(id)}`, { usefulness, better }),
};
