/** The page for a failure that is not the user's: plain words, nothing technical. */
import { Page } from '../shell/page.js';
import type { ApiError } from '../api/problem.js';
import { NotFoundPage } from './not-found.js';

export function ProblemPage() {
  return (
    <Page title="Sorry, there is a problem with the service">
      <p class="govuk-body">Try again later.</p>
    </Page>
  );
}

/** The page for a failed load: not found for 404, the problem page otherwise. */
export function FailedPage({ error }: { error: ApiError }) {
  return error.status === 404 ? <NotFoundPage /> : <ProblemPage />;
}
