/**
 * One row per endpoint of /api/v1 (as /api/openapi.json names it): how each principal calls it and
 * what each must be answered. Rows on B (one escalation of matrix.fixtures.ts at the line managers'
 * step) follow the access rule: its parties and the partnership's own people see it; anyone else
 * gets 404, never 403. Why each allowed principal is allowed:
 * - the child's details and the Summary Log (which prints them): a candidate role of a task it has
 *   reached on its side, so the two parties' line managers and not the Business Manager (403);
 * - immediate risk: any professional who can see it (LSCB procedure p.3, "ANY PROFESSIONAL");
 * - withdraw: the raising party only ("referred by the concerned agency", Stage 4): 403 for the
 *   other party and the partnership's staff;
 * - serious concern: Liverpool's procedure has no such path (that is Wiltshire's §3.1(a)), so 409 to
 *   whoever can see it;
 * - completing the line managers' step: its candidate role, line-manager, on either side; 403 for
 *   the Business Manager;
 * - diagrams and deployments: process owners only (403 for members, 404 outside the partnership).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../../processes/catalogue.js';
import { raiseBody, signInBody, type Target, type Who } from './matrix.fixtures.js';

export interface Row {
  method: 'GET' | 'POST' | 'DELETE';
  /** The path as /api/openapi.json has it. */
  path: string;
  /** The URL under /api/v1 for a target. */
  url: (t: Target) => string;
  body?: (who: Who) => unknown;
  expect: Record<Who, number>;
  /** Reaches one thing by id: an outsider's 404 must be the answer for a thing that does not exist. */
  scoped?: boolean;
  /** A success changes the escalation for good: each succeeding principal gets its own. */
  destructive?: boolean;
}

/** Ids of the right shapes that name nothing. */
export const UNKNOWN: Target = {
  id: 'no-such-escalation-0000',
  processInstanceId: 'none',
  caseReference: 'none',
  taskId: 'no-such-task-0000',
  documentId: 'no-such-document-0000',
};

const UNAUTHENTICATED = { disabled: 401, revoked: 401, expired: 401, anonymous: 401 } as const;

/** The same answer for everyone signed in; noCsrf's write is 403. */
function signedIn(status: number, write: boolean): Record<Who, number> {
  const all = { own: status, other: status, sameAgency: status, third: status, partnership: status };
  return { ...all, otherPartnership: status, ...UNAUTHENTICATED, noCsrf: write ? 403 : status };
}

/** A read or write of B: the parties and the partnership's own people, 404 for the rest. */
function onB(write: boolean, own: number, other: number, partnership: number): Record<Who, number> {
  const outside = { sameAgency: 404, third: 404, otherPartnership: 404 };
  return { own, other, partnership, ...outside, ...UNAUTHENTICATED, noCsrf: write ? 403 : own };
}

/** Liverpool's own diagram, unchanged: the process owner deploys it again under a name of its own. */
function diagramUpload(): FormData {
  const form = new FormData();
  form.append('deployment-name', 'Authorization matrix');
  const xml = readFileSync(join(REPOSITORY_ROOT, 'processes/liverpool/escalation.bpmn'));
  form.append('escalation.bpmn', new Blob([new Uint8Array(xml)]), 'escalation.bpmn');
  return form;
}

/** Liverpool's diagram as text, for the deadline preview (POST /simulations). */
function liverpoolXml(): string {
  return readFileSync(join(REPOSITORY_ROOT, 'processes/liverpool/escalation.bpmn'), 'utf8');
}

const escalation = (rest = '') => ({ scoped: true, url: (t: Target) => `/escalations/${t.id}${rest}` });

export const MATRIX_ROWS: Row[] = [
  {
    method: 'GET',
    path: '/health',
    url: () => '/health',
    expect: { ...signedIn(200, false), disabled: 200, revoked: 200, expired: 200, anonymous: 200 },
  },
  {
    method: 'POST',
    path: '/session',
    url: () => '/session',
    body: signInBody,
    // Signing in needs no credential but a password: the disabled account and an unknown name are 401.
    expect: { ...signedIn(200, false), disabled: 401, revoked: 200, expired: 200, anonymous: 401 },
  },
  { method: 'GET', path: '/session', url: () => '/session', expect: signedIn(200, false) },
  { method: 'DELETE', path: '/session', url: () => '/session', expect: signedIn(204, true) },
  { method: 'GET', path: '/partnerships', url: () => '/partnerships', expect: signedIn(200, false) },
  {
    method: 'GET',
    path: '/partnerships/{id}',
    url: () => '/partnerships/liverpool',
    expect: { ...signedIn(200, false), otherPartnership: 404 },
  },
  {
    method: 'GET',
    path: '/partnerships/{id}/diagrams',
    url: () => '/partnerships/liverpool/diagrams',
    expect: { ...signedIn(403, false), partnership: 200, otherPartnership: 404 },
  },
  {
    method: 'POST',
    path: '/deployments',
    url: () => '/deployments',
    body: diagramUpload,
    expect: { ...signedIn(403, true), partnership: 201 },
  },
  {
    method: 'GET',
    path: '/partnerships/{id}/diagrams/{key}/versions/{version}.bpmn',
    url: () => '/partnerships/liverpool/diagrams/LiverpoolEscalation/versions/1.bpmn',
    expect: { ...signedIn(403, false), partnership: 200, otherPartnership: 404 },
  },
  {
    method: 'POST',
    path: '/simulations',
    url: () => '/simulations',
    body: () => ({ diagram: liverpoolXml(), raisedAt: '2026-12-17T15:00:00Z' }),
    expect: { ...signedIn(403, true), partnership: 200 },
  },
  {
    method: 'POST',
    path: '/escalations',
    url: () => '/escalations',
    body: raiseBody,
    // The partnership's own staff belong to no agency: they do not raise an agency's disagreement.
    expect: { ...signedIn(201, true), partnership: 403 },
  },
  { method: 'GET', path: '/escalations', url: () => '/escalations', expect: signedIn(200, false) },
  {
    method: 'GET',
    path: '/escalations/counts',
    url: () => '/escalations/counts?status=open',
    expect: signedIn(200, false),
  },
  { method: 'GET', path: '/escalations/{id}', ...escalation(), expect: onB(false, 200, 200, 200) },
  {
    method: 'GET',
    path: '/escalations/{id}/subject',
    ...escalation('/subject'),
    expect: onB(false, 200, 200, 403),
  },
  {
    method: 'POST',
    path: '/escalations/{id}/immediate-risk',
    ...escalation('/immediate-risk'),
    expect: onB(true, 202, 202, 202),
  },
  {
    method: 'POST',
    path: '/escalations/{id}/withdraw',
    ...escalation('/withdraw'),
    body: () => ({ reason: 'Agreed between the agencies after a strategy discussion' }),
    expect: onB(true, 202, 403, 403),
    destructive: true,
  },
  {
    method: 'POST',
    path: '/escalations/{id}/serious-concern',
    ...escalation('/serious-concern'),
    expect: onB(true, 409, 409, 409),
  },
  {
    method: 'GET',
    path: '/escalations/{id}/tasks/{taskId}/form',
    scoped: true,
    url: (t) => `/escalations/${t.id}/tasks/${t.taskId}/form`,
    expect: onB(false, 200, 200, 200),
  },
  {
    method: 'POST',
    path: '/escalations/{id}/tasks/{taskId}/complete',
    scoped: true,
    url: (t) => `/escalations/${t.id}/tasks/${t.taskId}/complete`,
    body: () => ({
      outcome: 'unresolved',
      professionalsMeeting: 'convened',
      unresolvedReason: 'Still disputed after the professionals meeting',
    }),
    expect: onB(true, 200, 200, 403),
    destructive: true,
  },
  {
    method: 'GET',
    path: '/escalations/{id}/diagram',
    ...escalation('/diagram'),
    expect: onB(false, 200, 200, 200),
  },
  {
    method: 'GET',
    path: '/escalations/{id}/invites/{dueVariable}.ics',
    ...escalation('/invites/stage1LineManagerDue.ics'),
    expect: onB(false, 200, 200, 200),
  },
  {
    method: 'GET',
    path: '/documents/{id}',
    scoped: true,
    url: (t) => `/documents/${t.documentId}`,
    expect: onB(false, 200, 200, 403),
  },
  { method: 'GET', path: '/messages', url: () => '/messages', expect: signedIn(200, false) },
  { method: 'GET', path: '/records/verify', url: () => '/records/verify', expect: signedIn(200, false) },
  // Reports: only with the reports permission in the partnership (nobody here has it): 403 for its
  // members, 404 for a member of another partnership (test/api/reports.test.ts has the permitted side).
  ...reportRow('', ''),
  ...reportRow('/report.csv', ''),
  ...reportRow('/report.pdf', ''),
  ...reportRow('/report.svg', '&chart=stages'),
  ...reportRow('/summary-log.csv', '&agency=school'),
];

function reportRow(file: string, query: string): Row[] {
  return [
    {
      method: 'GET',
      path: `/reports/partnerships/{id}${file}`,
      url: () => `/reports/partnerships/liverpool${file}?from=2026-10-01&to=2027-01-01${query}`,
      expect: { ...signedIn(403, false), otherPartnership: 404 },
    },
  ];
}
