/**
 * Dates as people in England read them, in London time whatever the browser's zone (deadlines are
 * London working days): "Thu 5 Nov 2026, 5:00pm", "5 November 2026".
 */
const ZONE = 'Europe/London';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

const date = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Thu 5 Nov 2026, 5:00pm" */
export function formatDateTime(iso: string): string {
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}${String(parts.dayPeriod).toLowerCase()}`;
}

/** "5 November 2026" */
export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}

/** "1 escalation", "3 escalations" */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
