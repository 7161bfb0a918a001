/**
 * Answers a page asked for before its code had loaded (see ../early.ts), kept for that page to take:
 * each once, and only for a short while, so a later visit or a reload of the data asks the API
 * again. The early requests go through a client of their own that does not end the session on a
 * 401 (the visitor may not be signed in: the page then never asks, or asks again itself).
 */
import { ApiClient } from '../api/client.js';
import { ApiError } from '../api/problem.js';

/** The early requests' client: like `api`, but a 401 is just an answer. */
export const earlyClient = new ApiClient();

/** An early answer older than this is not used: the page asks again. */
const FRESH_MS = 10_000;

const early = new Map<string, { answer: Promise<unknown>; at: number }>();

/** Starts `load` now and keeps its answer under `key` for the page to take. */
export function prefetch<T>(key: string, load: () => Promise<T>): Promise<T> {
  const answer = load();
  // Taken or not, a failure here is the page's to show (or to ask again about), never unhandled.
  answer.catch(() => undefined);
  early.set(key, { answer, at: performance.now() });
  return answer;
}

/**
 * The early answer under `key` if there is a fresh one (taken: a second call asks the API), else
 * `load()`. An early 401 or lost connection asks again: the session may have begun since.
 */
export function prefetched<T>(key: string, load: () => Promise<T>): Promise<T> {
  const kept = early.get(key);
  early.delete(key);
  if (!kept || performance.now() - kept.at > FRESH_MS) return load();
  return (kept.answer as Promise<T>).catch((error: unknown) => {
    if (error instanceof ApiError && error.status !== 401 && error.status !== 0) throw error;
    return load();
  });
}
