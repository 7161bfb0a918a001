/**
 * Group commit. Every transaction the engine runs in one turn of the event loop joins one SQLite
 * transaction (a batch), each inside its own SAVEPOINT: a unit that throws rolls back to its
 * savepoint and takes nothing else with it, exactly as if it had run alone. The batch commits,
 * with one fsync, when the turn ends (`setImmediate`: after the I/O callbacks of this loop
 * iteration, so no timer adds latency). Callers hold their answers until {@link settled}
 * resolves, so nothing is acknowledged before it is durable.
 *
 * When many requests arrive together (a worker completing the 100 tasks it fetched), their steps
 * share one commit instead of paying one fsync each; a lone request costs what it cost before.
 */
import type { Database, Statement } from 'better-sqlite3';
import { CommitFailedError } from '../errors/commit-failed-error.js';

interface Batch {
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
  /** Set when SQLite rolled the whole transaction back (I/O error, full disk) or COMMIT failed. */
  failure: CommitFailedError | null;
  /** Units run in this batch. */
  units: number;
}

const RESOLVED = Promise.resolve();

/** How well steps are being grouped: commits that reached the disk, and the units they carried. */
export interface CommitStats {
  commits: number;
  units: number;
}

export class GroupCommit {
  private batch: Batch | null = null;
  /** Counters since open, for benchmarks and monitoring. */
  readonly stats: CommitStats = { commits: 0, units: 0 };
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly rollback: Statement;
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackTo: Statement;

  constructor(
    private readonly db: Database,
    /** When the batch closes: the end of the current turn. */
    private readonly schedule: (flush: () => void) => void = (flush) => void setImmediate(flush),
    /** Told of each commit that reached the disk: its duration in seconds and its units (for /metrics). */
    private readonly observe: ((seconds: number, units: number) => void) | null = null,
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT unit');
    this.release = db.prepare('RELEASE unit');
    this.rollbackTo = db.prepare('ROLLBACK TO unit');
  }

  /** Runs `work` now, inside its own savepoint of the open batch (opening one if needed). */
  run<T>(work: () => T): T {
    const batch = this.open();
    this.stats.units++;
    batch.units++;
    this.savepoint.run();
    try {
      const result = work();
      this.release.run();
      return result;
    } catch (error) {
      if (this.db.inTransaction) {
        this.rollbackTo.run();
        this.release.run();
      } else {
        // SQLite gave up the whole transaction: every unit of this batch is lost with it.
        batch.failure ??= new CommitFailedError(sqliteCode(error), { cause: error });
      }
      throw error;
    }
  }

  /** Resolves once the open batch (if any) is committed; rejects if it could not be. */
  settled(): Promise<void> {
    return this.batch?.done ?? RESOLVED;
  }

  /** True while a batch is open (its commit is pending). */
  get pending(): boolean {
    return this.batch !== null;
  }

  /** Commits the open batch now (for `close()`). */
  flushNow(): void {
    if (this.batch) this.flush(this.batch);
  }

  private open(): Batch {
    if (this.batch) {
      if (this.batch.failure || !this.db.inTransaction) throw this.lost(this.batch);
      return this.batch;
    }
    this.begin.run();
    const batch = newBatch();
    this.batch = batch;
    this.schedule(() => this.flush(batch));
    return batch;
  }

  private flush(batch: Batch): void {
    if (this.batch !== batch) return;
    this.batch = null;
    if (!batch.failure && this.db.inTransaction) {
      try {
        // A measurement, not domain time: the monotonic clock, so a wall-clock step cannot skew it.
        const started = performance.now();
        this.commit.run();
        this.stats.commits++;
        this.observe?.((performance.now() - started) / 1000, batch.units);
        batch.resolve();
        return;
      } catch (error) {
        batch.failure = new CommitFailedError(sqliteCode(error), { cause: error });
      }
    }
    if (this.db.inTransaction) this.rollback.run();
    batch.reject(this.lost(batch));
  }

  private lost(batch: Batch): CommitFailedError {
    batch.failure ??= new CommitFailedError('SQLITE_ABORT');
    return batch.failure;
  }
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A batch nobody waits for (a timer's step) must not become an unhandled rejection.
  done.catch(() => {});
  return { done, resolve, reject, failure: null, units: 0 };
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'SQLITE_ERROR';
}
