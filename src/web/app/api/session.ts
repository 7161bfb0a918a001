/** Sign in, who is signed in, sign out (`/session`). */
import { api } from './client.js';
import { ApiError } from './problem.js';
import type { SessionAnswer } from './types.js';

/** The current session (user and CSRF token), or null when no one is signed in. */
export async function currentSession(): Promise<SessionAnswer | null> {
  try {
    return await api.get<SessionAnswer>('/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function createSession(username: string, password: string): Promise<SessionAnswer> {
  return api.post<SessionAnswer>('/session', { username, password });
}

export function deleteSession(): Promise<void> {
  return api.delete('/session');
}
