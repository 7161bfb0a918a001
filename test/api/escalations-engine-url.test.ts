/**
 * The escalations API with `ENGINE_URL` set: the product talks to the engine only through the
 * Camunda REST adapter, over HTTP, as it does to a Camunda 7 / Operaton cluster. The engine here is
 * our embedded one behind its own `/engine-rest` on another port, with a fake clock of its own that
 * the test moves with the product's, so deadlines are exact. Raise, list (open stages for a page in
 * one request, stage and overdue filters from task history) and the detail (history, variables,
 * open tasks with their candidate groups) all go over the wire.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { expect } from 'chai';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { silentLogger } from '../../src/log/logger.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../../src/engine/embedded/index.js';
import { createServer, listen, type RunningServer } from '../../src/engine/rest-server/index.js';
import { tempDir } from '../support/temp-dir.js';
import { ApiHarness, API_START, type As } from './harness.js';
import { raise } from './raise.fixtures.js';

interface Page {
  items: { id: string; currentStages: { elementId: string; due: string; overdue: boolean }[] }[];
  total: number;
}
interface Detail {
  stages: { elementId: string; due: string; dueExplanation: string | null; overdue: boolean }[];
  openTasks: { elementId: string; candidateRoles: string[]; canComplete: boolean; overdue: boolean }[];
  timeline: { elementId: string }[];
}

describe('Escalations API through ENGINE_URL (the Camunda REST adapter)', function () {
  this.timeout(180_000);
  const dir = tempDir('engine-url');
  const engineClock = new FakeClock(API_START);
  let engine: EmbeddedEngine;
  let server: RunningServer;
  let h: ApiHarness;
  let as: As;

  before(async () => {
    engine = await openEmbeddedEngine({ databaseFile: join(dir.path, 'engine.sqlite'), clock: engineClock });
    server = await listen(createServer({ engine, logger: silentLogger }), 0, '127.0.0.1');
    h = await ApiHarness.start({
      env: { ENGINE_URL: server.engineRestUrl, DATA_KEY: randomBytes(32).toString('hex') },
    });
    await h.user('una', {
      partnership: 'safeguarding-unit',
      agency: 'health',
      organisation: 'north-trust',
      roles: ['raising-professional'],
    });
    as = h.token('una');
  });
  after(async () => {
    await h?.stop();
    await server?.close();
    await engine?.close();
    dir.remove();
  });

  it('Given the engine behind ENGINE_URL, When escalations are raised, listed and opened, Then stages, deadlines with their explanation, open tasks and filters come over the REST API, and overdue follows the deadline (Resolving professional disagreements 2.1, 2.3)', async () => {
    const early = await raise(h, as);
    await Promise.all([h.clock.advance(86_400_000), engineClock.advance(86_400_000)]);
    const late = await raise(h, as);
    const detail = await h.call<Detail>('GET', `/api/v1/escalations/${early.id}`, as);
    expect(detail.status).to.equal(200);
    expect(detail.body.stages.map((s) => [s.elementId, s.due, s.overdue])).to.deep.equal([
      ['Stage1_RecordOutcome', '2026-11-09T10:00:00.000Z', false],
    ]);
    expect(detail.body.stages[0]!.dueExplanation).to.include('(2026-11-09T10:00:00.000Z)');
    expect(detail.body.openTasks.map((t) => [t.elementId, t.candidateRoles, t.canComplete])).to.deep.equal([
      ['Stage1_RecordOutcome', ['raising-professional', 'other-agency-professional'], true],
    ]);

    const page = await h.call<Page>('GET', '/api/v1/escalations?stage=Stage1_RecordOutcome', as);
    expect(page.body.items.map((i) => [i.id, i.currentStages.map((s) => s.due)])).to.deep.equal([
      [late.id, ['2026-11-10T10:00:00.000Z']],
      [early.id, ['2026-11-09T10:00:00.000Z']],
    ]);
    expect((await h.call<Page>('GET', '/api/v1/escalations?overdue=true', as)).body.total).to.equal(0);

    const past = Date.parse('2026-11-09T10:01:00.000Z');
    await Promise.all([h.clock.advanceTo(past), engineClock.advanceTo(past)]);
    await h.settle(early.processInstanceId);
    const overdue = await h.call<Page>('GET', '/api/v1/escalations?overdue=true', as);
    expect(overdue.body.items.map((i) => [i.id, i.currentStages[0]!.overdue])).to.deep.equal([
      [early.id, true],
    ]);
    expect(overdue.body.total).to.equal(1);
    const now = await h.call<Detail>('GET', `/api/v1/escalations/${early.id}`, as);
    expect(now.body.openTasks.map((t) => t.overdue)).to.deep.equal([true]);
    expect(now.body.timeline.map((t) => t.elementId)).to.include('Stage1_Reminder');
  });
});
