/**
 * `/engine-rest` for this machine only: the default of `npm start` unless Basic auth is configured
 * and public (ENGINE_REST_PUBLIC). The client is the socket's peer, or what a trusted reverse proxy
 * (TRUST_PROXY) says in X-Forwarded-For, so a proxy on this machine does not make every client
 * local. Any other client gets a 401 saying how to open the API to it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, isLoopback, type TrustProxy } from '../../../http/client-address.js';
import { sendJson } from '../wire/send.js';

/** What a client that is not on this machine is told. */
export const LOOPBACK_ONLY_MESSAGE =
  '/engine-rest answers clients on this machine only. To open it to other machines, set both ' +
  'ENGINE_REST_USER and ENGINE_REST_PASSWORD (HTTP Basic auth) and restart; ENGINE_REST_PUBLIC=false ' +
  'keeps it local even then, and TRUST_PROXY names a reverse proxy whose X-Forwarded-For is believed.';

/** Whether the request comes from this machine (after believing trusted proxies). */
export function isLocalRequest(req: IncomingMessage, trust: TrustProxy): boolean {
  return isLoopback(clientAddress(req, trust));
}

/** A connect-style middleware that lets only local clients through. */
export function loopbackOnly(
  trust: TrustProxy,
): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void {
  return (req, res, next) => {
    if (isLocalRequest(req, trust)) {
      next();
      return;
    }
    // The body is never read: the connection closes after the answer.
    res.setHeader('Connection', 'close');
    sendJson(res, 401, { type: 'AuthenticationException', message: LOOPBACK_ONLY_MESSAGE, code: null });
  };
}
