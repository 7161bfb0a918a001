/**
 * Who is signed in, for the whole app. On load it asks `GET /session`, which also answers the
 * session's CSRF token (so a reload recovers it; it is kept in memory only). Sign in and sign out
 * go through `/session`; any other request answering 401 means the session ended, and the app
 * returns to the sign-in page saying so.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ApiError } from '../api/problem.js';
import { earlyClient, prefetch, prefetched } from '../hooks/prefetched.js';
import { listPartnerships } from '../api/partnerships.js';
import { createSession, currentSession, deleteSession } from '../api/session.js';
import type { PartnershipSummary, SessionAnswer, User } from '../api/types.js';

export type SessionState =
  | { status: 'unknown' }
  /** The service could not be reached to find out. */
  | { status: 'unavailable' }
  /** `ended`: a request answered 401 (expired, or signed out elsewhere); `signed-out`: by the user. */
  | { status: 'signed-out'; reason: 'none' | 'ended' | 'signed-out' }
  | { status: 'signed-in'; user: User; partnerships: PartnershipSummary[] };

export interface Session {
  state: SessionState;
  /** Signs in; throws the API's error (401, 429, 400) for the page to show. */
  signIn(username: string, password: string): Promise<void>;
  /** Signs out; throws when the service could not be told (the session would outlive the page). */
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The signed-in user; only for pages that the router shows signed in. */
export function useUser(): { user: User; partnerships: PartnershipSummary[] } {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser on a page shown signed out');
  return state;
}

const EARLY_SESSION = 'session';
const EARLY_PARTNERSHIPS = 'partnerships';

/**
 * Asks who is signed in, and their partnerships, as the app starts (../early.ts), before its first
 * render: both at once, rather than one after the other once the app has rendered. Signed out, the
 * partnerships' early 401 is left unused (the early client does not end anything on a 401).
 */
export function prefetchSession(): void {
  prefetch(EARLY_SESSION, currentSession);
  prefetch(
    EARLY_PARTNERSHIPS,
    async () => (await earlyClient.get<{ items: PartnershipSummary[] }>('/partnerships')).items,
  );
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>({ status: 'unknown' });

  const enter = useCallback(async (answer: SessionAnswer) => {
    api.setCsrfToken(answer.csrfToken);
    // Asked for as the app started (prefetchSession), else now.
    const partnerships = await prefetched(EARLY_PARTNERSHIPS, listPartnerships);
    setState({ status: 'signed-in', user: answer.user, partnerships });
  }, []);

  useEffect(() => {
    api.onUnauthorized = () => {
      api.setCsrfToken(null);
      setState({ status: 'signed-out', reason: 'ended' });
    };
    prefetched(EARLY_SESSION, currentSession)
      .then((answer) => (answer ? enter(answer) : setState({ status: 'signed-out', reason: 'none' })))
      .catch(() => setState({ status: 'unavailable' }));
  }, [enter]);

  const session = useMemo<Session>(
    () => ({
      state,
      signIn: async (username, password) => enter(await createSession(username, password)),
      signOut: async () => {
        // A 401 means the session had already ended: nothing is left to sign out of.
        await deleteSession().catch((error: unknown) => {
          if (!(error instanceof ApiError && error.status === 401)) throw error;
        });
        api.setCsrfToken(null);
        setState({ status: 'signed-out', reason: 'signed-out' });
      },
    }),
    [state, enter],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
