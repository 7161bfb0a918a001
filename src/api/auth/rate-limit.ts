/**
 * A fixed-window limiter for sign-in attempts, per key (an IP address, a username): at most `max`
 * attempts per `windowMs`. In memory: a restart forgets, which the account lockout (stored) covers.
 */
import type { Clock } from '../../clock/clock.js';

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts an attempt; returns the ms to wait when over the limit, else 0. */
  hit(key: string): number {
    const now = this.clock.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 10_000) this.prune(now);
      return 0;
    }
    w.count += 1;
    return w.count > this.max ? w.start + this.windowMs - now : 0;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
