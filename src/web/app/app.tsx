/**
 * The app: the router (history API; links under /api and /engine-rest are left to the browser),
 * the session, the shell, and each path's page behind its access rule. Unknown paths show the
 * not-found page; a page that throws shows the problem page.
 */
import type { ComponentType } from 'preact';
import { useEffect, useErrorBoundary } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { NotFoundPage } from './pages/not-found.js';
import { ProblemPage } from './pages/problem.js';
import { returnPath } from './pages/sign-in.js';
import { PATHS, type PageName } from './route-paths.js';
import { ROUTES, type Access } from './routes.js';
import { SessionProvider, useSession } from './session/session.js';
import { Layout } from './shell/layout.js';
import { setBusy } from './shell/page.js';

/** Links the router leaves to the browser: the API (documents, its reference page) and the engine. */
const IN_APP = /^\/(?!api(\/|$)|engine-rest(\/|$))/;

export function App() {
  return (
    <LocationProvider scope={IN_APP}>
      <SessionProvider>
        <Layout>
          <Pages />
        </Layout>
      </SessionProvider>
    </LocationProvider>
  );
}

/** One guarded component per page, made once so the router keeps each page's identity. */
const GUARDED = Object.fromEntries(
  Object.entries(ROUTES).map(([name, r]) => [name, guarded(r.access, r.component)]),
) as Record<PageName, ComponentType>;

function Pages() {
  const { state } = useSession();
  const [error] = useErrorBoundary();
  if (error) return <ProblemPage />;
  if (state.status === 'unknown') return null;
  if (state.status === 'unavailable') return <ProblemPage />;
  return (
    <ErrorBoundary>
      <Router onLoadStart={() => setBusy(true)}>
        {[
          ...Object.keys(ROUTES).map((name) => (
            <Route key={name} path={PATHS[name as PageName]} component={GUARDED[name as PageName]} />
          )),
          <Route key="not-found" default component={NotFoundPage} />,
        ]}
      </Router>
    </ErrorBoundary>
  );
}

function guarded(access: Access, Component: ComponentType): ComponentType {
  return function Guarded(props) {
    const redirect = useRedirect(access);
    const { route } = useLocation();
    useEffect(() => {
      if (redirect) route(redirect, true);
    }, [redirect]);
    return redirect ? null : <Component {...props} />;
  };
}

/** Where a visitor without access to this page goes instead, or null. */
function useRedirect(access: Access): string | null {
  const { state } = useSession();
  const { url, query } = useLocation();
  if (access === 'signed-in' && state.status === 'signed-out') {
    if (state.reason === 'signed-out') return PATHS.signedOut;
    return url === '/' ? PATHS.signIn : `${PATHS.signIn}?return=${encodeURIComponent(url)}`;
  }
  if (access === 'signed-out' && state.status === 'signed-in') return returnPath(query.return);
  return null;
}
