/**
 * The API's authentication boundary, one middleware: a personal access token
 * (`Authorization: Bearer …`) or a browser session cookie, which for every state-changing request
 * must come with the session's `X-CSRF-Token`. It sets `req.principal`. An OIDC provider can replace
 * it by setting the same principal from its own token (docs/api.md).
 */
import type { Request, RequestHandler } from 'express';
import { parse as parseCookies } from 'cookie';
import type { Clock } from '../../clock/clock.js';
import type { Principal } from '../../identity/principal.js';
import type { SessionStore } from '../../identity/session-store.js';
import type { TokenStore } from '../../identity/token-store.js';
import type { UserStore } from '../../identity/user-store.js';
import { forbidden, unauthorized } from '../http/problem.js';

export const SESSION_COOKIE = 'escalations_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export interface AuthDependencies {
  users: UserStore;
  tokens: TokenStore;
  sessions: SessionStore;
  clock: Clock;
}

/** The principal of a user id (memberships included), unless the user is disabled. */
export function principalOf(
  users: UserStore,
  userId: number,
  via: Principal['via'],
  tokenId?: string,
): Principal | null {
  const user = users.byId(userId);
  if (!user || user.disabled) return null;
  return {
    userId: user.id,
    username: user.username,
    email: user.email,
    admin: user.admin,
    memberships: users.memberships(user.id),
    via,
    ...(tokenId ? { tokenId } : {}),
  };
}

export function sessionIdOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookies(header)[SESSION_COOKIE] : undefined;
}

export function authenticate(deps: AuthDependencies): RequestHandler {
  return (req, _res, next) => {
    const now = new Date(deps.clock.now());
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const token = deps.tokens.verify(bearer, now);
      const principal = token && principalOf(deps.users, token.userId, 'token', token.id);
      if (!principal)
        return next(
          unauthorized('The token is not valid (unknown, revoked or expired), or its user is disabled.'),
        );
      req.principal = principal;
      return next();
    }
    const sessionId = sessionIdOf(req);
    const session = sessionId ? deps.sessions.find(sessionId, now) : undefined;
    const principal = session && principalOf(deps.users, session.userId, 'session');
    if (!principal) return next(unauthorized());
    if (!SAFE_METHODS.has(req.method) && req.get('x-csrf-token') !== session.csrfToken)
      return next(forbidden('A change made with a browser session needs its X-CSRF-Token header.'));
    req.principal = principal;
    next();
  };
}
