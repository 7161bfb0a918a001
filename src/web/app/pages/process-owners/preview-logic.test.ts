/**
 * The deadline preview's pure logic in Node: the raise instant from a London date and time in GMT
 * and in BST (and across the clocks changing), the time as typed, and how a stage's date moved, in
 * words.
 */
import { expect } from 'chai';
import type { PreviewRow, PreviewStage } from '../../api/process-owners.js';
import { heldTo, londonDate, londonInstant, minutesOf, movement } from './preview-logic.js';

function stage(fields: Partial<PreviewStage>): PreviewStage {
  return {
    elementId: 'Stage2_RecordOutcome',
    name: 'Record the Stage 2 outcome',
    startedAt: '2026-12-18T23:59:00.000Z',
    due: null,
    timescale: null,
    explanation: null,
    kind: 'none',
    reminder: null,
    dueVariable: null,
    timer: null,
    answeredAt: null,
    outcome: null,
    chosen: 'escalates',
    ...fields,
  };
}

const row = (deployed: PreviewStage | null, edited: PreviewStage | null): PreviewRow => ({
  deployed,
  edited,
  moved: true,
  startMoved: false,
});

describe('Deadline preview logic', () => {
  it('Given a London date and time, Then the instant is in GMT in winter and BST in summer, on both sides of each change of the clocks', () => {
    expect(londonInstant('2026-12-17', 15 * 60)).to.equal('2026-12-17T15:00:00.000Z');
    expect(londonInstant('2026-07-01', 9 * 60 + 30)).to.equal('2026-07-01T08:30:00.000Z');
    // Clocks go forward at 01:00 GMT on Sunday 29 March 2026, back at 01:00 GMT on Sunday 25 October.
    expect(londonInstant('2026-03-29', 0)).to.equal('2026-03-29T00:00:00.000Z');
    expect(londonInstant('2026-03-29', 3 * 60)).to.equal('2026-03-29T02:00:00.000Z');
    expect(londonInstant('2026-10-25', 0)).to.equal('2026-10-24T23:00:00.000Z');
    expect(londonInstant('2026-10-25', 3 * 60)).to.equal('2026-10-25T03:00:00.000Z');
    expect(londonDate(Date.parse('2026-10-24T23:30:00Z'))).to.equal('2026-10-25');
    expect(londonDate(Date.parse('2026-12-17T23:30:00Z'))).to.equal('2026-12-17');
  });

  it('Given a time as typed, Then 24-hour times are minutes after midnight and anything else is refused', () => {
    expect(minutesOf('15:00')).to.equal(900);
    expect(minutesOf(' 9.30 ')).to.equal(570);
    expect(minutesOf('00:00')).to.equal(0);
    for (const bad of ['24:00', '12:60', '3pm', '', '1500', '12:5'])
      expect(minutesOf(bad), bad).to.equal(null);
  });

  it('Given two stages, Then the date each is held to and how it moved are said in words', () => {
    const day9 = stage({ kind: 'deadline', due: '2026-12-26T00:00:00.000Z' });
    const day10 = stage({ kind: 'deadline', due: '2026-12-27T00:00:00.000Z' });
    const reminder = stage({ kind: 'reminder', reminder: '2026-12-20T10:00:00.000Z' });
    expect(heldTo(day9)).to.equal('2026-12-26T00:00:00.000Z');
    expect(heldTo(reminder)).to.equal('2026-12-20T10:00:00.000Z');
    expect(heldTo(stage({}))).to.equal(null);
    expect(movement(row(day9, day10))).to.equal('1 day later');
    expect(movement(row(day10, day9))).to.equal('1 day earlier');
    expect(movement(row(day9, stage({ kind: 'deadline', due: '2026-12-26T03:00:00.000Z' })))).to.equal(
      '3 hours later',
    );
    expect(movement(row(day9, stage({ kind: 'deadline', due: '2026-12-27T01:30:00.000Z' })))).to.equal(
      '1 day 1 hour 30 minutes later',
    );
    expect(movement(row(day9, day9))).to.equal('No change');
    expect(movement(row(stage({}), day9))).to.equal('Now has a date');
    expect(movement(row(day9, stage({})))).to.equal('No longer has a date');
    expect(movement(row(day9, null))).to.equal('Not reached under your edit');
    expect(movement(row(null, day9))).to.equal('Only reached under your edit');
  });
});
