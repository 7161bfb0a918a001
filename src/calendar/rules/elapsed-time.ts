import { formatLondonClock, inLondon } from '../london-time.js';
import { plural, type RuleOutcome } from './rule-outcome.js';

const UNIT_MS = { hour: 3_600_000, minute: 60_000 } as const;

/**
 * `N hours` / `N minutes`: the start plus exactly that elapsed time. Weekends, bank holidays and
 * clock changes do not alter it; only the wall-clock reading of the deadline moves with the clocks.
 */
export function elapsedAfter(start: Date, count: number, unit: keyof typeof UNIT_MS): RuleOutcome {
  const due = new Date(start.getTime() + count * UNIT_MS[unit]);
  const lines = [
    `Added exactly ${plural(count, unit)} of elapsed time; weekends and bank holidays are not skipped.`,
  ];
  const before = inLondon(start).offset;
  const after = inLondon(due).offset;
  if (before !== after) {
    const direction = after > before ? 'go forward' : 'go back';
    lines.push(
      `The clocks ${direction} in between, so the London time moves from ${formatLondonClock(start)} ` +
        `to ${formatLondonClock(due)}.`,
    );
  }
  return { due, lines };
}
