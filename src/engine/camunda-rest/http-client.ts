/**
 * HTTP plumbing of the REST adapter: base URL (including `/engine-rest`, exactly like the
 * official client's `baseUrl`), Basic auth, JSON in and out, and Camunda's error bodies turned
 * back into the port's error classes.
 */
import {
  BadUserRequestError,
  InvalidRequestError,
  NotFoundError,
  OptimisticLockingError,
  ParseError,
  ProcessEngineError,
  type ResourceReport,
} from '../errors/index.js';
import { RemoteEngineError } from './errors/remote-engine-error.js';

/** A query-string value; undefined and null are left out. */
export type QueryValue = string | number | boolean | undefined | null;

/** Where the remote `/engine-rest` is and how to authenticate. */
export interface CamundaHttpOptions {
  /** Full base URL including `/engine-rest`, e.g. `http://localhost:8080/engine-rest`. */
  baseUrl: string;
  auth?: { user: string; password: string } | null;
  /** Replaceable for tests that inspect every response (the conformance suite validates them). */
  fetch?: typeof fetch;
}

/** One request: its query, its JSON or multipart body, and an abort signal. */
export interface RequestOptions {
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal;
}

/** JSON, command and bytes requests against one `/engine-rest`, errors mapped to the port's. */
export class CamundaHttp {
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly doFetch: typeof fetch;

  constructor(options: CamundaHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.headers = {};
    if (options.auth) {
      this.headers.authorization = `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}`;
    }
    this.doFetch = options.fetch ?? fetch;
  }

  /** A request whose answer is JSON. */
  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.send(method, path, options, 'application/json');
    return (await res.json()) as T;
  }

  /** A command answered with 204 (or a body we ignore). */
  async command(method: string, path: string, options: RequestOptions = {}): Promise<void> {
    const res = await this.send(method, path, options, 'application/json');
    await res.arrayBuffer();
  }

  /** A request whose answer is bytes (resource data, file variables) or text; null on 204. */
  async bytes(method: string, path: string, options: RequestOptions = {}): Promise<Buffer | null> {
    // errorDetails is text/plain and file data has its own type: Camunda answers 406 to a JSON-only Accept.
    const res = await this.send(method, path, options, '*/*');
    if (res.status === 204) return null;
    return Buffer.from(await res.arrayBuffer());
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    accept: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { ...this.headers, accept };
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    }
    const res = await this.doFetch(this.url(path, options.query), {
      method,
      headers,
      body,
      signal: options.signal,
    });
    if (!res.ok) throw await toPortError(res);
    return res;
  }

  private url(path: string, query?: Record<string, QueryValue>): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined && v !== null) params.set(k, String(v));
    }
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }
}

/** Encodes one path segment (ids and variable names may contain anything). */
export const seg = (s: string): string => encodeURIComponent(s);

interface ErrorBody {
  type?: string;
  message?: string;
  details?: Record<string, ResourceReport>;
}

/** Camunda's `{ type, message }` back to the port's error classes. */
async function toPortError(res: Response): Promise<Error> {
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // 401 and some proxies answer without a JSON body.
  }
  const type = body.type ?? `HTTP ${res.status}`;
  const message = body.message ?? res.statusText;
  if (type === 'ParseException') return new ParseError(message, body.details ?? {});
  if (type === 'OptimisticLockingException') return new OptimisticLockingError(message);
  // Camunda answers many unknown ids with 500 NullValueException (or 400 NotFoundException): the port says NotFoundError.
  if (res.status === 404 || type === 'NullValueException' || type === 'NotFoundException') {
    return new NotFoundError(message, type);
  }
  if (res.status === 400 && type === 'InvalidRequestException') return new InvalidRequestError(message);
  if (res.status === 400) return new BadUserRequestError(message);
  // Camunda wraps engine failures in a 500 RestException at some endpoints (start, task completion).
  if (res.status === 500) return new ProcessEngineError(message);
  return new RemoteEngineError(message, res.status, type);
}
