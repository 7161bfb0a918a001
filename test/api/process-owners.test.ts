/**
 * For process owners, over real HTTP: `POST /api/v1/deployments` (multipart like
 * `/engine-rest/deployment/create`, refused before anything is deployed for a non-owner, a missing
 * CSRF token, an oversize part, an unknown process key or a lint problem) and
 * `GET /api/v1/partnerships/:id/diagrams` (each version and the escalations still running on it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { REPOSITORY_ROOT } from '../../processes/catalogue.js';
import { ApiHarness, type As } from './harness.js';
import { createProcessOwnerCast } from './process-owners.fixtures.js';
import { raiseThroughEngine, type Raised } from './engine-raise.js';

const LIVERPOOL = readFileSync(join(REPOSITORY_ROOT, 'processes/liverpool/escalation.bpmn'), 'utf8');
/** A reviewed Liverpool diagram: the same procedure with one more sentence of documentation. */
const REVISED = LIVERPOOL.replace(
  'Days count from the raise date (Day 1).',
  'Days count from the raise date (Day 1). Revised after the 2026 review.',
);
/** The same diagram without `historyTimeToLive`, which lint:bpmn's rules require. */
const NO_TTL = REVISED.replace(' camunda:historyTimeToLive="2190"', '');

interface Problem {
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

describe('API process owners: POST /deployments and GET /partnerships/:id/diagrams', function () {
  this.timeout(120_000);
  let h: ApiHarness;
  let owen: As;
  let sam: As;
  let wanda: As;
  let running: Raised;

  before(async () => {
    h = await ApiHarness.start();
    ({ owen, sam, wanda } = await createProcessOwnerCast(h));
    expect(REVISED).not.to.equal(LIVERPOOL);
    expect(NO_TTL).not.to.equal(REVISED);
    running = await raiseThroughEngine(h, 'liverpool', { raisedBy: 'sam', raisedByOrganisation: 'st-marys' });
  });
  after(async () => h?.stop());

  /** POSTs diagrams as multipart/form-data. */
  async function upload(
    as: As,
    files: [name: string, content: string | Uint8Array][],
    fields: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown> & Problem }> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const [name, content] of files)
      form.append(name, new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
    const h2: Record<string, string> = { ...headers };
    if (as && 'token' in as) h2.authorization = `Bearer ${as.token}`;
    if (as && 'session' in as) h2.cookie = as.session.cookie;
    const res = await fetch(`${h.base}/api/v1/deployments`, { method: 'POST', body: form, headers: h2 });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }
  const versionsOf = async (key: string) =>
    (await h.product.engine.listProcessDefinitions({ key })).map((d) => d.version).sort();
  const deploymentAudit = () =>
    (
      h.product.stores.db
        .prepare(`SELECT actor, outcome FROM audit_entries WHERE action = 'deployment.create' ORDER BY seq`)
        .all() as { actor: string; outcome: string }[]
    ).map((a) => `${a.actor.replace(/^token:[^:]+:/, '')} ${a.outcome}`);

  it('Given a practitioner (no process-owner), When they upload a diagram, Then 403 and nothing is deployed', async () => {
    const res = await upload(sam, [['escalation.bpmn', REVISED]]);
    expect(res.status).to.equal(403);
    expect(await versionsOf('LiverpoolEscalation')).to.deep.equal([1]);
  });

  it('Given Wiltshire’s process owner, When they upload Liverpool’s diagram, Then 403; a diagram of no partnership is 400 naming its process', async () => {
    const other = await upload(wanda, [['escalation.bpmn', REVISED]]);
    expect(other.status).to.equal(403);
    expect(other.body.detail).to.include('liverpool');
    const good = readFileSync(join(REPOSITORY_ROOT, 'processes/lint/fixtures/good.bpmn'));
    const unknown = await upload(owen, [['good.bpmn', good]]);
    expect(unknown.status).to.equal(400);
    expect(unknown.body.errors).to.deep.equal([
      { path: 'good.bpmn', message: 'process "Good" is not a diagram of any partnership' },
    ]);
    expect(await versionsOf('LiverpoolEscalation')).to.deep.equal([1]);
  });

  it('Given a diagram that breaks lint:bpmn’s rules, When the process owner uploads it, Then 422 lists each problem and nothing is deployed', async () => {
    const res = await upload(owen, [['escalation.bpmn', NO_TTL]]);
    expect(res.status).to.equal(422);
    expect(res.body.errors).to.deep.include({
      path: 'escalation.bpmn#LiverpoolEscalation',
      message: 'escalations/history-time-to-live: Executable process has no camunda:historyTimeToLive',
    });
    expect(await versionsOf('LiverpoolEscalation')).to.deep.equal([1]);
  });

  it('Given a browser session without its CSRF token, When the process owner uploads, Then 403 and nothing is deployed', async () => {
    const session = await h.signIn('owen');
    const res = await upload(
      session,
      [['escalation.bpmn', REVISED]],
      {},
      { 'x-csrf-token': 'not-the-token' },
    );
    expect(res.status).to.equal(403);
    expect(await versionsOf('LiverpoolEscalation')).to.deep.equal([1]);
  });

  it('Given a part over the input policy’s 5 MiB, When uploaded, Then 413 naming it and nothing is deployed', async () => {
    const padded = REVISED.replace(
      '</bpmn:definitions>',
      `<!--${'x'.repeat(5 * 1024 * 1024)}--></bpmn:definitions>`,
    );
    const res = await upload(owen, [['escalation.bpmn', padded]]);
    expect(res.status).to.equal(413);
    expect(res.body.errors?.[0]?.path).to.equal("Resource 'escalation.bpmn'");
    expect(await versionsOf('LiverpoolEscalation')).to.deep.equal([1]);
  });

  it('Given a revised Liverpool diagram, When its process owner deploys it over the API, Then version 2 is answered, audited, and a second identical upload with duplicate filtering creates nothing', async () => {
    const res = await upload(owen, [['escalation.bpmn', REVISED]], {
      'deployment-name': 'Liverpool 2026 review',
      'enable-duplicate-filtering': 'true',
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.deep.include({ name: 'Liverpool 2026 review', source: 'escalations-api' });
    expect(
      (res.body.versions as { key: string; version: number }[]).map((v) => [v.key, v.version]),
    ).to.deep.equal([['LiverpoolEscalation', 2]]);
    expect(await versionsOf('LiverpoolEscalation')).to.deep.equal([1, 2]);
    const again = await upload(owen, [['escalation.bpmn', REVISED]], {
      'deployment-name': 'Liverpool 2026 review',
      'enable-duplicate-filtering': 'true',
    });
    expect(again.status).to.equal(200);
    expect(again.body).to.deep.include({ id: res.body.id, versions: [] });
    expect(deploymentAudit()).to.deep.equal([
      'sam forbidden',
      'wanda forbidden',
      'owen refused',
      'owen refused',
      'owen ok',
      'owen unchanged',
    ]);
  });

  it('Given an escalation running on version 1 and version 2 deployed, When the process owner lists the diagrams, Then each version with its deployment and running count, and the older-version line', async () => {
    const res = await h.call<{
      partnership: string;
      diagrams: { key: string; versions: Record<string, unknown>[] }[];
      olderVersions: string[];
    }>('GET', '/api/v1/partnerships/liverpool/diagrams', owen);
    expect(res.status, res.text).to.equal(200);
    const [diagram] = res.body.diagrams;
    expect(diagram!.key).to.equal('LiverpoolEscalation');
    expect(
      diagram!.versions.map((v) => [v.version, v.latest, v.running, v.deploymentSource, v.deploymentName]),
    ).to.deep.equal([
      [2, true, 0, 'escalations-api', 'Liverpool 2026 review'],
      [1, false, 1, 'escalations', 'escalation-procedures'],
    ]);
    const [pi] = await h.product.engine.listProcessInstances({
      processInstanceIds: [running.processInstanceId],
    });
    expect(diagram!.versions[1]!.definitionId).to.equal(pi!.definitionId);
    expect(res.body.olderVersions).to.deep.equal([
      'LiverpoolEscalation version 1: 1 running escalation (latest is version 2)',
    ]);
  });

  it('Given a member without process-owner, and a process owner of another partnership, When they ask for Liverpool’s diagrams, Then 403 and 404', async () => {
    expect((await h.call('GET', '/api/v1/partnerships/liverpool/diagrams', sam)).status).to.equal(403);
    expect((await h.call('GET', '/api/v1/partnerships/liverpool/diagrams', wanda)).status).to.equal(404);
    expect((await h.call('GET', '/api/v1/partnerships/wiltshire/diagrams', wanda)).status).to.equal(200);
  });
});
