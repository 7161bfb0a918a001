/**
 * The request being served, for the log: each HTTP request runs inside its own context carrying a
 * request id, so every line logged while serving it (by the API, the engine's REST layer or the
 * engine itself) names that id without passing it around. Work that no request started (timers,
 * the workers' polling loop) logs without one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  /** A UUID made here, or the trusted proxy's id (see src/http/request-id.ts). */
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (and everything it starts) inside the request's context. */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The context of the request being served, if any. */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
