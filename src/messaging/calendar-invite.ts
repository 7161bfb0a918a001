/**
 * The iCalendar invite for a deadline (ical-generator): `METHOD:REQUEST` for a new or moved
 * deadline, `METHOD:CANCEL` with the same UID and a higher SEQUENCE when the step it belongs to ends
 * first. Times are in Europe/London with its VTIMEZONE, so calendars show the deadline as the
 * procedure reckons it. Summary and description carry the case reference and stage only.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

/** Europe/London's rules since 1996 (last Sunday of March 01:00 UTC to last Sunday of October). */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** What an invite says. */
export interface InviteContent {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  due: Date;
  summary: string;
  description: string;
  url: string;
  organizer: { name: string; email: string };
  attendees: readonly string[];
  /** When the invite was made (DTSTAMP). */
  stamp: Date;
}

const HALF_AN_HOUR_MS = 30 * 60 * 1000;
const LONDON = 'Europe/London';

/** The `.ics` text of a deadline invite: a half-hour event ending at the deadline. */
export function calendarInvite(content: InviteContent): string {
  const calendar = ical({
    prodId: { company: 'Escalations', product: 'escalation-deadlines', language: 'EN' },
    method: content.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: 'Europe/London', generator: () => LONDON_VTIMEZONE },
  });
  calendar.createEvent({
    id: content.uid,
    sequence: content.sequence,
    stamp: content.stamp,
    // Luxon times in London: ical-generator writes a plain Date's UTC wall time under the TZID.
    start: DateTime.fromMillis(content.due.getTime() - HALF_AN_HOUR_MS, { zone: LONDON }),
    end: DateTime.fromJSDate(content.due, { zone: LONDON }),
    timezone: 'Europe/London',
    summary: content.summary,
    description: content.description,
    url: content.url,
    organizer: content.organizer,
    attendees: content.attendees.map((email) => ({ email, rsvp: false })),
    status: content.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  // RFC 5545 3.8.7.2: DTSTAMP is in UTC; ical-generator writes it in the calendar's zone without a Z.
  return calendar.toString().replace(/^DTSTAMP:.*$/m, `DTSTAMP:${utcStamp(content.stamp)}`);
}

/** `20261102T100000Z`. */
function utcStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}
