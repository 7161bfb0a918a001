/** After signing out. */
import { Page } from '../shell/page.js';

export function SignedOutPage() {
  return (
    <Page title="You have signed out">
      <p class="govuk-body">Close the browser if you are using a shared computer.</p>
      <p class="govuk-body">
        <a href="/sign-in" class="govuk-link">
          Sign in again
        </a>
      </p>
    </Page>
  );
}
