import type { Clock, WakeHandle } from './clock.js';

interface Pending {
  at: number;
  seq: number;
  callback: () => void;
  cancelled: boolean;
}

/**
 * A clock that moves only when told to. `advance` fires every wake-up that falls due, in
 * order of due time, and lets the promises those wake-ups start settle before returning, so a
 * test can move 30 days and then assert on what the engine did.
 */
export class FakeClock implements Clock {
  private current: number;
  private seq = 0;
  private pending: Pending[] = [];

  constructor(start: Date | number | string = '2026-11-23T09:00:00.000Z') {
    this.current = typeof start === 'number' ? start : new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new TypeError(`FakeClock: invalid start ${String(start)}`);
  }

  now(): number {
    return this.current;
  }

  wakeAt(at: number, callback: () => void): WakeHandle {
    const entry: Pending = { at, seq: this.seq++, callback, cancelled: false };
    this.pending.push(entry);
    return {
      cancel: () => {
        entry.cancelled = true;
      },
    };
  }

  /** Moves time forward by `ms`, firing due wake-ups one by one at their own instants. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  /** Moves time to `target` (never backwards). */
  async advanceTo(target: Date | number | string): Promise<void> {
    const end = typeof target === 'number' ? target : new Date(target).getTime();
    for (;;) {
      await settle();
      const next = this.nextDue(end);
      if (!next) break;
      this.current = Math.max(this.current, next.at);
      next.cancelled = true;
      next.callback();
    }
    this.current = Math.max(this.current, end);
    await settle();
  }

  /** Number of wake-ups still pending (for tests of the scheduler itself). */
  get pendingCount(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }

  private nextDue(end: number): Pending | undefined {
    this.pending = this.pending.filter((p) => !p.cancelled);
    let best: Pending | undefined;
    for (const p of this.pending) {
      if (p.at > end) continue;
      if (!best || p.at < best.at || (p.at === best.at && p.seq < best.seq)) best = p;
    }
    return best;
  }
}

/** Lets queued microtasks and immediate callbacks run, so async work started by a wake-up settles. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
