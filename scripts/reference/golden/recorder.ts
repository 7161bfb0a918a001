/**
 * The golden-file recorder's two primitives: `call` (one request to the reference engine) and `record`
 * (one request whose normalised answer becomes test/conformance/golden/<name>.json, see README there).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  normalizeBody,
  normalizeString,
  type GoldenFile,
} from '../../../test/conformance/golden/normalize.js';
import { fixturesDir } from '../../../test/reference-engine/fixtures.js';

/** Where the golden files are written. */
export const GOLDEN_DIR = resolve('test/conformance/golden');
/** A response as the recorder keeps it. */
export type Answer = { status: number; contentType: string | null; json: unknown; text: string };

/** Multipart fields; a value `@file` uploads that file from {@link fixturesDir}. */
export type Multipart = Record<string, string>;

/** The recorder bound to one running engine. */
export interface Recorder {
  /** Makes a call without recording it (set-up steps). */
  call(method: string, path: string, body?: unknown, multipart?: FormData): Promise<Answer>;
  /** Makes a call and writes its golden file. `template` is the path as documented, with {ids}. */
  record(
    name: string,
    description: string,
    method: string,
    path: string,
    template: string,
    body?: unknown,
    multipart?: Multipart,
  ): Promise<Answer>;
}

/** One request to the engine at `base`; a string body is sent as is (to send malformed JSON). */
export async function callEngine(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  multipart?: FormData,
): Promise<Answer> {
  const init: RequestInit = { method };
  if (multipart) init.body = multipart;
  else if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  const json = contentType === 'application/json' && text ? (JSON.parse(text) as unknown) : undefined;
  return { status: response.status, contentType, json, text };
}

/** The file `name` from {@link fixturesDir} as an upload. */
export const fixtureBlob = (name: string): Blob => new Blob([readFileSync(join(fixturesDir, name))]);

function multipartForm(multipart: Multipart): FormData {
  const form = new FormData();
  for (const [field, value] of Object.entries(multipart)) {
    if (value.startsWith('@')) form.append(field, fixtureBlob(value.slice(1)), value.slice(1));
    else form.append(field, value);
  }
  return form;
}

function responseBody(answer: Answer): unknown {
  if (answer.json !== undefined) return normalizeBody(answer.json);
  return answer.text ? normalizeString(answer.text.slice(0, 2000)) : null;
}

/** A recorder for the engine at `base`; every golden file it writes says it was `recordedOn` that engine. */
export function createRecorder(base: string, recordedOn: string): Recorder {
  const call: Recorder['call'] = (method, path, body, multipart) =>
    callEngine(base, method, path, body, multipart);
  const record: Recorder['record'] = async (name, description, method, path, template, body, multipart) => {
    const answer = await call(method, path, body, multipart ? multipartForm(multipart) : undefined);
    const golden: GoldenFile = {
      name,
      description,
      request: {
        method,
        path: template,
        ...(body !== undefined ? { body } : {}),
        ...(multipart ? { multipart } : {}),
      },
      status: answer.status,
      headers: { 'content-type': answer.contentType },
      body: responseBody(answer),
      recordedOn,
    };
    writeFileSync(join(GOLDEN_DIR, `${name}.json`), `${JSON.stringify(golden, null, 2)}\n`);
    return answer;
  };
  return { call, record };
}

/** The id of the first element of a list answer. */
export const first = (answer: Answer): string => (answer.json as { id: string }[])[0]!.id;
/** The id of an object answer. */
export const idOf = (answer: Answer): string => (answer.json as { id: string }).id;
