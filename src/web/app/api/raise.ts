/** Raising an escalation (`POST /escalations`). */
import { api } from './client.js';
import type { Escalation } from './types.js';
import type { RaiseRequest } from '../pages/raise/raise-form.js';

/** Raises it; a 400 names each bad field, a 409 is another child stored under the case reference. */
export function raiseEscalation(body: RaiseRequest): Promise<Escalation> {
  return api.post<Escalation>('/escalations', body);
}
