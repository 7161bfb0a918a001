/**
 * The people and escalations of the authorization matrix (issue 14 "Authorization matrix on every
 * endpoint"), in Liverpool. St Mary's school (raiser `sam`) disputes Liverpool CSC's decision, named
 * by organisation, so the other party is that organisation and not all of Children's Services.
 * Each escalation "B" is raised and moved to the line managers' step through the API (LSCB
 * Resolution & Escalation Procedure, Stage 1: "Escalate to Line Manager"), which gives it an open
 * task, a deadline's invite and a Summary Log (Appendix 1) that prints the child's details.
 *
 * The principals, each of whom would see B if their credential were good, unless said otherwise:
 * - own: a St Mary's line manager (the raiser's organisation);
 * - other: a Liverpool CSC line manager (the other party, named by organisation);
 * - sameAgency: a Knowsley CSC line manager (the other party's agency, another organisation): not;
 * - third: an Alder Hey line manager (a third agency): not;
 * - partnership: the LSCB Business Manager (a partnership-scope role), also a process owner;
 * - otherPartnership: a Wiltshire school's line manager, in no other partnership: not;
 * - disabled, revoked, expired: St Mary's line managers with a disabled account, a revoked token,
 *   an expired token; anonymous: no credential;
 * - noCsrf: `own`'s browser session, writes sent without X-CSRF-Token.
 */
import { expect } from 'chai';
import { PASSWORD, type ApiHarness, type Answer, liverpoolMember } from './harness.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';

export const WHO = [
  'own',
  'other',
  'sameAgency',
  'third',
  'partnership',
  'otherPartnership',
  'disabled',
  'revoked',
  'expired',
  'anonymous',
  'noCsrf',
] as const;
export type Who = (typeof WHO)[number];

/** Who cannot see B (nor any of its kind): nothing of it may reach them. */
export const OUTSIDERS: readonly Who[] = [
  'sameAgency',
  'third',
  'otherPartnership',
  'disabled',
  'revoked',
  'expired',
  'anonymous',
];

/** How a principal's requests are sent. */
export interface Caller {
  username: string | null;
  token?: string;
  session?: { cookie: string; csrfToken: string };
}

const USERNAMES: Record<Who, string | null> = {
  own: 'lena',
  other: 'cara',
  sameAgency: 'kit',
  third: 'pat',
  partnership: 'bea',
  otherPartnership: 'wes',
  disabled: 'dee',
  revoked: 'rev',
  expired: 'exi',
  anonymous: null,
  noCsrf: 'lena',
};
export const usernameOf = (who: Who): string | null => USERNAMES[who];

/** An escalation of B's kind at the line managers' step. */
export interface Target {
  id: string;
  processInstanceId: string;
  caseReference: string;
  taskId: string;
  documentId: string;
}

const MINUTE = 60_000;
let cases = 0;

/** Creates every user, then the credential each principal sends (disabled, revoked, expired as named). */
export async function createCallers(h: ApiHarness): Promise<Record<Who, Caller>> {
  await h.user('sam', liverpoolMember('school', 'st-marys', ['raising-professional']));
  await h.user('lena', liverpoolMember('school', 'st-marys', ['line-manager']));
  await h.user('cara', liverpoolMember('childrens-services', 'liverpool-csc', ['line-manager']));
  await h.user('kit', liverpoolMember('childrens-services', 'knowsley-csc', ['line-manager']));
  await h.user('pat', liverpoolMember('health', 'alder-hey', ['line-manager']));
  await h.user('bea', { ...liverpoolMember(null, null, ['lscb-business-manager']), processOwner: true });
  await h.user('wes', {
    partnership: 'wiltshire',
    agency: 'school',
    organisation: 'ash-school',
    roles: ['line-manager'],
  });
  for (const name of ['dee', 'rev', 'exi'])
    await h.user(name, liverpoolMember('school', 'st-marys', ['line-manager']));
  const users = h.product.stores.users;
  const idOf = (name: string) => users.byUsername(name)!.id;
  const now = () => new Date(h.clock.now());
  const token = (name: string, expiresAt: Date | null = null) =>
    h.product.stores.tokens.create(idOf(name), now(), expiresAt);
  const callers = {} as Record<Who, Caller>;
  for (const who of WHO) {
    const username = USERNAMES[who];
    if (username && who !== 'noCsrf') callers[who] = { username, token: token(username).token };
  }
  callers.anonymous = { username: null };
  const revoked = token('rev');
  callers.revoked = { username: 'rev', token: revoked.token };
  h.product.stores.tokens.revoke(revoked.id, now());
  callers.expired = { username: 'exi', token: token('exi', new Date(h.clock.now() + MINUTE)).token };
  users.setDisabled(idOf('dee'), true, now());
  const session = await h.signIn('lena');
  callers.noCsrf = { username: 'lena', session: (session as { session: Caller['session'] }).session };
  await h.clock.advance(2 * MINUTE); // the expired token's minute is over
  return callers;
}

/** Sends a request as the caller: a token, or the session's cookie (without X-CSRF-Token: noCsrf). */
export async function send(
  h: ApiHarness,
  caller: Caller,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.session) headers.cookie = caller.session.cookie;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${h.base}${path}`, { method, headers, body: payload });
  const text = await res.text();
  const json = /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined;
  return { status: res.status, headers: res.headers, body: json, text };
}

/** A raise as the caller's own (any agency member may raise; their role is line-manager). */
export function raiseBody(who: Who): Record<string, unknown> {
  cases += 1;
  return {
    ...SCHOOL_RAISE,
    raisedByRole: 'line-manager',
    otherAgency: who === 'otherPartnership' ? 'police' : 'merseyside-police',
    caseReference: `MATRIX-OWN-${String(cases).padStart(3, '0')}`,
  };
}

/**
 * Raises one of B's kind as `sam` (with the child's details), then records Stage 1 unresolved
 * through the API, so that the line managers' step is open and Stage 1's Summary Log exists.
 */
export async function raiseTarget(h: ApiHarness, child: object): Promise<Target> {
  cases += 1;
  const caseReference = `MATRIX-B-${String(cases).padStart(3, '0')}`;
  const sam = h.token('sam');
  const raised = await h.call<{ id: string }>('POST', '/api/v1/escalations', sam, {
    ...SCHOOL_RAISE,
    otherOrganisation: 'liverpool-csc',
    caseReference,
    subject: child,
  });
  expect(raised.status, raised.text).to.equal(201);
  const id = raised.body.id;
  const processInstanceId = h.product.stores.escalations.get(id)!.processInstanceId;
  await h.settle(processInstanceId);
  const view = async () =>
    (
      await h.call<{ openTasks: { id: string; elementId: string }[]; documents: { id: string }[] }>(
        'GET',
        `/api/v1/escalations/${id}`,
        sam,
      )
    ).body;
  const stage1 = (await view()).openTasks.find((t) => t.elementId === 'Stage1_RecordOutcome')!;
  const done = await h.call('POST', `/api/v1/escalations/${id}/tasks/${stage1.id}/complete`, sam, {
    outcome: 'unresolved',
    unresolvedReason: 'The threshold decision stands on both sides',
    agencyEscalationNumber: 'SCH/2026/041',
  });
  expect(done.status, done.text).to.equal(200);
  await h.settle(processInstanceId);
  const now = await view();
  const task = now.openTasks.find((t) => t.elementId === 'Stage1LineManager_RecordOutcome');
  expect(task, 'the line managers’ step is open').to.not.equal(undefined);
  expect(now.documents, 'Stage 1’s Summary Log').to.have.length(1);
  return { id, processInstanceId, caseReference, taskId: task!.id, documentId: now.documents[0]!.id };
}

/** The body each principal sends to `POST /session`: their own username (anonymous: an unknown one). */
export const signInBody = (who: Who) => ({ username: USERNAMES[who] ?? 'nobody-at-all', password: PASSWORD });
