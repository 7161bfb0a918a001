import { expect } from 'chai';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { compileTrustProxy, isLoopback, TRUST_NO_PROXY } from '../../../http/client-address.js';
import { isLocalRequest, LOOPBACK_ONLY_MESSAGE, loopbackOnly } from './loopback-only.js';

/** A request as Node hands it over: the socket's peer and the headers. */
const request = (peer: string, headers: Record<string, string> = {}) =>
  ({
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers,
  }) as unknown as IncomingMessage;

describe('rest-server/auth: loopback only', () => {
  for (const peer of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) {
    it(`Given a peer at ${peer}, When checked, Then it is local`, () => {
      expect(isLoopback(peer)).to.equal(true);
      expect(isLocalRequest(request(peer), TRUST_NO_PROXY)).to.equal(true);
    });
  }

  for (const peer of ['192.0.2.10', '10.0.0.5', '::ffff:10.0.0.5', 'fd00::2', '0.0.0.0', '']) {
    it(`Given a peer at ${JSON.stringify(peer)}, When checked, Then it is not local`, () => {
      expect(isLocalRequest(request(peer), TRUST_NO_PROXY)).to.equal(false);
    });
  }

  it('Given a loopback peer claiming a far client, When no proxy is trusted, Then the claim is ignored', () => {
    expect(
      isLocalRequest(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }), TRUST_NO_PROXY),
    ).to.equal(true);
  });

  it('Given TRUST_PROXY=loopback, When the loopback proxy forwards a far client, Then the far client decides', () => {
    const trust = compileTrustProxy('loopback');
    expect(isLocalRequest(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }), trust)).to.equal(false);
    expect(isLocalRequest(request('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' }), trust)).to.equal(true);
    // A far peer is never a trusted proxy, whatever it claims.
    expect(isLocalRequest(request('192.0.2.10', { 'x-forwarded-for': '127.0.0.1' }), trust)).to.equal(false);
  });

  it('Given TRUST_PROXY as a list of addresses and ranges, When compiled, Then only those hops are believed', () => {
    const trust = compileTrustProxy('10.0.0.0/8, 192.0.2.1');
    expect(trust('10.1.2.3', 0)).to.equal(true);
    expect(trust('192.0.2.1', 0)).to.equal(true);
    expect(trust('192.0.2.2', 0)).to.equal(false);
    for (const bad of ['true', '2', 'nonsense', '10.0.0.0/99', 'loopback,,x'])
      expect(() => compileTrustProxy(bad), bad).to.throw();
  });

  it('Given a far client, When the middleware runs, Then 401 with the message that says how to open it, and next is not called', () => {
    const headers: Record<string, unknown> = {};
    let body = '';
    const res = {
      statusCode: 0,
      setHeader: (k: string, v: unknown) => (headers[k.toLowerCase()] = v),
      end: (b: Buffer) => (body = b.toString()),
    } as unknown as ServerResponse;
    let passed = false;
    loopbackOnly(TRUST_NO_PROXY)(request('192.0.2.10'), res, () => (passed = true));
    expect([passed, res.statusCode, headers.connection]).to.deep.equal([false, 401, 'close']);
    expect(JSON.parse(body)).to.deep.equal({
      type: 'AuthenticationException',
      message: LOOPBACK_ONLY_MESSAGE,
      code: null,
    });
  });
});
