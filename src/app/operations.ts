/**
 * The product's operations around the engine, the API and the workers (docs/operations.md):
 * `/metrics` for Prometheus, request ids with one access line per request, and the retention
 * sweep. Built before the engine (whose observer feeds the metrics), attached once the stores are
 * open, stopped before they close.
 */
import type http from 'node:http';
import type { Express } from 'express';
import type { Clock } from '../clock/clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../log/logger.js';
import type { EnginePort } from '../engine/port.js';
import type { EmbeddedEngine } from '../engine/embedded/index.js';
import type { AppStores } from '../store/app-stores.js';
import { compileTrustProxy } from '../http/client-address.js';
import { observeRequests } from '../http/observe-requests.js';
import { ProductMetrics } from '../metrics/product-metrics.js';
import { metricsHandler } from '../metrics/metrics-route.js';
import { RetentionSweep, DEFAULT_SWEEP_INTERVAL_MS } from '../retention/sweep.js';
import { runRetention } from '../retention/retention.js';
import { fatesThroughPort } from '../retention/instance-fate.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { TOPICS } from '../../processes/topics.js';

export interface OperationsOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  /** How often the retention sweep runs (default daily). */
  retentionIntervalMs?: number;
}

export class ProductOperations {
  readonly metrics: ProductMetrics;
  private sweep: RetentionSweep | null = null;
  private readonly trust;
  private readonly partnerships = loadPartnerships();

  constructor(private readonly options: OperationsOptions) {
    this.trust = compileTrustProxy(options.config.trustProxy);
    this.metrics = new ProductMetrics({
      processKeys: this.partnerships.flatMap((p) => p.settings.diagrams.map((d) => d.key)),
      topics: Object.keys(TOPICS),
      clock: options.clock,
    });
  }

  /** Around the server's request listener: request ids, the access log, HTTP timing. */
  wrap = (listener: http.RequestListener): http.RequestListener =>
    observeRequests(listener, {
      trust: this.trust,
      logger: this.options.logger,
      ended: this.metrics.requestEnded,
    });

  /** Mounts `GET /metrics` (before the web UI, which answers every other GET). */
  mount(app: Express): void {
    app.get('/metrics', metricsHandler(this.metrics, this.options.config.metricsToken, this.trust));
  }

  /** Once the engine and the stores are open: the metrics read them, the sweep erases through them. */
  attach(engine: EnginePort, stores: AppStores): void {
    this.metrics.attach(engine, stores.db);
    const { config, clock, logger } = this.options;
    const timeToLive = new Map(this.partnerships.map((p) => [p.settings.id, p.settings.historyTimeToLive]));
    const embedded = 'runHistoryCleanup' in engine ? (engine as EmbeddedEngine) : null;
    this.sweep = new RetentionSweep({
      run: (now) =>
        runRetention({
          db: stores.db,
          record: stores.record,
          audit: stores.audit,
          fates: fatesThroughPort(engine),
          timeToLive,
          zone: config.timezone,
          now,
          dryRun: false,
          actor: 'retention-sweep',
          source: 'sweep',
        }),
      after: embedded ? () => embedded.runHistoryCleanup() : undefined,
      clock,
      intervalMs: this.options.retentionIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS,
      logger,
      observer: this.metrics.retentionObserver,
    });
  }

  /** Starts the retention sweep (once the product serves). */
  start(): void {
    this.sweep?.start();
  }

  /** Stops the sweep, waiting for a run under way (before the engine and the stores close). */
  async stop(): Promise<void> {
    await this.sweep?.stop();
  }
}
