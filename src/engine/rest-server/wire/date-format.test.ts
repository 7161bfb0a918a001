import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatCamundaDate, parseCamundaDate } from './date-format.js';

const ZONES = [
  'Europe/London',
  'UTC',
  'America/New_York',
  'Asia/Kolkata',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Europe/Dublin',
];
const viaLuxon = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZZ");

describe('Camunda date format', () => {
  it('Given a winter instant, When formatted in Europe/London, Then it reads +0000 with milliseconds', () => {
    expect(formatCamundaDate(new Date('2026-11-23T14:00:00.000Z'))).to.equal('2026-11-23T14:00:00.000+0000');
  });

  it('Given a summer instant, When formatted in Europe/London, Then it carries the +0100 offset as Operaton does', () => {
    expect(formatCamundaDate(new Date('2026-07-01T14:00:00.123Z'))).to.equal('2026-07-01T15:00:00.123+0100');
  });

  it('Given another zone, When formatted, Then the offset follows that zone', () => {
    expect(formatCamundaDate(new Date('2026-01-01T00:00:00.000Z'), 'America/New_York')).to.equal(
      '2025-12-31T19:00:00.000-0500',
    );
  });

  it('Given the official client’s serialisation, When parsed, Then the instant is exact', () => {
    const d = new Date('2026-03-29T00:59:59.999Z');
    const wire = d.toISOString().replace(/Z$/, '+0000');
    expect(parseCamundaDate(wire)?.getTime()).to.equal(d.getTime());
  });

  it('Given a positive offset, When parsed, Then it is subtracted', () => {
    expect(parseCamundaDate('2026-07-01T15:00:00.000+0100')?.toISOString()).to.equal(
      '2026-07-01T14:00:00.000Z',
    );
  });

  for (const bad of [
    '2026-11-23T14:00:00Z',
    '2026-11-23T14:00:00.000Z',
    '2026-11-23T14:00:00.000+00:00',
    '2026-11-23 14:00:00.000+0000',
    '2026-13-01T00:00:00.000+0000',
    '2026-02-30T00:00:00.000+0000',
    '2026-11-23T14:00:00.000+2460',
    'tomorrow',
    '',
  ]) {
    it(`Given "${bad}", When parsed, Then it is refused (null)`, () => {
      expect(parseCamundaDate(bad)).to.equal(null);
    });
  }

  it('Given any instant, When formatted then parsed, Then it round-trips in every zone', () => {
    for (const zone of ['Europe/London', 'UTC', 'Asia/Kolkata', 'America/St_Johns']) {
      for (const ms of [0, 1_700_000_000_123, 1_793_000_000_999]) {
        expect(parseCamundaDate(formatCamundaDate(new Date(ms), zone))?.getTime()).to.equal(ms);
      }
    }
  });

  it('Given any instant from 1800 to 2200 in zones with half-hour and 45-minute offsets, When formatted, Then the text is exactly what luxon writes', () => {
    const zone = fc.constantFrom(...ZONES);
    const instant = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 0, 1) });
    fc.assert(
      fc.property(instant, zone, (ms, z) => formatCamundaDate(new Date(ms), z) === viaLuxon(ms, z)),
      { numRuns: 20_000 },
    );
  });

  it('Given the instants around each 2026 clock change, When formatted millisecond by millisecond at the edges, Then they match luxon', () => {
    for (const zone of ZONES) {
      for (const edge of [
        '2026-03-29T01:00:00Z',
        '2026-10-25T01:00:00Z',
        '2026-04-05T15:00:00Z',
        '2026-04-04T15:00:00Z',
        '2026-09-27T02:00:00Z',
        '2026-04-05T14:00:00Z',
      ]) {
        const t = Date.parse(edge);
        for (const ms of [t - 3_600_001, t - 1_800_000, t - 1, t, t + 1, t + 1_800_000, t + 3_599_999]) {
          expect(formatCamundaDate(new Date(ms), zone), `${zone} ${ms}`).to.equal(viaLuxon(ms, zone));
        }
      }
    }
  });
});
