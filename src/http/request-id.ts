/**
 * Each request's id, echoed as `X-Request-Id` and named by every log line written while serving it.
 * An id sent by the client is ignored (a client could put anything there, a child's name included),
 * except from a reverse proxy named by TRUST_PROXY, and only in the forms proxies make: nginx's
 * `$request_id` (32 hex digits) or a UUID. So a log line's id is never text a person typed.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TrustProxy } from './client-address.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';

const PROXY_ID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The proxy's id when the socket's peer is a trusted proxy and the id has a proxy's form; else a new UUID. */
export function requestIdOf(
  req: IncomingMessage,
  trust: TrustProxy,
  newId: () => string = randomUUID,
): string {
  const given = req.headers['x-request-id'];
  const peer = req.socket.remoteAddress;
  if (typeof given === 'string' && peer !== undefined && trust(peer, 0) && PROXY_ID.test(given))
    return given.toLowerCase();
  return newId();
}
