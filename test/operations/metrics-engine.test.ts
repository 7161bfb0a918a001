/**
 * `/metrics` over the real embedded engine on SQLite (issue 16, Operations): the gauges read on a
 * scrape through the engine port (escalations waiting, open and overdue stage tasks, external tasks
 * per topic and state, incidents, timers due but not fired), and the timer lag the engine reports
 * as it fires: with the job executor held while the fake clock passes a timer's due date, the lag
 * is 0 observations and the waiting timer shows; once it fires, the lag histogram has it, 90 min.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Clock, WakeHandle } from '../../src/clock/clock.js';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../../src/engine/embedded/index.js';
import { ProductMetrics } from '../../src/metrics/product-metrics.js';
import { openAppDatabase } from '../../src/store/app-database.js';
import { TOPICS } from '../../processes/topics.js';
import { tempDir } from '../support/temp-dir.js';
import { parsePrometheusText, sampleValue, type Family } from '../support/prometheus-text.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A job executor that stalls: wake-ups that fall due are held until released (a busy or blocked engine). */
class StallingClock implements Clock {
  private held: (() => void)[] | null = null;
  constructor(readonly fake: FakeClock) {}
  now(): number {
    return this.fake.now();
  }
  wakeAt(at: number, callback: () => void): WakeHandle {
    return this.fake.wakeAt(at, () => (this.held ? this.held.push(callback) : callback()));
  }
  stall(): void {
    this.held = [];
  }
  async release(): Promise<void> {
    const held = this.held ?? [];
    this.held = null;
    held.forEach((callback) => callback());
    await this.fake.advance(0);
  }
}

describe('Metrics from the embedded engine (issue 16: Operations)', () => {
  let dir: ReturnType<typeof tempDir>;
  let fake: FakeClock;
  let clock: StallingClock;
  let metrics: ProductMetrics;
  let engine: EmbeddedEngine;
  let db: Database;

  const scrape = async (): Promise<Map<string, Family>> => parsePrometheusText(await metrics.scrape());

  beforeEach(async () => {
    dir = tempDir('metrics-engine');
    fake = new FakeClock('2026-11-23T09:00:00.000Z');
    clock = new StallingClock(fake);
    metrics = new ProductMetrics({ processKeys: ['MetricsStage'], topics: Object.keys(TOPICS), clock });
    engine = await openEmbeddedEngine({
      databaseFile: join(dir.path, 'engine.sqlite'),
      clock,
      observer: metrics.engineObserver,
      historyCleanup: null,
    });
    db = openAppDatabase(join(dir.path, 'escalations.sqlite'));
    metrics.attach(engine, db);
    await engine.deploy({
      name: 'metrics',
      resources: [
        {
          name: 'metrics-stage.bpmn',
          content: readFileSync(join(import.meta.dirname, 'fixtures', 'metrics-stage.bpmn')),
        },
      ],
    });
  });
  afterEach(async () => {
    await engine.close();
    db.close();
    dir.remove();
  });

  it('Given a stage whose reminder falls due while the engine is stalled, When it fires 90 minutes late, Then the waiting timer shows first and the lag histogram then holds 5400 s', async () => {
    const started = fake.now();
    const instance = await engine.startProcessInstance({ definitionKey: 'MetricsStage' });
    let m = await scrape();
    expect(sampleValue(m, 'escalations_engine_up')).to.equal(1);
    expect(sampleValue(m, 'escalations_waiting', { process: 'MetricsStage' })).to.equal(1);
    expect(sampleValue(m, 'escalations_external_tasks', { topic: 'escalation-schedule', state: 'available' })).to.equal(1); // prettier-ignore

    const [task] = await engine.fetchAndLock({ workerId: 'w', maxTasks: 1, topics: [{ topicName: 'escalation-schedule', lockDuration: 60_000 }] }); // prettier-ignore
    m = await scrape();
    expect(sampleValue(m, 'escalations_external_tasks', { topic: 'escalation-schedule', state: 'locked' })).to.equal(1); // prettier-ignore
    expect(sampleValue(m, 'escalations_external_tasks', { topic: 'escalation-schedule', state: 'available' })).to.equal(0); // prettier-ignore
    const date = (ms: number) => ({ type: 'Date' as const, value: new Date(ms) });
    await engine.completeExternalTask(task!.id, {
      workerId: 'w',
      variables: { stageDue: date(started + DAY), reminderDue: date(started + DAY), breachDue: date(started + 3 * DAY) }, // prettier-ignore
    });
    m = await scrape();
    expect(sampleValue(m, 'escalations_stage_tasks_open', { process: 'MetricsStage' })).to.equal(1);
    expect(sampleValue(m, 'escalations_stage_tasks_overdue', { process: 'MetricsStage' })).to.equal(0);
    expect(sampleValue(m, 'escalations_timers_overdue')).to.equal(0);

    clock.stall();
    await fake.advance(DAY + 90 * 60_000);
    m = await scrape();
    expect(sampleValue(m, 'escalations_stage_tasks_overdue', { process: 'MetricsStage' })).to.equal(1);
    expect(sampleValue(m, 'escalations_timers_overdue')).to.equal(1);
    expect(sampleValue(m, 'escalations_timer_overdue_max_seconds')).to.equal(5400);
    expect(() =>
      sampleValue(m, 'escalations_timer_lag_seconds_count', { process: 'MetricsStage' }),
    ).to.throw();

    await clock.release();
    await engine.idle();
    m = await scrape();
    expect(sampleValue(m, 'escalations_timers_overdue')).to.equal(0);
    expect(sampleValue(m, 'escalations_timer_overdue_max_seconds')).to.equal(0);
    expect(sampleValue(m, 'escalations_timer_lag_seconds_count', { process: 'MetricsStage' })).to.equal(1);
    expect(sampleValue(m, 'escalations_timer_lag_seconds_sum', { process: 'MetricsStage' })).to.equal(5400);
    expect(sampleValue(m, 'escalations_timer_lag_seconds_bucket', { process: 'MetricsStage', le: '3600' })).to.equal(0); // prettier-ignore
    expect(sampleValue(m, 'escalations_timer_lag_seconds_bucket', { process: 'MetricsStage', le: '21600' })).to.equal(1); // prettier-ignore
    expect(sampleValue(m, 'escalations_external_tasks', { topic: 'escalation-notify', state: 'available' })).to.equal(1); // prettier-ignore
    expect(sampleValue(m, 'escalations_waiting', { process: 'MetricsStage' })).to.equal(1);
    void instance;
  });

  it('Given a worker that fails a task for good, When scraped, Then the incident and the failed task show, and every commit was timed', async () => {
    await engine.startProcessInstance({ definitionKey: 'MetricsStage' });
    const [task] = await engine.fetchAndLock({ workerId: 'w', maxTasks: 1, topics: [{ topicName: 'escalation-schedule', lockDuration: 60_000 }] }); // prettier-ignore
    await engine.handleExternalTaskFailure(task!.id, {
      workerId: 'w',
      retries: 0,
      errorMessage: 'MISSING_DATA',
    });
    const m = await scrape();
    expect(sampleValue(m, 'escalations_incidents', { type: 'failedExternalTask' })).to.equal(1);
    expect(sampleValue(m, 'escalations_incidents', { type: 'failedJob' })).to.equal(0);
    expect(sampleValue(m, 'escalations_external_tasks', { topic: 'escalation-schedule', state: 'failed' })).to.equal(1); // prettier-ignore
    const stats = engine.commitStats();
    expect(sampleValue(m, 'escalations_engine_commit_seconds_count')).to.equal(stats.commits);
    expect(sampleValue(m, 'escalations_engine_commit_units_total')).to.equal(stats.units);
    expect(stats.commits).to.be.greaterThan(0);
    expect(sampleValue(m, 'escalations_outbox_messages', { status: 'queued' })).to.equal(0);
  });

  it('Given an engine that does not answer, When scraped, Then engine_up is 0 and no stale figure is left', async () => {
    await engine.startProcessInstance({ definitionKey: 'MetricsStage' });
    expect(sampleValue(await scrape(), 'escalations_waiting', { process: 'MetricsStage' })).to.equal(1);
    await engine.close();
    const m = await scrape();
    expect(sampleValue(m, 'escalations_engine_up')).to.equal(0);
    expect(() => sampleValue(m, 'escalations_waiting', { process: 'MetricsStage' })).to.throw(/no sample/);
    engine = await openEmbeddedEngine({ databaseFile: join(dir.path, 'engine.sqlite'), clock, historyCleanup: null }); // prettier-ignore
  });
});
