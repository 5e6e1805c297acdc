import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { getApiBase } from './config';
import { session } from '../auth/session';

export type Schemas = components['schemas'];
export type Problem = Schemas['ApiProblem'];

/** Thrown for every non-2xx answer; carries the problem document the API sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Partial<Problem> | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = {
      type: problem?.type ?? '',
      title: problem?.title ?? `HTTP ${status}`,
      status,
      code: problem?.code ?? `http_${status}`,
      detail: problem?.detail,
      errors: problem?.errors,
      violations: problem?.violations,
    };
  }

  /** Field errors keyed by camelCase path, as the API sends them. */
  get fieldErrors(): Record<string, string[]> {
    return (this.problem.errors ?? {}) as Record<string, string[]>;
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response, request }) {
    // An expired, revoked or signed-out token, a deactivated account or a changed password: back to the login page,
    // which says the session ended (the sign-in and password calls report their own 401).
    // Only when the refused token is still the session's: a request sent just before a password change (which swaps in a
    // fresh token) must not end the new session.
    const sent = request.headers.get('Authorization');
    if (response.status === 401 && !/\/api\/v1\/auth\/(token|password-reset)/.test(request.url) && sent === `Bearer ${session.token()}`) session.expire();
    if (response.status === 403 && session.token()) {
      const problem = await response.clone().json().catch(() => null) as { code?: string } | null;
      if (problem?.code === 'auth.password_change_required') session.requirePasswordChange();
    }
    return response;
  },
};

/**
 * The one API client of the SPA, typed by the generated schema. main.tsx loads the runtime configuration before
 * this module is imported, so the base URL is known here.
 */
export const api = createClient<paths>({ baseUrl: getApiBase(), fetch: (input: Request) => globalThis.fetch(input) });
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Data of a successful call, or an ApiError with the problem details. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error as Partial<Problem> | undefined);
  return data as T;
}

/** The ETag of a response as the integer version the If-Match header takes. */
export function etag(version: number): string {
  return `"${version}"`;
}

/** Downloads a binary answer (exports, attachments) with the session's token. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await globalThis.fetch(getApiBase() + path, {
    headers: session.token() ? { Authorization: `Bearer ${session.token()}` } : {},
  });
  if (!response.ok) {
    let problem: Partial<Problem> | undefined;
    try {
      problem = await response.json();
    } catch {
      problem = undefined;
    }
    if (response.status === 401) session.expire();
    throw new ApiError(response.status, problem);
  }
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) ?? /filename="?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
