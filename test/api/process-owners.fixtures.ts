/**
 * The people of the process-owner tests: Owen, Liverpool's process owner (LSCB team); Sam, a
 * Liverpool school's professional who is not one; Wanda, Wiltshire's process owner.
 */
import type { ApiHarness, As } from './harness.js';

export interface ProcessOwnerCast {
  owen: As;
  sam: As;
  wanda: As;
}

export async function createProcessOwnerCast(h: ApiHarness): Promise<ProcessOwnerCast> {
  await h.user('owen', { partnership: 'liverpool', agency: null, roles: ['lscb-team'], processOwner: true });
  await h.user('sam', {
    partnership: 'liverpool',
    agency: 'school',
    organisation: 'st-marys',
    roles: ['raising-professional'],
  });
  await h.user('wanda', { partnership: 'wiltshire', agency: null, roles: [], processOwner: true });
  return { owen: h.token('owen'), sam: h.token('sam'), wanda: h.token('wanda') };
}
