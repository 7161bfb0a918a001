/**
 * The one timer scheduler: a single clock wake-up armed for the earliest due job. When it fires,
 * every job due by then runs, in due order, each in its own transaction; then it re-arms. At
 * start-up the same pass fires every overdue timer once.
 */
import type { WakeHandle } from '../../../clock/clock.js';
import type { EngineCore } from '../core.js';
import { runJob } from './job-runner.js';

const BATCH = 100;

export class JobScheduler {
  private wake: { at: number; handle: WakeHandle | null } | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private queued = false;
  private stopped = false;

  constructor(private readonly core: EngineCore) {
    core.onCommit((effects) => {
      if (effects.jobsChanged) this.arm();
    });
  }

  /** Arms the wake-up for the earliest executable job (call after jobs changed). */
  arm(): void {
    if (this.stopped || this.running) return;
    // Walks the due-date index from the earliest: no scan, however many timers wait.
    const row = this.core.store
      .sql('SELECT due_at AS at FROM job WHERE retries > 0 ORDER BY due_at LIMIT 1')
      .get() as { at: number } | undefined;
    if (!row) return this.disarm();
    if (row.at <= this.core.ctx.clock.now()) {
      // Already due (retries set again, due date moved back): run now, not at the next clock tick.
      this.disarm();
      if (this.queued) return;
      this.queued = true;
      setImmediate(() => {
        this.queued = false;
        void this.runDue();
      });
      return;
    }
    if (this.wake?.at === row.at) return;
    this.disarm();
    const entry: { at: number; handle: WakeHandle | null } = { at: row.at, handle: null };
    this.wake = entry;
    entry.handle = this.core.ctx.clock.wakeAt(row.at, () => {
      if (this.wake === entry) this.wake = null;
      void this.runDue();
    });
  }

  private disarm(): void {
    this.wake?.handle?.cancel();
    this.wake = null;
  }

  /** Runs every due job; concurrent calls coalesce into one more pass. */
  runDue(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.disarm();
    this.running = this.core
      .track(() => this.drain())
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.runDue();
        } else this.arm();
      });
    return this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const now = this.core.ctx.clock.now();
      const due = this.core.store
        .sql('SELECT id FROM job WHERE due_at <= ? AND retries > 0 ORDER BY due_at, rowid LIMIT ?')
        .all(now, BATCH) as { id: string }[];
      if (due.length === 0) return;
      for (const { id } of due) await runJob(this.core, id, false);
      // Let HTTP requests and other work in between long backlogs (e.g. 1,000 overdue at start-up).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** True while a pass is running or a job is already due. */
  get busy(): boolean {
    return this.running !== null || this.queued;
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }
}
