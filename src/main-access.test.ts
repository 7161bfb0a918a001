/**
 * Who may use `/engine-rest` when `npm start` serves it: loopback clients only unless Basic auth
 * is on (ENGINE_REST_PUBLIC defaults to whether both credentials are set), TRUST_PROXY names the
 * reverse proxy whose X-Forwarded-For is believed, and the `ready` line says where it really
 * listens. A client on another machine is simulated by a trusted proxy (loopback) forwarding for
 * a public address; the decision itself is unit-tested in rest-server/auth/loopback-only.test.ts.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runToExit, startMain, type Started } from './main.test-harness.js';

const FAR = { 'x-forwarded-for': '203.0.113.7' };
const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

describe('npm start: who may use /engine-rest', () => {
  let dir: string;
  let started: Started | null = null;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'main-access-'));
  });
  afterEach(async () => {
    if (started) {
      started.child.kill('SIGTERM');
      expect((await started.exited).code).to.equal(0);
      started = null;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const start = async (env: Record<string, string>) =>
    (started = await startMain({ PORT: '0', DATA_DIR: path.join(dir, 'data'), ...env }));
  const status = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/version`, { headers });
    return { status: res.status, body: await res.text() };
  };

  it('Given no credentials on 0.0.0.0, When started, Then the ready line says every interface with a loopback URL, and only loopback clients are served', async () => {
    const { ready, url } = await start({ HOST: '0.0.0.0', TRUST_PROXY: 'loopback' });
    const port = /:(\d+)\//.exec(url)![1];
    expect(ready).to.include({
      engineRest: `http://0.0.0.0:${port}/engine-rest`,
      listening: 'on every interface',
      loopbackUrl: `http://127.0.0.1:${port}/engine-rest`,
      auth: false,
    });
    expect(String(ready.access)).to.contain('this machine only');
    expect((await status(url)).status).to.equal(200);
    const far = await status(url, FAR);
    expect(far.status).to.equal(401);
    expect(JSON.parse(far.body).message).to.contain('set both ENGINE_REST_USER and ENGINE_REST_PASSWORD');
    // The hot path (a worker's complete) is guarded the same way.
    const complete = await fetch(`${url}/external-task/some-task/complete`, {
      method: 'POST',
      headers: { ...FAR, 'content-type': 'application/json' },
      body: '{"workerId":"w"}',
    });
    expect(complete.status).to.equal(401);
  });

  it('Given no TRUST_PROXY, When a client claims a public address in X-Forwarded-For, Then it is not believed (the socket is loopback)', async () => {
    const { url } = await start({ HOST: '127.0.0.1' });
    expect((await status(url, FAR)).status).to.equal(200);
  });

  it('Given both credentials, When a far client behind the trusted proxy asks, Then Basic auth decides (public by default)', async () => {
    const { ready, url } = await start({
      HOST: '127.0.0.1',
      ENGINE_REST_USER: 'modeler',
      ENGINE_REST_PASSWORD: 's3cret',
      TRUST_PROXY: '127.0.0.1/8',
    });
    expect(ready.engineRest).to.match(/^http:\/\/127\.0\.0\.1:\d+\/engine-rest$/);
    expect(ready).to.not.have.property('loopbackUrl');
    expect((await status(url, FAR)).status).to.equal(401);
    expect((await status(url, { ...FAR, ...basic('modeler', 's3cret') })).status).to.equal(200);
  });

  it('Given both credentials and ENGINE_REST_PUBLIC=false, When a far client with the right credentials asks, Then 401: it stays on this machine', async () => {
    const { url } = await start({
      HOST: '127.0.0.1',
      ENGINE_REST_USER: 'modeler',
      ENGINE_REST_PASSWORD: 's3cret',
      ENGINE_REST_PUBLIC: 'false',
      TRUST_PROXY: 'loopback',
    });
    const far = await status(url, { ...FAR, ...basic('modeler', 's3cret') });
    expect(far.status).to.equal(401);
    expect(JSON.parse(far.body).message).to.contain('clients on this machine only');
    expect((await status(url, basic('modeler', 's3cret'))).status).to.equal(200);
  });

  for (const [env, variable] of [
    [{ ENGINE_REST_PUBLIC: 'true' }, 'ENGINE_REST_PUBLIC'],
    [{ ENGINE_REST_PUBLIC: 'true', ENGINE_REST_USER: 'only-a-user' }, 'ENGINE_REST_PUBLIC'],
    [{ ENGINE_REST_PUBLIC: 'yes' }, 'ENGINE_REST_PUBLIC'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'not-an-address' }, 'TRUST_PROXY'],
  ] as const) {
    it(`Given ${JSON.stringify(env)}, When started, Then it exits 2 naming ${variable}`, async () => {
      const { code, stderr } = await runToExit({ DATA_DIR: path.join(dir, 'data'), ...env });
      expect(code).to.equal(2);
      expect(stderr).to.contain(variable);
    });
  }
});
