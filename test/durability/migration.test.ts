import { expect } from 'chai';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../../src/engine/embedded/index.js';
import { LATEST_SCHEMA_VERSION } from '../../src/engine/embedded/store/migrations.js';
import { FIXTURES } from '../engine/harness.js';

/**
 * `test/fixtures/engine/data-v1/engine.sqlite` was written by the engine at schema version 1
 * (commit "Embedded engine: online backup…", before migration 2 existed): six instances (one
 * finished), an external task, a stage with a deadline and reminders, a user task with candidate
 * groups, a message wait and a failed timer with its incident. Never regenerate it.
 */
describe('Durability: upgrading a data directory made by schema version 1', () => {
  let dir: string;
  let databaseFile: string;
  let engine: EmbeddedEngine;
  let clock: FakeClock;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'engine-migration-'));
    databaseFile = join(dir, 'engine.sqlite');
    copyFileSync(join(FIXTURES, 'data-v1', 'engine.sqlite'), databaseFile);
    clock = new FakeClock('2026-11-23T10:00:00.000Z');
    engine = await openEmbeddedEngine({ databaseFile, clock });
  });
  afterEach(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a v1 data dir, when the engine opens it, then the schema is migrated to the latest version', () => {
    const db = new Database(databaseFile, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).to.equal(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).to.be.greaterThan(1);
    db.close();
  });

  it('Given the migrated data, when read, then instances, history, incidents and the backfilled candidate groups and categories survived', async () => {
    expect((await engine.listProcessInstances()).map((i) => i.businessKey).sort()).to.deep.equal([
      'awaiting-reply',
      'incident',
      'stage',
      'user-task',
      'waiting-task',
    ]);
    const [finished] = await engine.listHistoricProcessInstances({ processInstanceBusinessKey: 'finished' });
    expect(finished).to.include({ state: 'COMPLETED' });
    expect(await engine.countIncidents({ incidentType: 'failedJob' })).to.equal(1);
    const [record] = await engine.listUserTasks({ taskDefinitionKey: 'record' });
    expect(record!.candidateGroups).to.deep.equal(['health', 'managers']);
    expect(await engine.countUserTasks({ candidateGroup: 'managers' })).to.equal(1);
    const categories = (await engine.listProcessDefinitions()).map((d) => d.category);
    expect(new Set(categories)).to.deep.equal(new Set(['http://example.org/escalations']));
  });

  it('Given the migrated data, when work carries on, then tasks complete, messages correlate and the old timers fire', async () => {
    const [task] = await engine.fetchAndLock({
      workerId: 'w',
      maxTasks: 1,
      topics: [{ topicName: 'escalation-notify', lockDuration: 1000 }],
    });
    await engine.completeExternalTask(task!.id, { workerId: 'w' });
    await engine.correlateMessage({ messageName: 'agency-replied', businessKey: 'awaiting-reply' });
    expect(await engine.countExternalTasks({ topicName: 'review' })).to.equal(1);
    await clock.advanceTo('2026-12-03T09:00:00.000Z');
    await engine.idle();
    const [stage] = await engine.listProcessInstances({ businessKey: 'stage' });
    const tree = await engine.getActivityInstanceTree(stage!.id);
    expect(tree.childActivityInstances.map((a) => a.activityId))
      .to.include('tell-managers')
      .and.not.include('stage');
  });
});
