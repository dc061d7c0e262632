/**
 * The typed HTTP client of the web app. Sends the session cookie (same origin), the CSRF token on
 * every state-changing request and the UI language as Accept-Language, and turns problem+json
 * responses into an {@link ApiError} that carries the stable error code and the invalid fields.
 */
import { PROBLEM_PARAMS, type ErrorCode, type FieldError, type ProblemParams } from '../../core/errors.js';

/** An error answered by the API (or a network failure, with code `network_error`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error',
    message: string,
    readonly fields: FieldError[] = [],
    /** The figures the problem's sentence names (e.g. `leaving`), for its {{placeholders}}. */
    readonly params: ProblemParams = {},
    /** From Retry-After, when the API says when to try again (every 429). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let language = 'sv';
let onSessionLost: ((code: ErrorCode) => void) | null = null;

/** Remembers the CSRF token from the sign-in response or from /auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sets the language sent as Accept-Language, so error messages come back in the UI language. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Registers the callback run when the API says the session is gone or needs a new password. */
export function onSessionProblem(callback: ((code: ErrorCode) => void) | null): void {
  onSessionLost = callback;
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Extra headers, such as an Idempotency-Key. */
  headers?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** A file sent as the raw request body (instead of JSON), with its content type. */
  file?: { data: Blob; contentType: string };
};

function urlOf(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Sends one request; throws an ApiError for a failed response (after telling the session about a lost sign-in). */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept, 'accept-language': language, ...options.headers };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.file) headers['content-type'] = options.file.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ? options.file.data : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  if (!response.ok) {
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    const problem = (isJson ? await response.json() : {}) as {
      code?: ErrorCode;
      detail?: string;
      title?: string;
      errors?: FieldError[];
    } & ProblemParams;
    const code = problem.code ?? 'internal_error';
    const retryAfter = Number(response.headers.get('retry-after'));
    const params = Object.fromEntries(
      PROBLEM_PARAMS.filter((k) => typeof problem[k] === 'number').map((k) => [k, problem[k]]),
    );
    const error = new ApiError(
      response.status,
      code,
      problem.title ?? problem.detail ?? response.statusText,
      problem.errors ?? [],
      params,
      retryAfter > 0 ? retryAfter : null,
    );
    const sessionCodes: ErrorCode[] = ['not_authenticated', 'session_expired', 'password_change_required'];
    if (sessionCodes.includes(code) && !path.startsWith('/api/v1/auth/')) onSessionLost?.(code);
    throw error;
  }
  return response;
}

/** Sends one request to the API and returns its JSON body (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  return (isJson ? await response.json() : null) as T;
}

/** Sends one request whose answer is a file (such as a PDF); returns it with the response headers. */
export async function requestFile(
  path: string,
  options: RequestOptions = {},
): Promise<{ blob: Blob; headers: Headers }> {
  const response = await send(path, options, 'application/pdf, application/problem+json');
  return { blob: await response.blob(), headers: response.headers };
}
