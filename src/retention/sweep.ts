/**
 * The product's retention sweep: {@link runRetention} once soon after start-up and then every
 * `intervalMs` on the injected clock (the fake clock in tests), then, on the embedded engine, the
 * engine's own history clean-up, so an escalation's personal data and its engine history go in the
 * same sweep. A failed run (an engine that does not answer) is logged by its error's name and tried
 * again at the next interval; nothing is erased by a run that could not ask the engine.
 */
import type { Clock, WakeHandle } from '../clock/clock.js';
import type { Logger } from '../log/logger.js';
import type { RetentionObserver } from '../metrics/product-metrics.js';
import type { RetentionReport } from './retention.js';

/** Daily: retention is counted in days. */
export const DEFAULT_SWEEP_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface SweepOptions {
  /** One run at the clock's now (the product passes runRetention with its stores and engine). */
  run(now: Date): Promise<RetentionReport>;
  /** After each successful run: the embedded engine's history clean-up. */
  after?: () => Promise<unknown>;
  clock: Clock;
  intervalMs: number;
  logger: Logger;
  observer?: RetentionObserver;
}

export class RetentionSweep {
  private wake: WakeHandle | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: SweepOptions) {}

  /** Runs once now (in the background) and arms the next run. */
  start(): void {
    this.trigger();
  }

  /** One run now, unless one is under way; resolves when it ends. */
  runNow(): Promise<void> {
    this.running ??= this.sweep().finally(() => (this.running = null));
    return this.running;
  }

  /** Cancels the next run and waits for one under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.cancel();
    await this.running;
  }

  /** Arms the next run first (a fixed rhythm on the clock, whatever a run takes), then runs. */
  private trigger(): void {
    if (this.stopped) return;
    this.wake = this.options.clock.wakeAt(this.options.clock.now() + this.options.intervalMs, () =>
      this.trigger(),
    );
    void this.runNow();
  }

  private async sweep(): Promise<void> {
    const { clock, logger, observer } = this.options;
    const now = clock.now();
    try {
      const report = await this.options.run(new Date(now));
      await this.options.after?.();
      observer?.swept('ok', report.erased.length, now);
      if (report.erased.length > 0)
        logger.info('retention sweep', { erased: report.erased.length, notYetDue: report.notYetDue.length });
    } catch (error) {
      observer?.swept('failed', 0, now);
      logger.error('retention sweep failed; it runs again at the next interval', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
}
