import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { openHarness, type Harness } from '../../../test/engine/harness.js';
import { compileTrustProxy } from '../../http/client-address.js';
import { createServer, requestListener } from './server.js';

/** One raw request: the bytes and headers exactly as given. */
interface Raw {
  path: string;
  body?: Buffer | string;
  headers?: Record<string, string>;
}

/** The answer with everything but the per-connection headers. */
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, raw: Raw): Promise<Answer> {
  const body = raw.body === undefined ? undefined : Buffer.from(raw.body);
  const headers: Record<string, string> = { ...raw.headers };
  if (body && !('transfer-encoding' in headers)) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: raw.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const { date: _d, connection: _c, 'keep-alive': _k, ...rest } = res.headers;
        resolve({ status: res.statusCode!, headers: rest, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const AUTH = { user: 'demo', password: 's3cret' };
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const json = { 'content-type': 'application/json' };

describe('rest-server/hot-path: the per-task commands answer exactly as through express', () => {
  let h: Harness;
  let hot: http.Server;
  let plain: http.Server;
  const port = { hot: 0, plain: 0 };
  let tasks: string[];
  /** Requests the hot path answered itself (the rest went on to express). */
  let taken = 0;

  async function serve(listener: http.RequestListener): Promise<[http.Server, number]> {
    const server = http.createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return [server, (server.address() as AddressInfo).port];
  }

  before(async () => {
    h = await openHarness();
    await h.deploy('one-task.bpmn');
    for (let i = 0; i < 6; i++) await h.engine.startProcessInstance({ definitionKey: 'one-task' });
    tasks = (await h.fetch('escalation-notify', 'w')).map((t) => t.id);
    const options = { engine: h.engine, auth: AUTH, jsonLimit: 50_000 };
    // What `listen` serves, counting the requests express never saw…
    const app = createServer(options);
    const listener = requestListener(app);
    [hot, port.hot] = await serve((req, res) => {
      listener(req, res);
      // Express links every request it handles to its response (`req.res`), synchronously.
      if (!('res' in req)) taken++;
    });
    // …and the same app served by express alone.
    [plain, port.plain] = await serve(createServer(options));
  });
  after(async () => {
    await new Promise((resolve) => hot.close(resolve));
    await new Promise((resolve) => plain.close(resolve));
    await h.close();
  });

  const ok = { authorization: basic(AUTH.user, AUTH.password) };
  /** What is sent, whether the hot path should take it, and the request. */
  const cases: [string, boolean, () => Raw][] = [
    ['a wrong worker', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, ...json }, body: '{"workerId":"other"}' })], // prettier-ignore
    ['an unknown id', true, () => ({ path: '/engine-rest/external-task/no-such-task/complete', headers: { ...ok, ...json }, body: '{"workerId":"w"}' })], // prettier-ignore
    ['malformed JSON', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, ...json }, body: '{"workerId":' })], // prettier-ignore
    ['JSON that is not an object', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, ...json }, body: '"w"' })], // prettier-ignore
    ['no workerId', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, ...json }, body: '{}' })], // prettier-ignore
    ['a mistyped workerId', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, ...json }, body: '{"workerId":5}' })], // prettier-ignore
    ['an unknown variable type', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, ...json }, body: '{"workerId":"w","variables":{"x":{"value":1,"type":"Nope"}}}' })], // prettier-ignore
    ['a body over the limit', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, ...json }, body: `{"workerId":"${'x'.repeat(60_000)}"}` })], // prettier-ignore
    [
      'no body at all',
      true,
      () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: ok }),
    ],
    ['text/plain', false, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, 'content-type': 'text/plain' }, body: 'hello' })], // prettier-ignore
    ['a Latin-1 charset', false, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, 'content-type': 'application/json; charset=latin1' }, body: '{"workerId":"other"}' })], // prettier-ignore
    ['a UTF-8 charset and a BOM', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, 'content-type': 'application/json; charset=utf-8' }, body: '\uFEFF{"workerId":"other"}' })], // prettier-ignore
    ['a gzipped body', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, ...json, 'content-encoding': 'gzip' }, body: gzipSync('{"workerId":"other"}') })], // prettier-ignore
    ['a chunked body', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { ...ok, ...json, 'transfer-encoding': 'chunked' }, body: '{"workerId":"other"}' })], // prettier-ignore
    ['no credentials', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: json, body: '{"workerId":"w"}' })], // prettier-ignore
    ['wrong credentials', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete`, headers: { authorization: basic('demo', 'nope'), ...json }, body: '{"workerId":"w"}' })], // prettier-ignore
    ['negative retries', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/failure`, headers: { ...ok, ...json }, body: '{"workerId":"w","retries":-1}' })], // prettier-ignore
    ['a BPMN error without a code', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/bpmnError`, headers: { ...ok, ...json }, body: '{"workerId":"w"}' })], // prettier-ignore
    ['an unknown command', false, () => ({ path: `/engine-rest/external-task/${tasks[0]}/finish`, headers: { ...ok, ...json }, body: '{"workerId":"w"}' })], // prettier-ignore
    ['a trailing slash', false, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete/`, headers: { ...ok, ...json }, body: '{"workerId":"other"}' })], // prettier-ignore
    ['a percent-encoded id', false, () => ({ path: '/engine-rest/external-task/a%2Fb/complete', headers: { ...ok, ...json }, body: '{"workerId":"w"}' })], // prettier-ignore
    ['a query string', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/complete?x=1`, headers: { ...ok, ...json }, body: '{"workerId":"other"}' })], // prettier-ignore
    ['the extend-lock of another worker', true, () => ({ path: `/engine-rest/external-task/${tasks[0]}/extendLock`, headers: { ...ok, ...json }, body: '{"workerId":"other","newDuration":1000}' })], // prettier-ignore
  ];

  for (const [what, isHot, raw] of cases) {
    it(`Given ${what}, when sent with and without the hot path, then both answers are the same (hot path ${isHot ? 'taken' : 'left to express'})`, async () => {
      const before = taken;
      const viaHot = await send(port.hot, raw());
      const viaExpress = await send(port.plain, raw());
      expect(viaHot).to.deep.equal(viaExpress);
      expect(taken - before).to.equal(isHot ? 1 : 0);
    });
  }

  /** The input policy's refusals, on the hot path and through express alike (never a 500). */
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const complete = (command: string, body: string): Raw => ({
    path: `/engine-rest/external-task/${tasks[0]}/${command}`,
    headers: { ...ok, ...json },
    body,
  });
  const policyCases: [string, number, RegExp, () => Raw][] = [
    ['a String value nested 5,000 levels', 400, /at 'variables\.x\.value\[0\]\[0\]\[0\]…' nests deeper than the limit of 100 levels/, () => complete('complete', `{"workerId":"w","variables":{"x":{"type":"String","value":${deep(5_000)}}}}`)], // prettier-ignore
    ['a local Boolean nested 90 levels', 400, /Cannot convert value '\[…\]' of type 'Boolean'.*\(localVariables\.x\)/, () => complete('complete', `{"workerId":"w","localVariables":{"x":{"type":"Boolean","value":${deep(90)}}}}`)], // prettier-ignore
    ['an Object text nested 4,200 levels', 400, /the value of an Object variable nests deeper than the limit of 64 levels \(variables\.x\)/, () => complete('complete', `{"workerId":"w","variables":{"x":{"type":"Object","value":"${deep(4_200)}","valueInfo":{"objectTypeName":"java.util.ArrayList","serializationDataFormat":"application/json"}}}}`)], // prettier-ignore
    ['a Json text nested 5,000 levels in a BPMN error', 400, /the value of a Json variable nests deeper than the limit of 64 levels \(variables\.x\)/, () => complete('bpmnError', `{"workerId":"w","errorCode":"E","variables":{"x":{"type":"Json","value":"${deep(5_000)}"}}}`)], // prettier-ignore
    ['a failure body nested 200 levels', 400, /The request body at 'x\[0\]\[0\]\[0\]\[0\]\[0\]…' nests deeper than the limit of 100 levels/, () => complete('failure', `{"workerId":"w","x":${deep(200)}}`)], // prettier-ignore
  ];

  for (const [what, status, message, raw] of policyCases) {
    it(`Given ${what}, when sent with and without the hot path, then both answer ${status} naming the field and the limit, alike`, async () => {
      const before = taken;
      const viaHot = await send(port.hot, raw());
      const viaExpress = await send(port.plain, raw());
      expect(viaHot).to.deep.equal(viaExpress);
      expect(taken - before).to.equal(1);
      expect(viaHot.status).to.equal(status);
      expect((JSON.parse(viaHot.body) as { message: string }).message).to.match(message);
    });
  }

  it('Given two locked tasks, when each is completed by its worker through each server, then both answer 204 alike and both tasks are gone', async () => {
    const complete = (id: string): Raw => ({
      path: `/engine-rest/external-task/${id}/complete`,
      headers: { ...ok, ...json },
      body: '{"workerId":"w","variables":{"outcome":{"value":"done","type":"String"}}}',
    });
    const before = taken;
    const viaHot = await send(port.hot, complete(tasks[1]!));
    const viaExpress = await send(port.plain, complete(tasks[2]!));
    expect(taken - before).to.equal(1);
    expect(viaHot).to.deep.equal(viaExpress);
    expect(viaHot.status).to.equal(204);
    const left = await h.engine.listExternalTasks({});
    expect(left.map((t) => t.id)).not.to.include.members([tasks[1], tasks[2]]);
  });
});

describe('rest-server/hot-path: the loopback-only check answers exactly as through express', () => {
  let h: Harness;
  const servers: http.Server[] = [];
  const port = { hot: 0, plain: 0 };
  let taken = 0;

  before(async () => {
    h = await openHarness();
    const options = { engine: h.engine, loopbackOnly: true, trustProxy: compileTrustProxy('loopback') };
    const listener = requestListener(createServer(options));
    const serve = async (l: http.RequestListener) => {
      const server = http.createServer(l);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      return (server.address() as AddressInfo).port;
    };
    port.hot = await serve((req, res) => {
      listener(req, res);
      if (!('res' in req)) taken++;
    });
    port.plain = await serve(createServer(options));
  });
  after(async () => {
    for (const s of servers) await new Promise((resolve) => s.close(resolve));
    await h.close();
  });

  for (const [what, forwarded, status] of [
    ['a far client behind the trusted loopback proxy', '203.0.113.7', 401],
    ['a local client behind the trusted loopback proxy', '127.0.0.1', 404],
  ] as const) {
    it(`Given ${what}, when a task command is sent with and without the hot path, then both answer ${status} alike`, async () => {
      const raw = (): Raw => ({
        path: '/engine-rest/external-task/no-such-task/complete',
        headers: { ...json, 'x-forwarded-for': forwarded },
        body: '{"workerId":"w"}',
      });
      const before = taken;
      const viaHot = await send(port.hot, raw());
      const viaExpress = await send(port.plain, raw());
      expect(viaHot).to.deep.equal(viaExpress);
      expect([taken - before, viaHot.status]).to.deep.equal([1, status]);
    });
  }
});
