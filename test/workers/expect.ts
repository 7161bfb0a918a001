/**
 * What every end-to-end worker test checks of one escalation once it has ended (issue 13, "For each
 * partnership, one full path from raise to resolution and one with a breach"): exactly the emails
 * (recipient and template) in the outbox, each accepted once by the SMTP server; exactly the
 * documents; exactly the record entries in order, with the chain verifying; and no email, subject or
 * invite carrying the disagreement's text or the child's details. Expected sets are written out in
 * each test from its diagram; nothing here derives them from the workers' own code.
 */
import { expect } from 'chai';
import ICAL from 'ical.js';
import { PDFParse } from 'pdf-parse';
import type { StartVariablesInput } from '../../processes/variables.js';
import type { ReceivedMail } from '../support/smtp-sink.js';
import type { Raised, Stack } from './stack.js';

type Partnership = StartVariablesInput['partnership'];

/** The child whose details the protected store holds: none of it may reach an email. */
export const SUBJECT = {
  name: 'Marigold Quennell-Ashdown',
  dateOfBirth: '2016-04-21',
  address: '7 Wren Cottages, Brackley Lane, Nowhere NX1 9ZZ',
} as const;
/** What the raiser typed: free text that may name the child, so never in an email. */
export const DISAGREEMENT =
  'Quince-lantern referral for Marigold closed without a home visit despite bruising';
/** What no message may contain: the disagreement, and the child's name, address and birth date in any form. */
const SECRETS = [
  DISAGREEMENT,
  SUBJECT.name,
  'Marigold',
  SUBJECT.address,
  'Wren Cottages',
  '2016-04-21',
  '21 Apr 2016',
  '21 April 2016',
  '21/04/2016',
];

/** One message: who received it and which template it was. */
export type Email = [recipient: string, template: string];
/** One generated document: its form and the element that generated it. */
export type Doc = [form: string, elementId: string];
/** One record entry: kind, stage, element and outcome. */
export type Entry = [kind: string, stage: string | null, elementId: string, outcome: string | null];

export interface Expected {
  emails: Email[];
  documents: Doc[];
  record: Entry[];
}

/**
 * The example directory's addresses (workers/notify/example-directory.ts): an agency-scope contact
 * group has one address per agency, a partnership-scope group one for the whole partnership.
 */
export function addressesOf(partnership: Partnership): {
  of: (group: string, agency: string) => string;
  team: (group: string) => string;
} {
  return {
    of: (group, agency) => `${group}.${agency}@${partnership}.example.org`,
    team: (group) => `${group}@${partnership}.example.org`,
  };
}

/** One message of `template` to each address. */
export const mails = (template: string, ...addresses: string[]): Email[] =>
  addresses.map((a): Email => [a, template]);

/** An escalation raised by {@link raiseCase}: where its messages start in the SMTP server's list. */
export interface Run extends Raised {
  caseReference: string;
  sinkFrom: number;
}

let cases = 0;

/**
 * Stores the child's details under a new case reference (as `subjects import` does), then raises
 * the escalation with the distinctive disagreement and waits for the workers.
 */
export async function raiseCase(
  stack: Stack,
  partnership: Partnership,
  over: Partial<StartVariablesInput> = {},
): Promise<Run> {
  cases += 1;
  const caseReference = `E2E/${partnership.slice(0, 3).toUpperCase()}/${String(cases).padStart(4, '0')}`;
  const stored = stack.app.stores.subjects.put(
    partnership,
    caseReference,
    { ...SUBJECT },
    new Date(stack.clock.now()),
  );
  expect(stored).to.equal('created');
  const sinkFrom = stack.smtp!.received.length;
  const raised = await stack.raise(partnership, { caseReference, disagreement: DISAGREEMENT, ...over });
  await stack.settle(raised);
  return { ...raised, caseReference, sinkFrom };
}

const sorted = <T>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The messages the SMTP server accepted for this run (runs in one file go one after another). */
export function received(stack: Stack, run: Run): ReceivedMail[] {
  return stack.smtp!.received.slice(run.sinkFrom);
}

/**
 * The escalation ended at `endEvent` with no incident, and produced exactly what is expected:
 * emails as sorted [recipient, template] pairs, each sent once over SMTP; documents; record entries
 * in order; a verifying chain; no personal details in any message.
 */
export async function expectExactly(
  stack: Stack,
  run: Run,
  endEvent: string,
  expected: Expected,
): Promise<void> {
  const pi = run.processInstanceId;
  const [historic] = await stack.engine.listHistoricProcessInstances({ processInstanceId: pi });
  expect(historic?.state, 'the escalation has ended').to.equal('COMPLETED');
  expect(await stack.path(run)).to.include(endEvent);
  expect(await stack.engine.listIncidents({ processInstanceId: pi }), 'incidents').to.deep.equal([]);
  expectEmails(stack, run, expected.emails);
  const documents = stack.app.stores.documents.forEscalation(run.escalationId);
  expect(sorted(documents.map((d) => [d.form, d.elementId])), 'documents').to.deep.equal(
    sorted(expected.documents),
  );
  const entries = stack.app.stores.record.forEscalation(run.escalationId);
  expect(
    entries.map((e) => [e.kind, e.stage, e.elementId, e.outcome]),
    'record entries',
  ).to.deep.equal(expected.record);
  expect(stack.app.stores.record.verify()).to.include({ ok: true });
}

/** The outbox holds exactly these emails, all sent, and the SMTP server accepted each once. */
function expectEmails(stack: Stack, run: Run, emails: readonly Email[]): void {
  const outbox = stack.app.stores.outbox.forEscalation(run.escalationId);
  expect(sorted(outbox.map((m) => [m.recipient, m.template])), 'emails').to.deep.equal(sorted(emails));
  expect(
    outbox.filter((m) => m.status !== 'sent').map((m) => m.effectKey),
    'unsent',
  ).to.deep.equal([]);
  const mail = received(stack, run);
  expect(
    sorted(mail.map((m) => [m.to.join(','), m.messageId])),
    'received over SMTP once each',
  ).to.deep.equal(sorted(outbox.map((m) => [m.recipient, m.messageId])));
  // Every message names its escalation by case reference and links to it (and so belongs to this run).
  const link = `/escalations/${encodeURIComponent(run.escalationId)}`;
  for (const m of mail) {
    expect(m.text, m.subject).to.include(run.caseReference).and.to.include(link);
    expect(m.html, m.subject).to.include(link);
  }
  const parts = [
    ...outbox.flatMap((m) => [m.subject, m.text, m.html, m.ics ?? '']),
    ...mail.flatMap((m) => [m.subject, m.text, m.html, m.ics ?? '']),
  ];
  for (const secret of SECRETS)
    expect(
      parts.filter((p) => p.includes(secret)),
      `messages containing "${secret}"`,
    ).to.deep.equal([]);
}

/** The text of the document `form` generated at `elementId`, whitespace runs as one space. */
export async function pdfText(stack: Stack, run: Run, form: string, elementId: string): Promise<string> {
  const documents = stack.app.stores.documents.forEscalation(run.escalationId);
  const doc = documents.find((d) => d.form === form && d.elementId === elementId);
  if (!doc) throw new Error(`no ${form} from ${elementId}`);
  const parser = new PDFParse({ data: new Uint8Array(stack.app.stores.documents.pdf(doc.id)) });
  try {
    const { pages } = await parser.getText();
    return pages
      .map((p) => p.text)
      .join(' ')
      .replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** What a calendar invite says, read back with ical.js. */
export interface Invite {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  /** The TZID of DTEND, and the VTIMEZONE's own. */
  tzid: string;
  timezone: string;
  /** DTEND as an instant (resolved through the invite's VTIMEZONE). */
  end: Date;
  attendees: string[];
}

export function readInvite(ics: string): Invite {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  const event = calendar.getFirstSubcomponent('vevent');
  if (!vtimezone || !event) throw new Error('an invite without VTIMEZONE or VEVENT');
  const dtend = event.getFirstProperty('dtend')!;
  const end = dtend.getFirstValue() as ICAL.Time;
  end.zone = new ICAL.Timezone(vtimezone);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: String(event.getFirstPropertyValue('status')),
    tzid: String(dtend.getParameter('tzid')),
    timezone: String(vtimezone.getFirstPropertyValue('tzid')),
    end: end.toJSDate(),
    attendees: event
      .getAllProperties('attendee')
      .map((a) => String(a.getFirstValue()).replace(/^mailto:/i, ''))
      .sort(),
  };
}
