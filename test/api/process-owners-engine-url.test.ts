/**
 * Process owners' deployments with `ENGINE_URL` set: `POST /api/v1/deployments` deploys through the
 * Camunda REST adapter over HTTP (the engine is our embedded one behind its own `/engine-rest` on
 * another port, as a Camunda 7 / Operaton cluster would be), and `GET /partnerships/:id/diagrams`
 * reads the versions back the same way. The browser only ever talks to `/api`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { REPOSITORY_ROOT } from '../../processes/catalogue.js';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { silentLogger } from '../../src/log/logger.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../../src/engine/embedded/index.js';
import { createServer, listen, type RunningServer } from '../../src/engine/rest-server/index.js';
import { tempDir } from '../support/temp-dir.js';
import { ApiHarness, API_START, type As } from './harness.js';

const WILTSHIRE = readFileSync(join(REPOSITORY_ROOT, 'processes/wiltshire/escalation.bpmn'), 'utf8');
const REVISED = WILTSHIRE.replace('</bpmn:definitions>', '<!-- reviewed 2026 --></bpmn:definitions>');

describe('API process owners through ENGINE_URL (the Camunda REST adapter)', function () {
  this.timeout(180_000);
  const dir = tempDir('owners-engine-url');
  let engine: EmbeddedEngine;
  let server: RunningServer;
  let h: ApiHarness;
  let owner: As;

  before(async () => {
    engine = await openEmbeddedEngine({
      databaseFile: join(dir.path, 'engine.sqlite'),
      clock: new FakeClock(API_START),
    });
    server = await listen(createServer({ engine, logger: silentLogger }), 0, '127.0.0.1');
    h = await ApiHarness.start({
      workers: false,
      env: { ENGINE_URL: server.engineRestUrl, DATA_KEY: randomBytes(32).toString('hex') },
    });
    await h.user('wren', {
      partnership: 'wiltshire',
      agency: null,
      roles: ['qap-sub-group'],
      processOwner: true,
    });
    owner = h.token('wren');
  });
  after(async () => {
    await h?.stop();
    await server?.close();
    await engine?.close();
    dir.remove();
  });

  const upload = async (xml: string) => {
    const form = new FormData();
    form.append('escalation.bpmn', new Blob([xml]), 'escalation.bpmn');
    const res = await fetch(`${h.base}/api/v1/deployments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${(owner as { token: string }).token}` },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('Given the engine behind ENGINE_URL, When Wiltshire’s process owner deploys a revised diagram, Then the remote engine holds version 2 and the diagrams page lists both; a lint failure deploys nothing there', async () => {
    const refused = await upload(REVISED.replace(' camunda:historyTimeToLive="2190"', ''));
    expect(refused.status).to.equal(422);
    expect((await engine.listProcessDefinitions({ key: 'WiltshireEscalation' })).length).to.equal(1);

    const res = await upload(REVISED);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.versions).to.deep.include({
      key: 'WiltshireEscalation',
      version: 2,
      definitionId: (await engine.getProcessDefinitionByKey('WiltshireEscalation')).id,
    });
    const diagrams = await h.call<{
      diagrams: { key: string; versions: { version: number; latest: boolean }[] }[];
    }>('GET', '/api/v1/partnerships/wiltshire/diagrams', owner);
    expect(diagrams.status).to.equal(200);
    expect(diagrams.body.diagrams[0]!.versions.map((v) => [v.version, v.latest])).to.deep.equal([
      [2, true],
      [1, false],
    ]);
  });
});
