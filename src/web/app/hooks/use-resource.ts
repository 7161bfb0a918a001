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
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResource({ state: 'loading' });
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setResource({ state: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure =
          error instanceof ApiError
            ? error
            : new ApiError(0, { title: 'Error', status: 0, detail: 'Something went wrong in this page.' });
        setResource({ state: 'failed', error: failure });
      },
    );
    return () => controller.abort();
  }, deps);
  return resource;
}
