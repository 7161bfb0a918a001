/**
 * Long polling for fetch-and-lock. A waiting fetch is woken at once, in-process, when a task of
 * its topics is created or unlocked, and when a lock expires (a clock wake-up armed for the
 * earliest lock expiry while anyone waits). Waiters are served first come, first served; each
 * attempt is one transaction, so no task is delivered twice. The wait itself is transport time
 * (an HTTP request held open), so its timeout is a real timer, not the engine clock.
 */
import type { Clock, WakeHandle } from '../../../clock/clock.js';
import type { FetchAndLockInput, FetchOptions, LockedExternalTask } from '../../port.js';

interface Waiter {
  input: FetchAndLockInput;
  topics: Set<string>;
  settle(tasks: LockedExternalTask[]): void;
}

export interface LongPollDeps {
  clock: Clock;
  /** One synchronous fetch-and-lock attempt. */
  fetchNow(input: FetchAndLockInput): LockedExternalTask[];
  /** The earliest lock expiry still ahead, or null. */
  nextLockExpiry(): number | null;
}

export class LongPoll {
  private waiters: Waiter[] = [];
  private lockWake: { at: number; handle: WakeHandle | null } | null = null;
  private closed = false;

  constructor(private readonly deps: LongPollDeps) {}

  /** Fetches now, or waits up to `asyncResponseTimeout` ms for a task. */
  fetch(input: FetchAndLockInput, options: FetchOptions = {}): Promise<LockedExternalTask[]> {
    const tasks = this.deps.fetchNow(input);
    const timeout = input.asyncResponseTimeout ?? 0;
    if (tasks.length > 0 || timeout <= 0 || this.closed || options.signal?.aborted)
      return Promise.resolve(tasks);
    return new Promise((resolve) => {
      const timer = setTimeout(() => waiter.settle([]), timeout);
      timer.unref();
      const onAbort = (): void => waiter.settle([]);
      const waiter: Waiter = {
        input,
        topics: new Set(input.topics.map((t) => t.topicName)),
        settle: (result) => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(result);
        },
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.armLockWake();
    });
  }

  /** Offers newly fetchable tasks of `topics` (all topics when omitted) to the waiters, in order. */
  notify(topics?: ReadonlySet<string>): void {
    for (const waiter of [...this.waiters]) {
      if (topics && ![...waiter.topics].some((t) => topics.has(t))) continue;
      const tasks = this.deps.fetchNow(waiter.input);
      if (tasks.length > 0) waiter.settle(tasks);
    }
    this.armLockWake();
  }

  /** Re-arms the lock-expiry wake-up for the earliest lock (call after locks change). */
  armLockWake(): void {
    if (this.waiters.length === 0 || this.closed) return this.cancelLockWake();
    const at = this.deps.nextLockExpiry();
    if (at === null) return this.cancelLockWake();
    if (this.lockWake?.at === at) return;
    this.cancelLockWake();
    // The entry is registered before arming: a clock may fire at once, inside wakeAt.
    const entry: { at: number; handle: WakeHandle | null } = { at, handle: null };
    this.lockWake = entry;
    entry.handle = this.deps.clock.wakeAt(at, () => {
      if (this.lockWake === entry) this.lockWake = null;
      this.notify();
    });
  }

  private cancelLockWake(): void {
    this.lockWake?.handle?.cancel();
    this.lockWake = null;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Answers every waiting fetch with [] and refuses to wait from now on. */
  close(): void {
    this.closed = true;
    this.cancelLockWake();
    for (const waiter of [...this.waiters]) waiter.settle([]);
  }
}
