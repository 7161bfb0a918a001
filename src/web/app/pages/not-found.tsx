/**
 * The not-found page, for an unknown address and for anything the API answers 404 (which is also
 * what it answers for an escalation the user may not see). It says the same in every case and
 * repeats nothing from the address, so it tells no one whether something exists.
 */
import { Page } from '../shell/page.js';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p class="govuk-body">If you typed the web address, check it is correct.</p>
      <p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p class="govuk-body">
        If you followed a link to an escalation, it may have been mistyped, or you may need to ask a colleague
        who works on it.
      </p>
      <p class="govuk-body">
        <a href="/" class="govuk-link">
          Go to your dashboard
        </a>
      </p>
    </Page>
  );
}
