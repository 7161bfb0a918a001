/**
 * Moves focus to an element when something it announces appears (an error summary, a banner, the
 * heading of results that have just loaded), so a screen reader reads it out.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Focuses `target` whenever `deps` change and `when` holds. A layout effect, not an ordinary one:
 * focus moves in the same task that shows the element, so nothing (a keyboard user, a screen
 * reader, a test) meets the new content with focus still where it was.
 */
export function useFocusWhen(target: RefObject<HTMLElement>, when: boolean, deps: unknown[]): void {
  useLayoutEffect(() => {
    if (when) target.current?.focus();
  }, deps);
}
