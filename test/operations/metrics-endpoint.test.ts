/**
 * `GET /metrics` on the whole product over real HTTP (issue 16, Operations): Prometheus text that a
 * strict parser reads, the engine's figures, HTTP latency per route template (never an id), and who
 * may scrape: this machine only by default (a far client forwarded by TRUST_PROXY's proxy, or a
 * request forwarded by a proxy nobody named, is refused), or anyone with the METRICS_TOKEN bearer.
 */
import { expect } from 'chai';
import type { IncomingMessage } from 'node:http';
import { compileTrustProxy, TRUST_NO_PROXY } from '../../src/http/client-address.js';
import { metricsAccess } from '../../src/metrics/metrics-access.js';
import { parsePrometheusText, sampleValue } from '../support/prometheus-text.js';
import { raiseLiverpool, startOpsProduct, type OpsProduct, type RaisedCase } from './product-harness.js';

const TOKEN = 'm3tr1cs-t0ken-for-tests-0123456789abcdef';
const FAR = '203.0.113.9';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const get = (ops: OpsProduct, path: string, headers: Record<string, string> = {}) =>
  fetch(`${ops.base}${path}`, { headers });

describe('GET /metrics on the product (issue 16: Operations)', function () {
  this.timeout(120_000);

  describe('by default: this machine only', () => {
    let ops: OpsProduct;
    let run: RaisedCase;
    before(async () => {
      ops = await startOpsProduct({ env: { TRUST_PROXY: 'loopback' } });
      run = await raiseLiverpool(ops, 'LCC/OPS/00001', {
        name: 'Ottoline Brackenbury-Sato',
        dateOfBirth: '2016-04-11',
        address: '3 Larkspur Mews, Nowhere NX1 1AA',
      });
      expect((await get(ops, `/engine-rest/process-instance/${run.processInstanceId}`)).status).to.equal(200);
      expect((await get(ops, `/api/v1/escalations/${run.escalationId}/nonsense`)).status).to.equal(404);
    });
    after(async () => ops?.stop());

    it('Given a scrape from this machine, When parsed strictly, Then the engine’s figures are there and HTTP latency is labelled by route template, with no id anywhere', async () => {
      const res = await get(ops, '/metrics');
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4/);
      expect(res.headers.get('cache-control')).to.equal('no-store');
      const text = await res.text();
      const m = parsePrometheusText(text);
      expect(sampleValue(m, 'escalations_engine_up')).to.equal(1);
      expect(sampleValue(m, 'escalations_waiting', { process: 'LiverpoolEscalation' })).to.equal(1);
      expect(sampleValue(m, 'escalations_stage_tasks_open', { process: 'LiverpoolEscalation' })).to.equal(1);
      expect(sampleValue(m, 'escalations_outbox_messages', { status: 'queued' })).to.be.greaterThan(0);
      const count = (labels: Record<string, string>) =>
        sampleValue(m, 'escalations_http_request_duration_seconds_count', labels);
      expect(count({ method: 'GET', route: '/engine-rest/process-instance/:id', status: '200' })).to.equal(1);
      // The workers' completions go through the hot path, before express: still one template.
      expect(count({ method: 'POST', route: '/engine-rest/external-task/:id/complete', status: '204' })).to.be.greaterThan(0); // prettier-ignore
      expect(count({ method: 'POST', route: '/engine-rest/external-task/fetchAndLock', status: '200' })).to.be.greaterThan(0); // prettier-ignore
      expect(count({ method: 'GET', route: '(unmatched)', status: '404' })).to.equal(1);
      for (const secret of [run.processInstanceId, run.escalationId, run.caseReference, 'Brackenbury'])
        expect(text, secret).not.to.include(secret);
      const routes = m.get('escalations_http_request_duration_seconds')!.samples.map((s) => s.labels.route!);
      for (const route of routes)
        expect(route).to.match(/^(\/[A-Za-z0-9/:_.{}*-]*|\(unmatched\)|\(web ui page\))$/);
      expect(sampleValue(m, 'escalations_retention_sweeps_total', { outcome: 'ok' })).to.be.greaterThan(0);
    });

    it('Given TRUST_PROXY=loopback, When its proxy forwards a far client, Then 403 saying how to open it; a local client through it is let in', async () => {
      const far = await get(ops, '/metrics', { 'x-forwarded-for': FAR });
      expect(far.status).to.equal(403);
      expect(await far.text()).to.include('METRICS_TOKEN');
      expect((await get(ops, '/metrics', { 'x-forwarded-for': '127.0.0.1' })).status).to.equal(200);
    });

    it('Given any answer, When it comes back, Then it carries a new X-Request-Id and its access line names the route template, never the path', async () => {
      const a = await get(ops, `/engine-rest/process-instance/${run.processInstanceId}`);
      const b = await get(ops, `/engine-rest/process-instance/${run.processInstanceId}`);
      const [idA, idB] = [a.headers.get('x-request-id')!, b.headers.get('x-request-id')!];
      expect(idA).to.match(UUID);
      expect(idB).to.match(UUID).and.not.equal(idA);
      const line = ops.logs.find((l) => l.requestId === idA);
      expect(line).to.deep.include({
        level: 'info',
        message: 'http request',
        method: 'GET',
        route: '/engine-rest/process-instance/:id',
        status: 200,
      });
      expect(ops.rawLogs.join('\n')).not.to.include(run.processInstanceId);
    });
  });

  describe('with METRICS_TOKEN', () => {
    let ops: OpsProduct;
    before(async () => (ops = await startOpsProduct({ workers: false, env: { METRICS_TOKEN: TOKEN, TRUST_PROXY: 'loopback' } }))); // prettier-ignore
    after(async () => ops?.stop());

    it('Given the token, When a far client or this machine scrapes, Then only the right bearer gets in (401 with a Bearer challenge otherwise)', async () => {
      for (const headers of [
        {} as Record<string, string>,
        { authorization: `Bearer ${TOKEN}x` },
        { authorization: `Basic ${TOKEN}` },
      ]) {
        const res = await get(ops, '/metrics', headers);
        expect(res.status, JSON.stringify(headers)).to.equal(401);
        expect(res.headers.get('www-authenticate')).to.equal('Bearer realm="metrics"');
      }
      const bearer = { authorization: `Bearer ${TOKEN}` };
      expect((await get(ops, '/metrics', bearer)).status).to.equal(200);
      const far = await get(ops, '/metrics', { ...bearer, 'x-forwarded-for': FAR });
      expect(far.status).to.equal(200);
      expect(sampleValue(parsePrometheusText(await far.text()), 'escalations_engine_up')).to.equal(1);
    });
  });

  describe('the rule itself', () => {
    const request = (peer: string, headers: Record<string, string> = {}) =>
      ({ socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers }) as unknown as IncomingMessage; // prettier-ignore

    it('Given no proxy is trusted, When a loopback peer forwards a request (a proxy nobody named), Then it is refused; a plain loopback or far peer is let in or refused by its address', () => {
      const allowed = metricsAccess(null, TRUST_NO_PROXY);
      expect(allowed(request('127.0.0.1')).ok).to.equal(true);
      expect(allowed(request('::1')).ok).to.equal(true);
      expect(allowed(request('127.0.0.1', { 'x-forwarded-for': FAR })).ok).to.equal(false);
      expect(allowed(request('127.0.0.1', { forwarded: `for=${FAR}` })).ok).to.equal(false);
      expect(allowed(request('192.0.2.10')).ok).to.equal(false);
    });

    it('Given METRICS_TOKEN and a trusted proxy, When the bearer differs by length or content, Then it is refused without throwing', () => {
      const allowed = metricsAccess(TOKEN, compileTrustProxy('loopback'));
      for (const given of ['', 'x', TOKEN.slice(1), `${TOKEN} extra`, TOKEN.toUpperCase()])
        expect(allowed(request('127.0.0.1', { authorization: `Bearer ${given}` })).ok, given).to.equal(false);
      expect(allowed(request('192.0.2.10', { authorization: `bearer ${TOKEN}` })).ok).to.equal(true);
    });
  });
});
