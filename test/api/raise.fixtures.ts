/**
 * Raising escalations through `POST /api/v1/escalations` for the API's tests: a body as a
 * practitioner sends it, a distinctive made-up child (so a leak of any of its fields is found), the
 * raise followed by the workers, and counts of everything a raise could write (to prove a refused
 * one wrote nothing).
 */
import { expect } from 'chai';
import type { As, ApiHarness } from './harness.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';

/** The child: made up, with fields no other text in the product contains. */
export const SUBJECT = {
  name: 'Wenceslas Amberley-Okonkwo',
  dateOfBirth: '2017-02-19',
  address: '4 Quillfeather Yard, Nowhere NX7 3QJ',
} as const;

/** What no answer, log line, message or process variable may contain. */
export const SUBJECT_TEXTS = [
  SUBJECT.name,
  'Wenceslas',
  'Amberley',
  SUBJECT.address,
  'Quillfeather',
  SUBJECT.dateOfBirth,
];

let cases = 0;

/** A new case reference. */
export function caseReference(): string {
  cases += 1;
  return `RAISE/${String(cases).padStart(5, '0')}`;
}

export interface RaisedEscalation {
  id: string;
  processInstanceId: string;
  caseReference: string;
  /** The 201 answer. */
  body: Record<string, unknown>;
}

/** Raises through the API (201 expected) and waits for the workers to reach the first stage. */
export async function raise(
  h: ApiHarness,
  as: As,
  over: Record<string, unknown> = {},
): Promise<RaisedEscalation> {
  const ref = caseReference();
  const res = await h.call<Record<string, unknown>>('POST', '/api/v1/escalations', as, {
    ...SCHOOL_RAISE,
    caseReference: ref,
    ...over,
  });
  expect(res.status, res.text).to.equal(201);
  const id = res.body.id as string;
  expect(res.headers.get('location')).to.equal(`/api/v1/escalations/${id}`);
  const indexed = h.product.stores.escalations.get(id);
  expect(indexed, 'indexed').to.not.equal(undefined);
  await h.settle(indexed!.processInstanceId);
  return { id, processInstanceId: indexed!.processInstanceId, caseReference: ref, body: res.body };
}

/** How many of each thing a raise writes or starts. */
export async function counts(h: ApiHarness): Promise<Record<string, number>> {
  const n = (table: string) =>
    (h.product.stores.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    instances: await h.product.engine.countProcessInstances(),
    historicInstances: await h.product.engine.countHistoricProcessInstances(),
    escalations: n('escalations'),
    subjects: n('subjects'),
    record: n('record_entries'),
    outbox: n('outbox'),
    documents: n('documents'),
  };
}

/** Fails naming the first of the child's details found in `text`. */
export function expectNoSubject(text: string, where: string): void {
  for (const secret of SUBJECT_TEXTS)
    expect(text.includes(secret), `${where} contains "${secret}"`).to.equal(false);
}
