/**
 * The outbox as a reader's list: the messages sent to an address, or about an escalation a
 * visibility filter lets through (the access rule's SQL twin), newest first. Filtering is done in
 * SQL, so a page and its total never include (or count) a message the reader may not see.
 */
import type { Database as Db } from 'better-sqlite3';
import type { SqlFilter } from '../access/visibility-sql.js';
import type { MessageStatus } from './outbox-store.js';

/** One message as a reader sees it: no HTML twin, no calendar data, no delivery error text. */
export interface ListedMessage {
  id: number;
  escalationId: string;
  caseReference: string | null;
  template: string;
  role: string | null;
  recipient: string;
  subject: string;
  text: string;
  hasInvite: boolean;
  status: MessageStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  /** Whether it was sent to the reader's own address. */
  toYou: boolean;
}

export interface MessageFilter {
  /** The reader's address: messages sent to it are theirs whatever the escalation. */
  address: string;
  /** Which escalations the reader may see (on `escalations e`). */
  visible: SqlFilter;
  escalationId?: string | undefined;
  status?: MessageStatus | undefined;
}

interface Row {
  id: number;
  escalation_id: string;
  case_reference: string | null;
  template: string;
  role: string | null;
  recipient: string;
  subject: string;
  text_body: string;
  has_invite: number;
  status: MessageStatus;
  attempts: number;
  created_at: string;
  sent_at: string | null;
  to_you: number;
}

const toListed = (r: Row): ListedMessage => ({
  id: r.id,
  escalationId: r.escalation_id,
  caseReference: r.case_reference,
  template: r.template,
  role: r.role,
  recipient: r.recipient,
  subject: r.subject,
  text: r.text_body,
  hasInvite: r.has_invite === 1,
  status: r.status,
  attempts: r.attempts,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  toYou: r.to_you === 1,
});

/** A page of the messages the reader may see, newest first, and how many there are in all. */
export function listMessages(
  db: Db,
  filter: MessageFilter,
  page: { offset: number; limit: number },
): { items: ListedMessage[]; total: number } {
  // An address compares without case (mail systems do); a message of an escalation not (yet)
  // indexed is only ever the addressee's.
  const where = [`(o.recipient = ? COLLATE NOCASE OR (e.id IS NOT NULL AND ${filter.visible.where}))`];
  const params: (string | number)[] = [filter.address, ...filter.visible.params];
  if (filter.escalationId !== undefined) {
    where.push('o.escalation_id = ?');
    params.push(filter.escalationId);
  }
  if (filter.status !== undefined) {
    where.push('o.status = ?');
    params.push(filter.status);
  }
  const from = `FROM outbox o LEFT JOIN escalations e ON e.id = o.escalation_id WHERE ${where.join(' AND ')}`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT o.id, o.escalation_id, e.case_reference, o.template, o.role, o.recipient, o.subject, o.text_body,
         o.ics IS NOT NULL AS has_invite, o.status, o.attempts, o.created_at, o.sent_at,
         o.recipient = ? COLLATE NOCASE AS to_you
       ${from} ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?`,
    )
    .all(filter.address, ...params, page.limit, page.offset) as Row[];
  return { items: rows.map(toListed), total };
}
