/**
 * Raw HTTP for the authentication tests: sign-in from a chosen client address (the product runs
 * with TRUST_PROXY=loopback, so X-Forwarded-For names the client, as a reverse proxy would), and
 * requests with exactly the headers given (the harness's `call` adds the CSRF token on its own).
 */
import type { ApiHarness } from './harness.js';

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** `POST /api/v1/session` as the client at `ip`. */
export async function signInFrom(
  h: ApiHarness,
  ip: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  return raw(
    h,
    'POST',
    '/api/v1/session',
    {
      'content-type': 'application/json',
      'x-forwarded-for': ip,
      ...headers,
    },
    JSON.stringify({ username, password }),
  );
}

/** A browser session: its cookie (`name=value`) and CSRF token, from a successful sign-in. */
export function sessionOf(answer: RawAnswer): { cookie: string; csrfToken: string } {
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}: ${answer.text}`);
  return {
    cookie: answer.headers.get('set-cookie')!.split(';')[0]!,
    csrfToken: (JSON.parse(answer.text) as { csrfToken: string }).csrfToken,
  };
}

/** One request with exactly these headers. */
export async function raw(
  h: ApiHarness,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  const res = await fetch(`${h.base}${path}`, { method, headers, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
