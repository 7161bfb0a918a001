/**
 * The conference chair's countdown in Node: its words in whole minutes counted down, when they next
 * change (so the page re-renders once a minute, not every second), and the phases its live region
 * announces (ERSCP, Resolving Inter-Agency Disagreements, §5: adjourned "for a maximum of 72 hours").
 */
import { expect } from 'chai';
import { countdownText, durationText, msToNextChange, phaseAnnouncement, phaseOf } from './countdown.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const due = Date.parse('2026-11-05T10:00:00.000Z');

describe('Conference chair’s countdown', () => {
  it('Given 72 hours to go, Then it expires in 3 days; 2 days 3 hours 59 minutes is counted down to "2 days 3 hours"', () => {
    expect(countdownText(due, due - 72 * HOUR)).to.equal('Expires in 3 days');
    expect(countdownText(due, due - (51 * HOUR + 59 * MINUTE))).to.equal('Expires in 2 days 3 hours');
    expect(countdownText(due, due - (HOUR + MINUTE))).to.equal('Expires in 1 hour 1 minute');
    expect(countdownText(due, due - 30_000)).to.equal('Expires in less than a minute');
  });

  it('Given the deadline passed, Then it says how long ago', () => {
    expect(countdownText(due, due)).to.equal('Expired less than a minute ago');
    expect(countdownText(due, due + 2 * HOUR + 5 * MINUTE)).to.equal('Expired 2 hours 5 minutes ago');
    expect(durationText(24 * HOUR)).to.equal('1 day');
  });

  it('Given any moment, Then the next change is when the words change (within a minute), never sooner than a second', () => {
    expect(msToNextChange(due, due - 72 * HOUR)).to.equal(1000);
    expect(msToNextChange(due, due - 72 * HOUR + 1)).to.equal(MINUTE);
    const now = due - 5 * HOUR - 20_000;
    const next = msToNextChange(due, now);
    expect(countdownText(due, now + next - 1)).to.equal(countdownText(due, now));
    expect(countdownText(due, now + next)).to.not.equal(countdownText(due, now));
    expect(msToNextChange(due, due + 10_000)).to.equal(50_000);
  });

  it('Given an adjournment, Then its phase is running, then its last hour, then run out; only the last two are announced', () => {
    expect(phaseOf(due, due - HOUR - 1)).to.equal('running');
    expect(phaseOf(due, due - HOUR)).to.equal('last-hour');
    expect(phaseOf(due, due - 1)).to.equal('last-hour');
    expect(phaseOf(due, due)).to.equal('expired');
    expect(phaseAnnouncement([{ reference: 'ER/1', phase: 'running' }])).to.equal('');
    expect(
      phaseAnnouncement([
        { reference: 'ER/1', phase: 'last-hour' },
        { reference: 'ER/2', phase: 'expired' },
      ]),
    ).to.equal(
      'Less than an hour is left of the adjournment of ER/1. ' +
        'The adjournment of ER/2 has run out: refresh the list to see where it is now.',
    );
  });
});
