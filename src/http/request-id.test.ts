import { expect } from 'chai';
import type { IncomingMessage } from 'node:http';
import { compileTrustProxy, TRUST_NO_PROXY } from './client-address.js';
import { requestIdOf } from './request-id.js';

const request = (peer: string, id?: string) =>
  ({ socket: { remoteAddress: peer }, headers: id === undefined ? {} : { 'x-request-id': id } }) as unknown as IncomingMessage; // prettier-ignore
const fresh = () => 'fresh-id';

describe('http: request ids (issue 16, Operations)', () => {
  const nginx = '0123456789ABCDEF0123456789abcdef';
  const uuid = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';

  it('Given a trusted proxy (TRUST_PROXY=loopback), When it sends nginx’s $request_id or a UUID, Then that id is kept (lower case)', () => {
    const trust = compileTrustProxy('loopback');
    expect(requestIdOf(request('127.0.0.1', nginx), trust, fresh)).to.equal(nginx.toLowerCase());
    expect(requestIdOf(request('::1', uuid), trust, fresh)).to.equal(uuid);
  });

  it('Given a client that is no trusted proxy, When it sends an id, Then a new one is made', () => {
    expect(requestIdOf(request('127.0.0.1', nginx), TRUST_NO_PROXY, fresh)).to.equal('fresh-id');
    expect(requestIdOf(request('192.0.2.10', uuid), compileTrustProxy('loopback'), fresh)).to.equal(
      'fresh-id',
    );
  });

  it('Given a trusted proxy passing on what a client typed (a name, spaces, too long, two headers), When read, Then a new id is made', () => {
    const trust = compileTrustProxy('loopback');
    for (const typed of ['Jane-Smith-2015-03-02', 'jane smith', `${nginx}0`, `${nginx}, ${nginx}`, ''])
      expect(requestIdOf(request('127.0.0.1', typed), trust, fresh), typed).to.equal('fresh-id');
  });

  it('Given no id and the default maker, When read, Then it is a random UUID', () => {
    const id = requestIdOf(request('127.0.0.1'), TRUST_NO_PROXY);
    expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestIdOf(request('127.0.0.1'), TRUST_NO_PROXY)).not.to.equal(id);
  });
});
