/**
 * History clean-up: finished instances whose removal time (end + historyTimeToLive days) has
 * passed lose all their history rows, so children's data is kept no longer than the partnership
 * decides. It runs in a daily window (`HH:mm`–`HH:mm` in the engine's zone), in batches.
 */
import { DateTime } from 'luxon';
import type { WakeHandle } from '../../../clock/clock.js';
import type { EngineCore } from '../core.js';
import { HISTORY_CHILD_TABLES } from '../runtime/history.js';

const BATCH = 500;

export interface CleanupWindow {
  windowStart: string;
  windowEnd: string;
}

/** Removes one batch of expired instances' history; returns how many instances went. */
export function removeExpiredBatch(core: EngineCore, now: number): number {
  return core.store.transaction(() => {
    const ids = core.store
      .sql('SELECT id FROM hist_process_instance WHERE removal_time <= ? LIMIT ?')
      .all(now, BATCH) as { id: string }[];
    // Removed history is overwritten with zeros, not left in free pages of the file: its variables
    // hold professionals' answers, which may name the child. Only here: the hot path's deletes of
    // runtime rows stay as cheap as before.
    core.store.sql('PRAGMA secure_delete = ON').get();
    try {
      for (const { id } of ids) {
        for (const table of HISTORY_CHILD_TABLES)
          core.store.sql(`DELETE FROM ${table} WHERE process_instance_id = ?`).run(id);
        core.store.sql('DELETE FROM hist_process_instance WHERE id = ?').run(id);
      }
    } finally {
      core.store.sql('PRAGMA secure_delete = OFF').get();
    }
    return ids.length;
  });
}

export class HistoryCleanup {
  private wake: WakeHandle | null = null;

  constructor(
    private readonly core: EngineCore,
    private readonly zone: string,
    private readonly window: CleanupWindow | null,
  ) {
    if (window) parseTime(window.windowStart, 'windowStart');
    if (window) parseTime(window.windowEnd, 'windowEnd');
  }

  /** Everything expired, now, in batches. */
  async runNow(until = Number.POSITIVE_INFINITY): Promise<{ removedInstances: number }> {
    return this.core.track(async () => {
      let removed = 0;
      for (;;) {
        const now = this.core.ctx.clock.now();
        if (now > until) break;
        const batch = removeExpiredBatch(this.core, now);
        removed += batch;
        if (batch < BATCH) break;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (removed > 0) {
        this.core.ctx.logger.info('history clean-up', { removedInstances: removed });
        await this.flushRemovedPages();
      }
      return { removedInstances: removed };
    });
  }

  /**
   * The zeroed pages are in the WAL; the database file keeps the old ones until a checkpoint. A
   * TRUNCATE checkpoint, once the clean-up is committed, writes them over and empties the WAL. With
   * a reader in the way (a backup, the CLI) it ends early; SQLite's next checkpoint completes it.
   */
  private async flushRemovedPages(): Promise<void> {
    await this.core.store.settled();
    const [result] = this.core.store.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) this.core.ctx.logger.info('history clean-up: checkpoint left to SQLite (a reader)', {});
  }

  /** Arms the wake-up for the next window that ends after `from` (now, or the end of the last run). */
  schedule(from = this.core.ctx.clock.now()): void {
    if (!this.window) return;
    const { start, end } = nextWindow(from, this.zone, this.window);
    this.wake = this.core.ctx.clock.wakeAt(start, () => {
      void this.runNow(end).finally(() => this.schedule(end));
    });
  }

  stop(): void {
    this.wake?.cancel();
    this.wake = null;
  }
}

function parseTime(text: string, field: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`historyCleanup.${field} must be HH:mm, got '${text}'`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The next window (start ≥ now, or the current one if now is inside it), as epoch ms. */
export function nextWindow(now: number, zone: string, window: CleanupWindow): { start: number; end: number } {
  const startTime = parseTime(window.windowStart, 'windowStart');
  const endTime = parseTime(window.windowEnd, 'windowEnd');
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  for (const day of [today.minus({ days: 1 }), today, today.plus({ days: 1 })]) {
    const start = day.set(startTime);
    let end = day.set(endTime);
    if (end <= start) end = end.plus({ days: 1 });
    if (end.toMillis() > now) return { start: Math.max(start.toMillis(), now), end: end.toMillis() };
  }
  throw new Error('unreachable: a daily window always recurs');
}
