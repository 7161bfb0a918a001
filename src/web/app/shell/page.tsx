/**
 * Every page renders inside `<Page>`: it sets the document title ("<Page> – Escalations", with
 * "Error: " first while the page shows errors), renders the one `h1`, and after a navigation within
 * the app moves focus to that `h1` once the page has loaded, so a screen reader announces the new
 * page (on the first page of a visit focus stays at the top, where the skip link is).
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';

export const SERVICE_NAME = 'Escalations';

/** "Sign in – Escalations", "Error: Sign in – Escalations". */
export function pageTitle(title: string, error = false): string {
  return `${error ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
}

/** Pages shown since the app loaded; focus moves only from the second on. */
let pagesShown = 0;

/** Marks the main region busy (loading) or not; pages, and the router while it loads a lazy page. */
export function setBusy(busy: boolean): void {
  document.getElementById('main-content')?.setAttribute('aria-busy', String(busy));
}

export interface PageProps {
  /** The page's name: the document title's first part and, unless `heading` is given, the h1. */
  title: string;
  /** The h1 when it differs from the title (e.g. a case reference). */
  heading?: ComponentChildren;
  /** A caption above the h1 (GOV.UK's `govuk-caption-l`). */
  caption?: string;
  /** Shown before the h1 (an error summary or a notification banner). */
  before?: ComponentChildren;
  /** The page shows errors: "Error: " in the title. */
  error?: boolean;
  /** Still loading its data: the main region is busy and focus waits. */
  loading?: boolean;
  /** `two-thirds` (forms, GOV.UK's default) or `full` (tables, dashboards). */
  width?: 'two-thirds' | 'full';
  children?: ComponentChildren;
}

export function Page(props: PageProps) {
  const { title, heading, caption, before, error = false, loading = false, width = 'two-thirds' } = props;
  const h1 = useRef<HTMLHeadingElement>(null);
  const { url, path } = useLocation();
  // While the next page's code loads, the router keeps this page on screen and it re-renders with
  // the new address: it must not then say the main region is ready, nor take focus (its route's
  // path is still the one it was shown for).
  const routePath = (useRoute() as { path?: string }).path;
  const outgoing = routePath !== undefined && routePath !== path;
  // A layout effect, like the busy state below: the title says "Error: " in the same task that
  // shows the errors, so nothing (a screen reader, a test) reads the page's errors under the old title.
  useLayoutEffect(() => {
    if (!outgoing) document.title = pageTitle(title, error);
  }, [title, error, outgoing]);
  // A layout effect: the main region says it is busy in the same task that shows the new page.
  useLayoutEffect(() => {
    if (outgoing) return;
    setBusy(loading);
    if (loading) return;
    if (pagesShown++ > 0) h1.current?.focus();
  }, [loading, url, outgoing]);
  return (
    <div class="govuk-grid-row">
      <div class={width === 'full' ? 'govuk-grid-column-full' : 'govuk-grid-column-two-thirds'}>
        {before}
        {caption && <span class="govuk-caption-l">{caption}</span>}
        <h1 class="govuk-heading-l" tabIndex={-1} ref={h1}>
          {heading ?? title}
        </h1>
        {loading ? <p class="govuk-body">Loading…</p> : props.children}
      </div>
    </div>
  );
}
