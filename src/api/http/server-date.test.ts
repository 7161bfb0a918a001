/**
 * The `Date` header of the API's answers is the injected clock's "now", so a browser can count down
 * to a deadline against the service's time. Real HTTP through express.
 */
import { expect } from 'chai';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { FakeClock } from '../../clock/fake-clock.js';
import { serverDate } from './server-date.js';

describe('API Date header from the injected clock', () => {
  it('Given a fake clock, When the API answers, Then its Date header is the fake now in IMF-fixdate, and moves with the clock', async () => {
    const clock = new FakeClock('2026-11-02T10:00:00.000Z');
    const app = express();
    app.use(serverDate(clock));
    app.get('/x', (_req, res) => void res.json({ ok: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
      expect((await fetch(url)).headers.get('date')).to.equal('Mon, 02 Nov 2026 10:00:00 GMT');
      await clock.advance(3 * 24 * 3_600_000 + 61_000);
      expect((await fetch(url)).headers.get('date')).to.equal('Thu, 05 Nov 2026 10:01:01 GMT');
    } finally {
      server.close();
    }
  });
});
