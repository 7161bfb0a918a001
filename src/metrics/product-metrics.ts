/**
 * The product's Prometheus metrics (prom-client), in a registry of their own: the escalations
 * waiting and their stage tasks, the workers' queues, incidents and overdue timers (read through
 * the engine port on each scrape, see engine-gauges.ts), how late timers fire and how long commits
 * take (told by the embedded engine as they happen), HTTP latency per route template, the outbox,
 * the retention sweep, and Node's own process metrics. Labels are keys, topics, route templates
 * and codes: never an id, a case reference or anything about a person.
 */
import type { Database as Db } from 'better-sqlite3';
import client from 'prom-client';
import type { Clock } from '../clock/clock.js';
import type { EnginePort } from '../engine/port.js';
import type { EngineObserver } from '../engine/embedded/observer.js';
import type { EndedRequest } from '../http/observe-requests.js';
import { readEngineSnapshot, type EngineSnapshot } from './engine-gauges.js';

export interface ProductMetricsOptions {
  /** The process definition keys of every partnership's diagrams. */
  processKeys: readonly string[];
  /** The external-task topics the workers serve. */
  topics: readonly string[];
  clock: Clock;
}

/** What the retention sweep reports (src/retention/sweep.ts). */
export interface RetentionObserver {
  swept(outcome: 'ok' | 'failed', erased: number, at: number): void;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Timer lag: on time is milliseconds; a stopped engine's backlog is minutes to days. */
const LAG_BUCKETS = [0.01, 0.1, 1, 5, 15, 60, 300, 900, 3600, 21_600, 86_400];
const COMMIT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export class ProductMetrics {
  readonly registry = new client.Registry();
  private refreshing: Promise<void> | null = null;
  private readonly g;
  private readonly timerLag;
  private readonly commitSeconds;
  private readonly commitUnits;
  private readonly http;
  private readonly sweeps;
  private readonly erased;
  private readonly lastSweep;
  /** The engine and the application database, once open (see {@link attach}). */
  private sources: { engine: EnginePort; db: Db } | null = null;

  constructor(private readonly options: ProductMetricsOptions) {
    const registers = [this.registry];
    const gauge = (name: string, help: string, labelNames: string[] = []) =>
      new client.Gauge({ name, help, labelNames, registers });
    this.g = {
      engineUp: gauge('escalations_engine_up', 'Whether the engine answered this scrape (1) or not (0)'),
      waiting: gauge('escalations_waiting', 'Escalations running, by process definition key', ['process']),
      openTasks: gauge('escalations_stage_tasks_open', 'Open stage tasks (user tasks), by process', [
        'process',
      ]),
      overdueTasks: gauge('escalations_stage_tasks_overdue', 'Open stage tasks past their due date, by process', ['process']), // prettier-ignore
      external: gauge('escalations_external_tasks', 'External tasks by topic and state (available, locked, failed)', ['topic', 'state']), // prettier-ignore
      incidents: gauge('escalations_incidents', 'Open incidents by type', ['type']),
      timersOverdue: gauge('escalations_timers_overdue', 'Timers due that have not fired yet'),
      timerWait: gauge('escalations_timer_overdue_max_seconds', 'How long the oldest due, unfired timer has waited (0 when none)'), // prettier-ignore
      outbox: gauge('escalations_outbox_messages', 'Messages in the outbox by status (queued, sent, failed)', ['status']), // prettier-ignore
    };
    this.timerLag = new client.Histogram({
      name: 'escalations_timer_lag_seconds',
      help: 'How late each timer fired after its due date (embedded engine), by process',
      labelNames: ['process'],
      buckets: LAG_BUCKETS,
      registers,
    });
    this.commitSeconds = new client.Histogram({
      name: 'escalations_engine_commit_seconds',
      help: 'Duration of each group commit of the embedded engine (COMMIT with its fsync)',
      buckets: COMMIT_BUCKETS,
      registers,
    });
    this.commitUnits = new client.Counter({
      name: 'escalations_engine_commit_units_total',
      help: 'Transactional units (steps, fetches, commands) the group commits carried',
      registers,
    });
    this.http = new client.Histogram({
      name: 'escalations_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.sweeps = new client.Counter({ name: 'escalations_retention_sweeps_total', help: 'Retention sweeps by outcome', labelNames: ['outcome'], registers }); // prettier-ignore
    this.erased = new client.Counter({ name: 'escalations_retention_erased_total', help: 'Escalations whose personal data retention erased', registers }); // prettier-ignore
    this.lastSweep = gauge('escalations_retention_last_success_timestamp_seconds', 'When the last retention sweep succeeded (Unix time)'); // prettier-ignore
    client.collectDefaultMetrics({ register: this.registry });
  }

  /**
   * The engine and the application database the gauges read. Made before them (the embedded
   * engine is opened with {@link engineObserver}); until attached, a scrape shows engine_up 0.
   */
  attach(engine: EnginePort, db: Db): void {
    this.sources = { engine, db };
  }

  /** For the embedded engine: timer lag and commit latency, as they happen. */
  get engineObserver(): EngineObserver {
    return {
      timerFired: (lagMs, key) => this.timerLag.observe({ process: key }, lagMs / 1000),
      committed: (seconds, units) => {
        this.commitSeconds.observe(seconds);
        this.commitUnits.inc(units);
      },
    };
  }

  /** For the retention sweep. */
  get retentionObserver(): RetentionObserver {
    return {
      swept: (outcome, erased, at) => {
        this.sweeps.inc({ outcome });
        if (erased > 0) this.erased.inc(erased);
        if (outcome === 'ok') this.lastSweep.set(at / 1000);
      },
    };
  }

  /** For the HTTP server: one observation per ended request. */
  requestEnded = (request: EndedRequest): void => {
    this.http.observe(
      { method: request.method, route: request.route, status: String(request.status) },
      request.seconds,
    );
  };

  /** The text exposition, with the gauges read now (concurrent scrapes share one reading). */
  async scrape(): Promise<string> {
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
    await this.refreshing;
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private async refresh(): Promise<void> {
    const { processKeys, topics, clock } = this.options;
    let snapshot: EngineSnapshot;
    try {
      if (!this.sources) throw new Error('not attached yet');
      this.refreshOutbox(this.sources.db);
      snapshot = await readEngineSnapshot(this.sources.engine, processKeys, topics, clock.now());
    } catch {
      // No stale figures: an engine that does not answer shows as engine_up 0 and nothing else.
      for (const g of [
        this.g.waiting,
        this.g.openTasks,
        this.g.overdueTasks,
        this.g.external,
        this.g.incidents,
      ])
        g.reset();
      this.g.timersOverdue.reset();
      this.g.timerWait.reset();
      this.g.engineUp.set(0);
      return;
    }
    this.g.engineUp.set(1);
    for (const p of snapshot.processes) {
      this.g.waiting.set({ process: p.key }, p.waiting);
      this.g.openTasks.set({ process: p.key }, p.openTasks);
      this.g.overdueTasks.set({ process: p.key }, p.overdueTasks);
    }
    for (const t of snapshot.topics)
      for (const state of ['available', 'locked', 'failed'] as const)
        this.g.external.set({ topic: t.topic, state }, t[state]);
    this.g.incidents.set({ type: 'failedExternalTask' }, snapshot.incidents.failedExternalTask);
    this.g.incidents.set({ type: 'failedJob' }, snapshot.incidents.failedJob);
    this.g.timersOverdue.set(snapshot.timersOverdue);
    this.g.timerWait.set(snapshot.oldestOverdueTimerMs / 1000);
  }

  private refreshOutbox(db: Db): void {
    const rows = db.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as {
      status: string;
      n: number;
    }[];
    const byStatus = new Map(rows.map((r) => [r.status, r.n]));
    for (const status of ['queued', 'sent', 'failed'])
      this.g.outbox.set({ status }, byStatus.get(status) ?? 0);
  }
}
