/** Messages (`GET /messages`): sent to you, or about escalations you can see, newest first. */
import { api } from './client.js';
import type { ListedMessage } from '../../../messaging/message-query.js';
import type { Page } from './types.js';

export type Message = ListedMessage;
export type MessageStatus = Message['status'];

/** `GET /messages` filters (the API's query). */
export interface MessageFilters {
  escalation?: string;
  status?: MessageStatus;
  page?: number;
  pageSize?: number;
}

export function listMessages(filters: MessageFilters, signal?: AbortSignal): Promise<Page<Message>> {
  return api.get<Page<Message>>('/messages', { ...filters }, signal);
}
