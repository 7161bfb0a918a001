import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDuration, parseDuration } from './index.js';

/**
 * Cross-checks timer arithmetic against the JVM itself: Camunda 7 adds durations with
 * javax.xml.datatype.Duration.addTo(GregorianCalendar), and java-oracle/DurationOracle.java does exactly
 * that for each generated case. Needs Java 11+ (`java File.java` runs a source file without a build).
 */
const ORACLE = fileURLToPath(new URL('./java-oracle/DurationOracle.java', import.meta.url));
const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];

interface Case {
  start: number;
  zone: string;
  duration: string;
}

function runOracle(cases: Case[]): string[] {
  const input = cases.map((c) => `${c.start} ${c.zone} ${c.duration}`).join('\n') + '\n';
  const result = spawnSync('java', [ORACLE], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    throw new Error(
      `The Java oracle could not run (${result.error?.message ?? result.stderr}). ` +
        'Install a JDK: apt-get update && apt-get install -y openjdk-17-jdk-headless',
    );
  }
  return result.stdout.trim().split('\n');
}

const field = (max: number) => fc.oneof(fc.constant(0), fc.integer({ min: 0, max }));
const durationText = fc.oneof(
  fc
    .tuple(
      field(3),
      field(14),
      field(70),
      field(50),
      field(200),
      field(5000),
      fc.option(fc.integer({ min: 0, max: 999 })),
    )
    .map(([y, mo, d, h, mi, s, ms]) => {
      const date = `${y ? `${y}Y` : ''}${mo ? `${mo}M` : ''}${d ? `${d}D` : ''}`;
      const sec = s || ms !== null ? `${s}${ms !== null ? `.${String(ms).padStart(3, '0')}` : ''}S` : '';
      const time = `${h ? `${h}H` : ''}${mi ? `${mi}M` : ''}${sec}`;
      return `P${date}${time ? `T${time}` : ''}` === 'P' ? 'P1D' : `P${date}${time ? `T${time}` : ''}`;
    }),
  fc.integer({ min: 1, max: 60 }).map((w) => `P${w}W`),
);

/** Instants near DST transitions are where the rules differ; half the cases start within 3 h of one. */
const transitions = [
  '2026-03-29T01:00Z',
  '2026-10-25T01:00Z',
  '2026-03-08T07:00Z',
  '2026-11-01T06:00Z',
  '2026-04-04T16:00Z',
  '2026-10-03T16:00Z',
].map((iso) => DateTime.fromISO(iso).toMillis());
const start = fc.oneof(
  fc.integer({
    min: DateTime.fromISO('2024-01-01T00:00Z').toMillis(),
    max: DateTime.fromISO('2030-12-31T00:00Z').toMillis(),
  }),
  fc
    .tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * 3600, max: 3 * 3600 }))
    .map(([t, s]) => t + s * 1000 - 86_400_000),
  fc
    .tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * 3600, max: 3 * 3600 }))
    .map(([t, s]) => t + s * 1000 - 365 * 86_400_000),
);

describe('Timer arithmetic against the JVM (javax.xml.datatype.Duration.addTo)', () => {
  it('Given 4,000 generated starts, zones and durations, when added, then every due instant equals Java’s', () => {
    const cases = fc.sample(fc.record({ start, zone: fc.constantFrom(...ZONES), duration: durationText }), {
      numRuns: 4000,
      seed: 20261123,
    });
    const java = runOracle(cases);
    const mismatches = cases
      .map((c, i) => {
        const parsed = parseDuration(c.duration);
        const ours = typeof parsed === 'string' ? 'ERROR' : String(addDuration(c.start, parsed, c.zone));
        return {
          ...c,
          startIso: DateTime.fromMillis(c.start, { zone: c.zone }).toISO(),
          ours,
          java: java[i],
        };
      })
      .filter((r) => r.ours !== r.java);
    expect(mismatches.slice(0, 5)).to.deep.equal([]);
  });

  it('Given the malformed durations Java rejects, when parsed, then we reject them too', () => {
    const bad = [
      'P',
      'PT',
      'P1DT',
      'PT1.5H',
      'P1.5D',
      'P1W2D',
      'P1Y2W',
      'PT.S',
      'PTS',
      'PT1..5S',
      'P1S',
      'PT1D',
      '1D',
      'P-1D',
    ];
    const java = runOracle(bad.map((duration) => ({ start: 0, zone: 'UTC', duration })));
    bad.forEach((duration, i) => {
      expect(java[i], `Java on ${duration}`).to.equal('ERROR');
      expect(typeof parseDuration(duration), `ours on ${duration}`).to.equal('string');
    });
  });
});
