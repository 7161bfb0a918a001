import { expect } from 'chai';
import ICAL from 'ical.js';
import { calendarInvite, type InviteContent } from './calendar-invite.js';

const invite = (over: Partial<InviteContent> = {}): InviteContent => ({
  method: 'REQUEST',
  uid: 'esc-1-adjournmentDue@escalations.example.org',
  sequence: 0,
  due: new Date('2026-10-26T12:00:00Z'),
  summary: 'Conference adjournment deadline, case CR-2026-00042',
  description: 'East Riding. Open the escalation to see what is asked.',
  url: 'https://escalations.example.org/escalations/esc-1',
  organizer: { name: 'Escalations', email: 'escalations@example.org' },
  attendees: ['chair@example.org'],
  stamp: new Date('2026-10-23T12:00:00Z'),
  ...over,
});

function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  calendar
    .getAllSubcomponents('vtimezone')
    .forEach((tz) => ICAL.TimezoneService.register(new ICAL.Timezone(tz)));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { calendar, event, vevent: calendar.getFirstSubcomponent('vevent')! };
}

describe('Calendar invites for deadlines (issue 13)', () => {
  it('Given a deadline just after the clocks go back, When invited, Then the event ends at it in Europe/London with METHOD:REQUEST', () => {
    const { calendar, event, vevent } = parsed(calendarInvite(invite()));
    expect(calendar.getFirstPropertyValue('method')).to.equal('REQUEST');
    expect(event.uid).to.equal('esc-1-adjournmentDue@escalations.example.org');
    expect(event.sequence).to.equal(0);
    expect(event.endDate.zone.tzid).to.equal('Europe/London');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2026-10-26T12:00:00.000Z');
    expect(event.startDate.toJSDate().toISOString()).to.equal('2026-10-26T11:30:00.000Z');
    expect(vevent.getFirstPropertyValue('status')).to.equal('CONFIRMED');
    expect(event.attendees.map((a) => a.getFirstValue())).to.deep.equal(['MAILTO:chair@example.org']);
  });

  it('Given a deadline in summer time, When invited, Then the London wall-clock time is right (BST)', () => {
    const { event } = parsed(calendarInvite(invite({ due: new Date('2026-07-01T09:00:00Z') })));
    expect(event.endDate.toString()).to.equal('2026-07-01T10:00:00');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2026-07-01T09:00:00.000Z');
  });

  it('Given the step ended first, When cancelled, Then METHOD:CANCEL, the same UID, the next SEQUENCE and STATUS:CANCELLED', () => {
    const { calendar, event, vevent } = parsed(calendarInvite(invite({ method: 'CANCEL', sequence: 1 })));
    expect(calendar.getFirstPropertyValue('method')).to.equal('CANCEL');
    expect(event.uid).to.equal('esc-1-adjournmentDue@escalations.example.org');
    expect(event.sequence).to.equal(1);
    expect(vevent.getFirstPropertyValue('status')).to.equal('CANCELLED');
  });

  it('Given any invite, When written, Then DTSTAMP is in UTC (RFC 5545) and the text holds only the case reference and stage', () => {
    const text = calendarInvite(invite({ stamp: new Date('2026-07-01T09:00:00Z') }));
    expect(text).to.match(/^DTSTAMP:20260701T090000Z\r?$/m);
  });
});
