/**
 * Who is asking: the client's address, believing `X-Forwarded-For` only from the reverse proxies
 * named by `TRUST_PROXY` (express's trust-proxy syntax, through the same proxy-addr package), and
 * whether that address is this machine (loopback). Shared by every HTTP surface, so the
 * `/engine-rest` hot path, express (`req.ip`, `req.secure`) and later rate limits agree.
 */
import type { IncomingMessage } from 'node:http';
import { BlockList } from 'node:net';
import proxyAddr from 'proxy-addr';

/** Whether the hop at `address` (the `i`-th from the socket) is a proxy to believe. */
export type TrustProxy = (address: string, i: number) => boolean;

/** Believes no proxy: the client is the socket's peer (the default). */
export const TRUST_NO_PROXY: TrustProxy = () => false;

/** The names proxy-addr understands besides addresses and CIDR ranges. */
const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Compiles a `TRUST_PROXY` value: a comma-separated list of IP addresses, CIDR ranges and the
 * names `loopback`, `linklocal`, `uniquelocal`. Throws an Error saying why for anything else,
 * including `true` or a hop count, which would let any client claim any address.
 */
export function compileTrustProxy(value: string | null | undefined): TrustProxy {
  if (value === null || value === undefined || value.trim() === '') return TRUST_NO_PROXY;
  const entries = value.split(',').map((e) => e.trim());
  for (const entry of entries) {
    if (entry === '' || /^(true|false|\d+)$/i.test(entry)) {
      throw new Error(
        `'${entry}' is not a proxy address: give IP addresses, CIDR ranges or loopback, linklocal, uniquelocal`,
      );
    }
  }
  try {
    return proxyAddr.compile(entries.map((e) => (NAMES.has(e.toLowerCase()) ? e.toLowerCase() : e)));
  } catch (err) {
    throw new Error(
      `${(err as Error).message}: give IP addresses, CIDR ranges or loopback, linklocal, uniquelocal`,
      { cause: err },
    );
  }
}

/** The client's address: the socket's peer, or what trusted proxies say it is. */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(req, trust);
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether `address` is this machine's loopback (127.0.0.0/8, ::1, or IPv4-mapped ::ffff:127.x). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const family = address.includes(':') ? 'ipv6' : 'ipv4';
  try {
    return LOOPBACK.check(address, family);
  } catch {
    return false;
  }
}
