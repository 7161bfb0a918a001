/**
 * Loads what a page shows from the API: `loading`, then `ready` with the data or `failed` with the
 * API's error (404 included: the page then shows the not-found page, whether the thing does not
 * exist or the user may not see it). A change of `deps` loads again and abandons the old request.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/problem.js';

export type Resource<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: ApiError };

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Resource<T> {
  // Each answer is kept with the deps it was loaded for: in the render where the deps change (a new
  // address, a filter), the old answer is already `loading`, so the page says it is busy in the
  // same task that shows the change rather than one render later, with the old data.
  const [held, setHeld] = useState<{ resource: Resource<T>; deps: unknown[] }>({
    resource: { state: 'loading' },
    deps,
  });
  useEffect(() => {
    const controller = new AbortController();
    const settle = (resource: Resource<T>) => !controller.signal.aborted && setHeld({ resource, deps });
    settle({ state: 'loading' });
    load(controller.signal).then(
      (data) => settle({ state: 'ready', data }),
      (error: unknown) => {
        const failure =
          error instanceof ApiError
            ? error
            : new ApiError(0, { title: 'Error', status: 0, detail: 'Something went wrong in this page.' });
        settle({ state: 'failed', error: failure });
      },
    );
    return () => controller.abort();
  }, deps);
  const current = held.deps.length === deps.length && held.deps.every((d, i) => Object.is(d, deps[i]));
  return current ? held.resource : { state: 'loading' };
}
