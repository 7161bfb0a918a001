/**
 * Browser sign-in: `POST /session` sets an HttpOnly, SameSite=Strict cookie (Secure behind TLS) and
 * answers the CSRF token every change must send back; `DELETE /session` signs out. Rate limited per
 * client address and per username; ten failures in a row lock the account for fifteen minutes. A
 * wrong username or password is one 401 that does not say which.
 */
import { z } from 'zod';
import type { Response } from 'express';
import { serialize } from 'cookie';
import { hashPassword, verifyPassword } from '../../identity/passwords.js';
import { SESSION_MS } from '../../identity/session-store.js';
import type { Principal } from '../../identity/principal.js';
import { ApiProblem, unauthorized } from '../http/problem.js';
import { principalOf, SESSION_COOKIE, sessionIdOf } from '../auth/authenticate.js';
import { RateLimiter } from '../auth/rate-limit.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { userSchema } from './shapes.js';

const signIn = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1024) })
  .strict();

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export function registerSession(api: RouteRegistry, deps: ApiDependencies): void {
  const byAddress = new RateLimiter(deps.clock, 30, FIFTEEN_MINUTES);
  const byUsername = new RateLimiter(deps.clock, 15, FIFTEEN_MINUTES);
  // Spent on an unknown username too, so the time taken does not tell a user exists.
  const decoy = hashPassword('not a real password');
  api.add({
    method: 'post',
    path: '/session',
    summary: 'Sign in (browser): sets the session cookie, answers the CSRF token',
    tag: 'Session',
    auth: 'none',
    body: signIn,
    responses: {
      200: { description: 'Signed in', schema: z.object({ csrfToken: z.string(), user: userSchema }) },
      401: { description: 'Wrong username or password, or the account is locked or disabled' },
      429: { description: 'Too many attempts; try again later' },
    },
    handler: async ({ body }, req, res) => {
      const wait = Math.max(byAddress.hit(req.ip ?? ''), byUsername.hit(body.username.toLowerCase()));
      if (wait > 0) {
        res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
        throw new ApiProblem(429, 'Too many requests', 'Too many sign-in attempts; try again later.');
      }
      const now = new Date(deps.clock.now());
      const { users, sessions, audit } = deps.stores;
      const user = users.byUsername(body.username);
      const usable = user && !user.disabled && !(user.lockedUntil && user.lockedUntil > now.toISOString());
      const ok = await verifyPassword(body.password, user ? user.passwordHash : await decoy);
      if (!user || !usable || !ok) {
        // One commit whether or not the user exists: a second durable write (the failure count)
        // for a real username would make a wrong password measurably slower than a wrong username.
        deps.stores.db.transaction(() => {
          if (user && usable) users.recordFailure(user.id, now);
          audit.append({
            // An unknown name is not kept: people type their password into the username box.
            actor: user ? `user:${user.username}` : 'unknown-user',
            action: 'session.create',
            target: null,
            escalationId: null,
            outcome: 'denied',
            source: req.ip ?? '',
            at: now,
          });
        })();
        throw unauthorized('The username or password is not right, or the account is locked or disabled.');
      }
      users.recordSuccess(user.id);
      const session = sessions.create(user.id, now);
      setCookie(res, session.id, req.secure, SESSION_MS / 1000);
      audit.append({
        actor: `user:${user.username}`,
        action: 'session.create',
        target: null,
        escalationId: null,
        outcome: 'ok',
        source: req.ip ?? '',
        at: now,
      });
      return { csrfToken: session.csrfToken, user: userView(principalOf(users, user.id, 'session')!) };
    },
  });
  api.add({
    method: 'get',
    path: '/session',
    summary: 'Who is signed in (and, with a session, its CSRF token)',
    tag: 'Session',
    responses: {
      200: {
        description: 'The user',
        schema: z.object({ csrfToken: z.string().nullable(), user: userSchema }),
      },
    },
    handler: async (_input, req) => {
      const id = sessionIdOf(req);
      const session =
        id && req.principal!.via === 'session'
          ? deps.stores.sessions.find(id, new Date(deps.clock.now()))
          : undefined;
      return { csrfToken: session?.csrfToken ?? null, user: userView(req.principal!) };
    },
  });
  api.add({
    method: 'delete',
    path: '/session',
    summary: 'Sign out',
    tag: 'Session',
    responses: { 204: { description: 'Signed out' } },
    handler: async (_input, req, res) => {
      const id = sessionIdOf(req);
      // Only the session that signed this request is ended; a token's request leaves any cookie be.
      if (id && req.principal!.via === 'session') deps.stores.sessions.delete(id);
      setCookie(res, '', req.secure, 0);
      return undefined;
    },
  });
}

function setCookie(res: Response, value: string, secure: boolean, maxAge: number): void {
  res.setHeader(
    'Set-Cookie',
    serialize(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge }),
  );
}

/** A user as the API shows them: no password, no lockout details. */
export function userView(p: Principal): z.infer<typeof userSchema> {
  return {
    username: p.username,
    email: p.email,
    admin: p.admin,
    memberships: p.memberships.map((m) => ({ ...m, roles: [...m.roles] })),
  };
}
