/**
 * The one way the browser talks to the service: `/api/v1` only, with the session cookie (HttpOnly,
 * sent by the browser) and, on every change, the session's `X-CSRF-Token`. The token is kept in
 * memory only; after a reload `GET /session` answers it again, so it is never written to storage.
 * Answers are JSON; failures are {@link ApiError}s carrying the problem details.
 */
import { ApiError, type Problem } from './problem.js';
import { noteServerDate } from './server-clock.js';

export const API_BASE = '/api/v1';

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  /** JSON, or a FormData sent as multipart/form-data (e.g. `POST /deployments`). */
  body?: unknown;
  signal?: AbortSignal;
  /** Read a successful answer as text (e.g. a diagram's XML) rather than JSON. */
  text?: boolean;
}

/** `?a=1&b=x` from the defined, non-empty values, in the order given. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class ApiClient {
  private csrfToken: string | null = null;
  /** Called when an authenticated request answers 401: the session ended. */
  onUnauthorized: (() => void) | null = null;

  constructor(private readonly fetchFn: typeof fetch = (...args) => fetch(...args)) {}

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, { query, signal });
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, { body });
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }

  delete<T = void>(path: string): Promise<T> {
    return this.request<T>('DELETE', path, {});
  }

  async request<T>(method: string, path: string, options: RequestOptions): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const multipart = options.body instanceof FormData;
    // The browser sets multipart/form-data with its boundary itself.
    if (options.body !== undefined && !multipart) headers['content-type'] = 'application/json';
    if (method !== 'GET' && method !== 'HEAD' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchFn(`${API_BASE}${path}${queryString(options.query)}`, {
        method,
        headers,
        credentials: 'same-origin',
        body:
          options.body === undefined
            ? undefined
            : multipart
              ? (options.body as FormData)
              : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, {
        title: 'No connection',
        status: 0,
        detail: 'The service cannot be reached. Check your connection and try again.',
      });
    }
    noteServerDate(response.headers.get('date'));
    if (response.ok)
      return (
        response.status === 204 ? undefined : options.text ? await response.text() : await response.json()
      ) as T;
    const error = new ApiError(response.status, await problemOf(response), retryAfter(response));
    if (response.status === 401 && path !== '/session') this.onUnauthorized?.();
    throw error;
  }
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, title: body.title ?? response.statusText, status: response.status };
  } catch {
    return { title: response.statusText || 'Error', status: response.status };
  }
}

function retryAfter(response: Response): number | null {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** The app's client: one per page load. */
export const api = new ApiClient();
