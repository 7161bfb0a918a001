/**
 * Raw HTTP against `/engine-rest` for what no adapter can express: exact headers, Modeler's
 * multipart, hostile bodies. Every JSON answer is checked like the adapter's (exact Content-Type,
 * OpenAPI schema).
 */
import { checkAnswer } from './validating-fetch.js';
import type { Credentials } from './targets.js';

/** An answer as received: status, headers, text and parsed JSON. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

/** A raw request's body, headers and credentials. */
export interface RawOptions {
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  auth?: Credentials | null;
  /** Skip the schema check (for answers we assert by hand, e.g. 401 without a body). */
  unchecked?: boolean;
}

export async function raw(
  baseUrl: string,
  method: string,
  path: string,
  options: RawOptions = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) {
    headers.authorization = `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}`;
  }
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  }
  const url = `${baseUrl}${path}`;
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type');
  if (!options.unchecked) checkAnswer(method, url, res.status, type, text);
  const json = type?.startsWith('application/json') && text ? (JSON.parse(text) as unknown) : undefined;
  return { status: res.status, headers: res.headers, text, json };
}
