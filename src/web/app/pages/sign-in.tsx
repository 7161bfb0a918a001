/**
 * Sign in: "Username", "Password", "Sign in". Errors follow the GOV.UK pattern (summary at the top,
 * the message next to its field): empty fields are caught here; a wrong username or password (the
 * API's one 401, which also covers a locked or disabled account) is shown at the password; too many
 * attempts (429) says how long to wait, in minutes.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, type FieldErrors } from '../api/problem.js';
import { ErrorSummary, summaryOf } from '../components/error-summary.js';
import { TextInput } from '../components/fields.js';
import { NotificationBanner } from '../components/notification-banner.js';
import { Page } from '../shell/page.js';
import { useSession } from '../session/session.js';

const FIELDS = ['username', 'password'] as const;

/** What a person is told for each failure; never which of username or password was wrong. */
export const SIGN_IN_MESSAGES = {
  username: 'Enter your username',
  password: 'Enter your password',
  wrong:
    'The username or password is not right, or the account is locked. After 10 wrong passwords in a row an account is locked for 15 minutes.',
  unavailable: 'Sorry, the service cannot sign you in at the moment. Try again later.',
};

export function tooManyAttempts(seconds: number | null): string {
  const minutes = Math.max(1, Math.ceil((seconds ?? 900) / 60));
  return `There have been too many attempts to sign in. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, then try again.`;
}

/** The errors of a failed sign-in, by field (`_` for the page). */
export function signInErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return { _: SIGN_IN_MESSAGES.unavailable };
  if (error.status === 401) return { password: SIGN_IN_MESSAGES.wrong };
  if (error.status === 429) return { _: tooManyAttempts(error.retryAfter) };
  if (error.status === 400 && error.problem.errors?.length) return error.fieldErrors();
  return { _: SIGN_IN_MESSAGES.unavailable };
}

export function SignInPage() {
  const session = useSession();
  const { route, query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const ended = session.state.status === 'signed-out' && session.state.reason === 'ended';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const missing: FieldErrors = {};
    if (!username.trim()) missing.username = SIGN_IN_MESSAGES.username;
    if (!password) missing.password = SIGN_IN_MESSAGES.password;
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      await session.signIn(username.trim(), password);
      route(returnPath(query.return), true);
    } catch (error) {
      setPassword('');
      setErrors(signInErrors(error));
    } finally {
      setBusy(false);
    }
  };

  const summary = summaryOf(errors, FIELDS);
  return (
    <Page
      title="Sign in"
      error={summary.length > 0}
      before={
        summary.length ? (
          <ErrorSummary errors={summary} />
        ) : ended ? (
          <NotificationBanner title="Signed out">
            <p class="govuk-notification-banner__heading">
              Your session has ended. Sign in again to carry on.
            </p>
          </NotificationBanner>
        ) : null
      }
    >
      <form noValidate onSubmit={submit}>
        <TextInput
          name="username"
          label="Username"
          autocomplete="username"
          spellcheck={false}
          width={20}
          value={username}
          error={errors.username}
          onInput={setUsername}
        />
        <TextInput
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          width={20}
          value={password}
          error={errors.password}
          onInput={setPassword}
        />
        <button type="submit" class="govuk-button">
          Sign in
        </button>
      </form>
    </Page>
  );
}

/** Where to go after signing in: the page asked for, if it is one of ours, else the dashboard. */
export function returnPath(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
