import { expect } from 'chai';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { basicAuth } from './basic-auth.js';

describe('Basic auth for /engine-rest', () => {
  let server: http.Server;
  let url: string;

  before(async () => {
    const app = express();
    app.use(basicAuth({ user: 'modeler', password: 'pa:ss' }));
    app.get('/version', (_req, res) => {
      res.end('ok');
    });
    server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/version`;
  });
  after(() => new Promise((r) => server.close(r)));

  const get = (authorization?: string) => fetch(url, { headers: authorization ? { authorization } : {} });
  const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;

  it('Given the right credentials, When a request arrives, Then it passes', async () => {
    expect((await get(basic('modeler:pa:ss'))).status).to.equal(200);
  });

  it('Given no credentials, When a request arrives, Then 401 with Camunda’s challenge', async () => {
    const res = await get();
    expect(res.status).to.equal(401);
    expect(res.headers.get('www-authenticate')).to.equal('Basic realm="default"');
  });

  for (const [title, header] of [
    ['a wrong password', basic('modeler:nope')],
    ['a wrong user', basic('admin:pa:ss')],
    ['a Bearer token', 'Bearer abc'],
    ['garbage', 'Basic !!!'],
  ]) {
    it(`Given ${title}, When a request arrives, Then 401`, async () => {
      expect((await get(header)).status).to.equal(401);
    });
  }
});
