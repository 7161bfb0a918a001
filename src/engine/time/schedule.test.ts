import { expect } from 'chai';
import { DateTime } from 'luxon';
import { checkTimerLiteral, scheduleTimer, TimerDefinitionError } from './index.js';

const LONDON = 'Europe/London';
const at = (iso: string) => DateTime.fromISO(iso, { zone: LONDON }).toMillis();
const show = (ms: number) => DateTime.fromMillis(ms, { zone: LONDON }).toISO();
const due = (
  kind: 'timeDate' | 'timeDuration' | 'timeCycle',
  value: unknown,
  from: string,
  zone?: string,
) => {
  const schedule = scheduleTimer(kind, value, at(from), zone ? { zone } : {});
  if (!schedule) throw new Error('expected a schedule');
  return schedule;
};

describe('Timer arithmetic', () => {
  describe('timeDate', () => {
    const cases: [string, string][] = [
      ['2026-11-23T14:00:00Z', '2026-11-23T14:00:00.000+00:00'],
      ['2026-07-01T14:00:00+02:00', '2026-07-01T13:00:00.000+01:00'],
      ['2026-07-01T14:00', '2026-07-01T14:00:00.000+01:00'],
      ['2026-12-01T09:30:00.250', '2026-12-01T09:30:00.250+00:00'],
      ['2026-07-01', '2026-07-01T00:00:00.000+01:00'],
    ];
    for (const [value, expected] of cases) {
      it(`Given timeDate ${value}, when scheduled in Europe/London, then it is due at ${expected}`, () => {
        expect(show(due('timeDate', value, '2026-01-01T00:00').dueAt)).to.equal(expected);
      });
    }

    it('Given a Date from an expression, when scheduled, then it is due at that instant', () => {
      const date = new Date('2026-11-23T14:00:00Z');
      expect(due('timeDate', date, '2026-01-01T00:00').dueAt).to.equal(date.getTime());
    });

    it('Given an offset-less date-time, when scheduled in another zone, then it is local to that zone', () => {
      const s = due('timeDate', '2026-07-01T14:00', '2026-01-01T00:00', 'America/New_York');
      expect(new Date(s.dueAt).toISOString()).to.equal('2026-07-01T18:00:00.000Z');
    });
  });

  describe('timeDuration', () => {
    const cases: [string, string, string][] = [
      ['P5D', '2026-11-23T14:00', '2026-11-28T14:00:00.000+00:00'],
      ['PT72H', '2026-11-23T14:00', '2026-11-26T14:00:00.000+00:00'],
      ['P2W', '2026-11-23T14:00', '2026-12-07T14:00:00.000+00:00'],
      ['P40D', '2026-11-23T14:00', '2027-01-02T14:00:00.000+00:00'],
      ['P1Y', '2026-11-23T14:00', '2027-11-23T14:00:00.000+00:00'],
      ['P1Y', '2028-02-29T09:00', '2029-02-28T09:00:00.000+00:00'],
      ['P1M', '2026-01-31T09:00', '2026-02-28T09:00:00.000+00:00'],
      ['P1Y1M', '2024-02-29T12:00', '2025-03-28T12:00:00.000+00:00'],
      ['P5W', '2026-01-31T09:00', '2026-03-04T09:00:00.000+00:00'],
      ['PT1.5S', '2026-01-01T00:00', '2026-01-01T00:00:01.500+00:00'],
      ['PT0.0005S', '2026-01-01T00:00', '2026-01-01T00:00:00.000+00:00'],
      ['P0D', '2026-01-01T00:00', '2026-01-01T00:00:00.000+00:00'],
      ['P1DT1H', '2026-01-01T00:00', '2026-01-02T01:00:00.000+00:00'],
      // DST: 29 March 2026 the clocks go forward in London, 25 October back.
      ['P1D', '2026-03-28T09:00', '2026-03-29T09:00:00.000+01:00'],
      ['PT24H', '2026-03-28T09:00', '2026-03-29T10:00:00.000+01:00'],
      ['P1D', '2026-10-24T09:00', '2026-10-25T09:00:00.000+00:00'],
      ['PT24H', '2026-10-24T09:00', '2026-10-25T08:00:00.000+00:00'],
      ['P1DT1H', '2026-03-28T01:30', '2026-03-29T02:30:00.000+01:00'],
      ['P7D', '2026-03-25T14:00', '2026-04-01T14:00:00.000+01:00'],
      // A wall-clock time in the gap: Java keeps the old offset and lands an hour early.
      ['P1D', '2026-03-28T01:30', '2026-03-29T00:30:00.000+00:00'],
      ['P1Y', '2025-03-29T01:30', '2026-03-29T02:30:00.000+01:00'],
      ['P1Y', '2025-10-25T01:30', '2026-10-25T01:30:00.000+00:00'],
    ];
    for (const [value, from, expected] of cases) {
      it(`Given ${value} from ${from} in Europe/London, when scheduled, then it is due at ${expected}`, () => {
        expect(show(due('timeDuration', value, from).dueAt)).to.equal(expected);
      });
    }

    it('Given P40D (longer than the 24.8-day setTimeout limit), when scheduled, then the due instant is exact', () => {
      const from = at('2026-01-01T00:00');
      expect(due('timeDuration', 'P40D', '2026-01-01T00:00').dueAt - from).to.equal(40 * 86_400_000);
      expect(40 * 86_400_000).to.be.above(2 ** 31 - 1);
    });
  });

  describe('timeCycle', () => {
    it('Given R3/PT24H, when scheduled and fired, then it fires three times a day apart', () => {
      const first = due('timeCycle', 'R3/PT24H', '2026-11-23T09:00');
      expect(show(first.dueAt)).to.equal('2026-11-24T09:00:00.000+00:00');
      expect(first.cycle?.remaining).to.equal(2);
      const second = scheduleTimer('timeCycle', first.cycle?.definition, first.dueAt);
      expect(show(second?.dueAt ?? 0)).to.equal('2026-11-25T09:00:00.000+00:00');
      expect(second?.cycle?.remaining).to.equal(1);
      const third = scheduleTimer('timeCycle', second?.cycle?.definition, second?.dueAt ?? 0);
      expect(show(third?.dueAt ?? 0)).to.equal('2026-11-26T09:00:00.000+00:00');
      expect(third?.cycle?.remaining).to.equal(0);
    });

    it('Given R/P1D, when scheduled, then it is unbounded and anchored at its creation', () => {
      const s = due('timeCycle', 'R/P1D', '2026-11-23T09:00');
      expect(s.cycle?.remaining).to.equal(null);
      expect(s.cycle?.definition).to.equal('R/2026-11-23T09:00:00.000Z/P1D');
    });

    it('Given a start in the future, when scheduled, then the first firing is the start itself and n more follow (Operaton: R1 fires twice)', () => {
      const s = due('timeCycle', 'R2/2026-12-01T09:00/P1D', '2026-11-23T09:00');
      expect(show(s.dueAt)).to.equal('2026-12-01T09:00:00.000+00:00');
      expect(s.cycle?.remaining).to.equal(2);
      const fired = [s.dueAt];
      for (let next = scheduleTimer('timeCycle', s.cycle?.definition, s.dueAt); next;) {
        fired.push(next.dueAt);
        next = scheduleTimer('timeCycle', next.cycle?.definition, next.dueAt);
      }
      expect(fired.map(show)).to.deep.equal([
        '2026-12-01T09:00:00.000+00:00',
        '2026-12-02T09:00:00.000+00:00',
        '2026-12-03T09:00:00.000+00:00',
      ]);
    });

    it('Given R2/PT1H created with milliseconds, when fired early again and again, then the same next slot is re-armed, without them (as Operaton)', () => {
      const created = at('2026-11-23T09:00:05.157');
      const first = scheduleTimer('timeCycle', 'R2/PT1H', created)!;
      expect(show(first.dueAt)).to.equal('2026-11-23T10:00:05.157+00:00');
      expect(first.cycle?.definition).to.equal('R2/2026-11-23T09:00:05.000Z/PT1H');
      for (const early of [created + 1_000, created + 2_000, created + 3_000]) {
        const again = scheduleTimer('timeCycle', first.cycle?.definition, early);
        expect(show(again?.dueAt ?? 0)).to.equal('2026-11-23T10:00:05.000+00:00');
      }
      const onTime = scheduleTimer('timeCycle', first.cycle?.definition, first.dueAt);
      expect(show(onTime?.dueAt ?? 0)).to.equal('2026-11-23T11:00:05.000+00:00');
      expect(scheduleTimer('timeCycle', first.cycle?.definition, onTime?.dueAt ?? 0)).to.equal(null);
    });

    it('Given a start in the past, when scheduled, then the next slot after now is due', () => {
      const s = due('timeCycle', 'R10/2026-11-01T09:00/P1D', '2026-11-05T12:00');
      expect(show(s.dueAt)).to.equal('2026-11-06T09:00:00.000+00:00');
      expect(s.cycle?.remaining).to.equal(5);
    });

    it('Given a monthly cycle from 31 January, when walked, then each step adds to the previous as Camunda does', () => {
      const s = due('timeCycle', 'R5/2026-01-31T09:00/P1M', '2026-03-01T00:00');
      expect(show(s.dueAt)).to.equal('2026-03-28T09:00:00.000+00:00');
    });

    it('Given R3/PT1H and two hours of downtime, when the overdue firing reschedules, then missed slots are used up', () => {
      const first = due('timeCycle', 'R3/PT1H', '2026-11-23T09:00');
      const late = first.dueAt + 2.5 * 3_600_000;
      const next = scheduleTimer('timeCycle', first.cycle?.definition, late);
      expect(next).to.equal(null);
      const lessLate = scheduleTimer('timeCycle', first.cycle?.definition, first.dueAt + 1.5 * 3_600_000);
      expect(show(lessLate?.dueAt ?? 0)).to.equal('2026-11-23T12:00:00.000+00:00');
      expect(lessLate?.cycle?.remaining).to.equal(0);
    });

    it('Given a bounded cycle entirely in the past, when scheduled, then there is no firing', () => {
      expect(scheduleTimer('timeCycle', 'R2/2020-01-01T00:00Z/PT1H', at('2026-01-01T00:00'))).to.equal(null);
    });

    it('Given a per-second cycle from years ago, when scheduled, then the next firing is computed without walking', () => {
      const s = due('timeCycle', 'R/2000-01-01T00:00:00Z/PT1S', '2026-01-01T00:00:00.500');
      expect(s.dueAt).to.equal(at('2026-01-01T00:00:01'));
    });
  });

  describe('rejections', () => {
    const cases: [string, 'timeDate' | 'timeDuration' | 'timeCycle', unknown, string][] = [
      ['negative', 'timeDuration', '-P1D', 'negative durations are not allowed'],
      ['malformed', 'timeDuration', 'P1X', 'not an ISO 8601 duration'],
      ['empty P', 'timeDuration', 'P', 'not an ISO 8601 duration'],
      ['empty T', 'timeDuration', 'P1DT', 'not an ISO 8601 duration'],
      ['fraction on hours', 'timeDuration', 'PT1.5H', 'a fraction is allowed on seconds only'],
      ['weeks mixed', 'timeDuration', 'P1W2D', 'weeks are accepted only alone'],
      ['lower case', 'timeDuration', 'p1d', 'not an ISO 8601 duration'],
      ['huge field', 'timeDuration', 'P99999999999D', 'larger than 2147483647'],
      ['beyond 9999', 'timeDuration', 'P9000Y', 'beyond the year 9999'],
      ['not a string', 'timeDuration', 5, 'expected an ISO 8601 text'],
      ['null', 'timeDuration', null, 'expected an ISO 8601 text'],
      ['bad date', 'timeDate', '23/11/2026', 'not an ISO 8601 date-time'],
      ['invalid Date', 'timeDate', new Date(Number.NaN), 'not a valid date'],
      ['cron', 'timeCycle', '0 0 9 * * ?', 'cron expressions are not supported'],
      ['no R', 'timeCycle', 'PT1H', 'expected an ISO 8601 repeating interval'],
      ['R0', 'timeCycle', 'R0/PT1H', 'between 1 and 2147483647'],
      ['zero period', 'timeCycle', 'R3/PT0S', 'non-zero duration'],
      ['start/end', 'timeCycle', 'R3/2026-01-01T00:00Z/2026-02-01T00:00Z', 'must be a duration'],
      ['bad start', 'timeCycle', 'R3/yesterday/PT1H', 'not an ISO 8601 date-time'],
      ['negative period', 'timeCycle', 'R3/-PT1H', 'must be a duration'],
    ];
    for (const [label, kind, value, reason] of cases) {
      it(`Given ${kind} ${String(value)} (${label}), when scheduled, then a TimerDefinitionError names the value`, () => {
        let error: unknown;
        try {
          scheduleTimer(kind, value, at('2026-01-01T00:00'));
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(TimerDefinitionError);
        const e = error as TimerDefinitionError;
        expect(e.message).to.contain(`Invalid ${kind} '`);
        expect(e.reason).to.contain(reason);
        expect(e.code).to.equal('INVALID_TIMER');
      });
    }
  });

  describe('deploy-time check of literal texts', () => {
    it('Given valid literals, when checked, then there is no problem', () => {
      expect(checkTimerLiteral('timeDuration', 'P5D')).to.equal(null);
      expect(checkTimerLiteral('timeDate', '2026-11-23T14:00:00Z')).to.equal(null);
      expect(checkTimerLiteral('timeCycle', 'R3/PT24H')).to.equal(null);
    });

    it('Given malformed literals, when checked, then the problem names the value', () => {
      expect(checkTimerLiteral('timeDuration', 'P-5D')).to.match(/^Invalid timeDuration 'P-5D': /);
      expect(checkTimerLiteral('timeCycle', '0 0 * * * ?')).to.contain('cron expressions are not supported');
      expect(checkTimerLiteral('timeDate', 'tomorrow')).to.contain("Invalid timeDate 'tomorrow'");
    });
  });
});
