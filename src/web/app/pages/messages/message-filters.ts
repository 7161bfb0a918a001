/**
 * The messages list's filters live in the address (`/messages?status=failed&escalation=…&page=2`),
 * so a filtered list can be bookmarked, reloaded and paged; they are exactly `GET /messages`'s query.
 */
import { queryString } from '../../api/client.js';
import type { MessageFilters, MessageStatus } from '../../api/messages.js';

export const MESSAGES_PAGE_SIZE = 25;

/** Each status in words (never colour alone), for the tag and the filter. */
export const MESSAGE_STATUS_TEXT: Record<MessageStatus, string> = {
  sent: 'Sent',
  queued: 'Waiting to send',
  failed: 'Not sent',
};

export function messageFiltersOf(query: Record<string, string | undefined>): MessageFilters {
  const page = Number(query.page);
  const status = query.status as MessageStatus;
  return {
    escalation: query.escalation || undefined,
    status: status in MESSAGE_STATUS_TEXT ? status : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    pageSize: MESSAGES_PAGE_SIZE,
  };
}

/** The messages page's address for these filters (page 1 left out). */
export function messagesHref(filters: MessageFilters, page?: number): string {
  return `/messages${queryString({
    escalation: filters.escalation,
    status: filters.status,
    page: page && page > 1 ? page : undefined,
  })}`;
}
