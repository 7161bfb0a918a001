/**
 * Who may scrape `/metrics`. Without METRICS_TOKEN: clients on this machine only (the client's
 * address after believing TRUST_PROXY's proxies, as `/engine-rest` decides it), and a request
 * forwarded by a proxy TRUST_PROXY does not name is not local: a reverse proxy on this machine would
 * otherwise make every client look local. With METRICS_TOKEN: `Authorization: Bearer <token>` from
 * anywhere, loopback included, compared in constant time. The figures carry no personal data, but
 * they tell how busy each partnership is, so they are not for everyone.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { clientAddress, isLoopback, type TrustProxy } from '../http/client-address.js';

export type MetricsVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** The rule for one configuration: a token (METRICS_TOKEN) or loopback only. */
export function metricsAccess(
  token: string | null,
  trust: TrustProxy,
): (req: IncomingMessage) => MetricsVerdict {
  if (token !== null) {
    const expected = digest(token);
    return (req) => {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      // Digests first: equal lengths, so timingSafeEqual never throws and the length leaks nothing.
      if (match && timingSafeEqual(digest(match[1]!), expected)) return { ok: true };
      return { ok: false, status: 401, message: '/metrics needs Authorization: Bearer <METRICS_TOKEN>.\n' };
    };
  }
  return (req) => {
    const peer = req.socket.remoteAddress ?? '';
    const forwardedByStranger =
      (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) &&
      !trust(peer, 0);
    if (!forwardedByStranger && isLoopback(clientAddress(req, trust))) return { ok: true };
    return {
      ok: false,
      status: 403,
      message:
        '/metrics answers clients on this machine only. Set METRICS_TOKEN to let a scraper elsewhere in with ' +
        'Authorization: Bearer <token>; TRUST_PROXY names a reverse proxy whose X-Forwarded-For is believed.\n',
    };
  };
}
