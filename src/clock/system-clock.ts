import type { Clock, WakeHandle } from './clock.js';

/** setTimeout's ceiling; longer delays fire at once, so we re-arm in chunks. */
const MAX_DELAY = 2 ** 31 - 1;

/** The real clock, used only by the entry point. */
export const systemClock: Clock = {
  now: () => Date.now(),
  wakeAt(at, callback): WakeHandle {
    let timer: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = (): void => {
      if (cancelled) return;
      const delay = at - Date.now();
      if (delay <= 0) {
        callback();
        return;
      }
      timer = setTimeout(arm, Math.min(delay, MAX_DELAY));
      // A pending engine timer must not keep a finished CLI or test process alive.
      timer.unref();
    };
    arm();
    return {
      cancel() {
        cancelled = true;
        if (timer) clearTimeout(timer);
      },
    };
  },
};
