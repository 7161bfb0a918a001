/**
 * Optional HTTP Basic auth for /engine-rest, as Camunda's ProcessEngineAuthenticationFilter does
 * it: a missing or wrong credential gets 401 with `WWW-Authenticate: Basic realm="default"`.
 * Credentials are compared in constant time; nothing about them is logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

/** The one user/password pair `/engine-rest` accepts. */
export interface BasicAuthCredentials {
  user: string;
  password: string;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Middleware that lets only requests with these credentials through. */
export function basicAuth(credentials: BasicAuthCredentials): RequestHandler {
  const expected = digest(`${credentials.user}:${credentials.password}`);
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    const given = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
    // Hashing first gives equal-length buffers, so timingSafeEqual never throws.
    if (match && timingSafeEqual(digest(given), expected)) {
      next();
      return;
    }
    res.statusCode = 401;
    res.setHeader('WWW-Authenticate', 'Basic realm="default"');
    res.end();
  };
}
