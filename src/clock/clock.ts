/**
 * The only way domain code learns the time. Production passes {@link systemClock};
 * tests pass a {@link FakeClock} and move weeks in milliseconds.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Calls `callback` once the clock reaches `at` (epoch ms). A fake clock calls it when
   * advanced past `at`; the system clock uses a real timer (split into safe chunks, because
   * Node's setTimeout cannot wait longer than 2^31-1 ms).
   */
  wakeAt(at: number, callback: () => void): WakeHandle;
}

/** Cancels a pending {@link Clock.wakeAt}. Cancelling twice is harmless. */
export interface WakeHandle {
  cancel(): void;
}
