import { expect } from 'chai';
import { FakeClock } from '../../../clock/fake-clock.js';
import { idGenerator } from './ids.js';

describe('embedded/ids: time-ordered UUIDs', () => {
  it('Given a clock standing still, when 10,000 ids are drawn, then each is a version 7 UUID, unique and larger than the one before', () => {
    const next = idGenerator(new FakeClock('2026-11-23T09:00:00.000Z'));
    let previous = '';
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const id = next();
      expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(id > previous).to.equal(true);
      previous = id;
      seen.add(id);
    }
    expect(seen.size).to.equal(10_000);
  });

  it('Given the clock moves on, when an id is drawn, then its first 48 bits are the clock time', async () => {
    const clock = new FakeClock('2026-11-23T09:00:00.000Z');
    const next = idGenerator(clock);
    await clock.advance(1000);
    const id = next();
    expect(parseInt(id.replace('-', '').slice(0, 12), 16)).to.equal(Date.parse('2026-11-23T09:00:01.000Z'));
  });
});
