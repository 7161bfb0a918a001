import { expect } from 'chai';
import { nextWindow } from './history-cleanup.js';

const at = (iso: string) => Date.parse(iso);
const window = { windowStart: '01:00', windowEnd: '03:00' };

describe('embedded/history-cleanup: the daily window', () => {
  it('Given 09:00, when the next window is asked for, then it is tomorrow 01:00–03:00 in Europe/London', () => {
    const next = nextWindow(at('2026-11-23T09:00:00Z'), 'Europe/London', window);
    expect(next).to.deep.equal({ start: at('2026-11-24T01:00:00Z'), end: at('2026-11-24T03:00:00Z') });
  });

  it('Given a time inside the window, when asked, then the window runs from now to its end', () => {
    const next = nextWindow(at('2026-11-24T02:00:00Z'), 'Europe/London', window);
    expect(next).to.deep.equal({ start: at('2026-11-24T02:00:00Z'), end: at('2026-11-24T03:00:00Z') });
  });

  it('Given British Summer Time, when asked, then the window is in local time (00:00–02:00 UTC)', () => {
    const next = nextWindow(at('2026-07-01T12:00:00Z'), 'Europe/London', window);
    expect(next).to.deep.equal({ start: at('2026-07-02T00:00:00Z'), end: at('2026-07-02T02:00:00Z') });
  });

  it('Given a window across midnight, when asked in the evening, then it ends the next morning', () => {
    const next = nextWindow(at('2026-11-23T21:00:00Z'), 'Europe/London', {
      windowStart: '22:00',
      windowEnd: '02:00',
    });
    expect(next).to.deep.equal({ start: at('2026-11-23T22:00:00Z'), end: at('2026-11-24T02:00:00Z') });
  });

  it('Given a malformed time, when asked, then the error names the field', () => {
    expect(() => nextWindow(0, 'Europe/London', { windowStart: '1am', windowEnd: '03:00' })).to.throw(
      "historyCleanup.windowStart must be HH:mm, got '1am'",
    );
  });
});
