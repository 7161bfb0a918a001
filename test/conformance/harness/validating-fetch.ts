/**
 * A fetch that checks every answer of `/engine-rest`: JSON must come with `Content-Type:
 * application/json` exactly (the official client parses nothing else) and must match the OpenAPI
 * schema of its endpoint. A violation fails the call, so the test that caused it fails.
 */
import { routeOf, validateResponse } from './openapi.js';

/**
 * Answers the OpenAPI document has no schema for, as `METHOD path status` with the path as the
 * document's template when it has one (ids stay out); golden files cover them.
 */
export const uncovered = new Set<string>();

/** An answer that breaks the exact Content-Type rule or the OpenAPI schema. */
export class ContractViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolation';
  }
}

/** Checks one answer whose body was already read as text. */
export function checkAnswer(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  text: string,
): void {
  const path = new URL(url).pathname.replace(/^.*?\/engine-rest/, '');
  if (text.length === 0) return;
  if (contentType !== 'application/json') {
    if (contentType?.startsWith('application/json')) {
      throw new ContractViolation(
        `${method} ${path} → ${status}: Content-Type is '${contentType}', not exactly application/json`,
      );
    }
    return;
  }
  const body = JSON.parse(text) as unknown;
  const result = validateResponse(method, path, status, body);
  if (!result.covered) uncovered.add(`${method} ${routeOf(path) ?? path} ${status}`);
  if (result.errors.length) {
    throw new ContractViolation(
      `${method} ${path} → ${status} breaks the OpenAPI schema:\n  ${result.errors.join('\n  ')}`,
    );
  }
}

/** Wraps `fetch` so every answer is checked before the caller sees it. */
export function validatingFetch(inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const type = res.headers.get('content-type');
    if (type?.startsWith('application/json') !== true) return res;
    const text = await res.text();
    checkAnswer(method, url, res.status, type, text);
    return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
