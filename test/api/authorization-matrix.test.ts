/**
 * The authorization matrix (issue 14 "Authorization matrix on every endpoint"): every endpoint the
 * RouteRegistry mounts (read back from /api/openapi.json, so a new route without a row fails here)
 * × every principal of matrix.fixtures.ts, over real HTTP with the real workers. Expected: 2xx where
 * allowed; 401 for no, a disabled, a revoked or an expired credential; 403 only for a visible thing
 * the principal may not act on, or a browser session's write without X-CSRF-Token; 404 for anything
 * not visible, answered word for word as for a thing that does not exist. And "Agency A never learns
 * of agency B's escalation": no answer to an outsider holds B's id, case reference or any of its
 * messages' subjects, and every list's and count's total is exactly what the access rule lets through.
 */
import { expect } from 'chai';
import { canSee, type RolesOf } from '../../src/access/access-rule.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { principalOf } from '../../src/api/auth/authenticate.js';
import { ApiHarness } from './harness.js';
import { CHILD } from './acting.fixtures.js';
import { MATRIX_ROWS, UNKNOWN, type Row } from './matrix.rows.js';
import {
  createCallers,
  OUTSIDERS,
  raiseBody,
  raiseTarget,
  send,
  usernameOf,
  WHO,
  type Caller,
  type Target,
  type Who,
} from './matrix.fixtures.js';

const isSuccess = (status: number) => status >= 200 && status < 300;
const partnerships = loadPartnerships();
const roles: RolesOf = (id) => partnerships.find((p) => p.settings.id === id)?.roles;
/** The principals with a good credential of their own (noCsrf is `own`'s session). */
const SIGNED_IN: readonly Who[] = ['own', 'other', 'sameAgency', 'third', 'partnership', 'otherPartnership'];

describe('API authorization matrix: every endpoint × every principal (issue 14)', function () {
  this.timeout(300_000);
  let h: ApiHarness;
  let callers: Record<Who, Caller>;
  let b: Target;
  /** A target of B's kind for each cell that succeeds and changes it for good (withdraw, complete). */
  const fresh = new Map<string, Target>();
  const targets: Target[] = [];
  /** Every answer an outsider received, for the scan. */
  const toOutsiders: { cell: string; text: string }[] = [];

  const key = (row: Row) => `${row.method} ${row.path}`;

  before(async () => {
    h = await ApiHarness.start();
    callers = await createCallers(h);
    b = await raiseTarget(h, { ...CHILD });
    targets.push(b);
    for (const row of MATRIX_ROWS.filter((r) => r.destructive))
      for (const who of WHO.filter((w) => isSuccess(row.expect[w]))) {
        const t = await raiseTarget(h, { ...CHILD });
        fresh.set(`${key(row)} ${who}`, t);
        targets.push(t);
      }
    // The outsiders' own escalations, so that their lists are not empty by accident.
    for (const who of ['third', 'otherPartnership'] as const) {
      const res = await send(h, callers[who], 'POST', '/api/v1/escalations', raiseBody(who));
      expect(res.status, res.text).to.equal(201);
    }
  });
  after(async () => h?.stop());

  it('Given the routes the RouteRegistry mounted (/api/openapi.json), Then each has a row of the matrix and each row an endpoint', async () => {
    const doc = await h.call<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/openapi.json',
      null,
    );
    const endpoints = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const rows = MATRIX_ROWS.map(key);
    expect(
      endpoints.filter((e) => !rows.includes(e)),
      'endpoints without a row',
    ).to.deep.equal([]);
    expect(
      rows.filter((r) => !endpoints.includes(r)),
      'rows without an endpoint',
    ).to.deep.equal([]);
    expect(new Set(rows).size, 'one row per endpoint').to.equal(rows.length);
  });

  it('Given every endpoint × own agency, other party, same agency’s other organisation, third agency, partnership-wide role, other partnership, disabled user, revoked and expired tokens, anonymous and a session without CSRF, Then each answers as expected, and each 404 is the answer for a thing that does not exist', async () => {
    const wrong: string[] = [];
    for (const row of MATRIX_ROWS) {
      for (const who of WHO) {
        const expected = row.expect[who];
        const target = (isSuccess(expected) && fresh.get(`${key(row)} ${who}`)) || b;
        const res = await send(h, callers[who], row.method, `/api/v1${row.url(target)}`, row.body?.(who));
        const cell = `${key(row)} as ${who}`;
        if (res.status !== expected) wrong.push(`${cell}: ${res.status}, expected ${expected} (${res.text})`);
        if (OUTSIDERS.includes(who)) toOutsiders.push({ cell, text: res.text });
        if (expected === 404 && row.scoped) {
          const unknown = await send(
            h,
            callers[who],
            row.method,
            `/api/v1${row.url(UNKNOWN)}`,
            row.body?.(who),
          );
          if (unknown.status !== 404 || unknown.text !== res.text)
            wrong.push(`${cell}: its 404 differs from a missing one's (${unknown.status} ${unknown.text})`);
        }
      }
    }
    expect(wrong.join('\n')).to.equal('');
  });

  it('Given all of B’s kind (LSCB procedure, RECORD: the record is shared with the parties only), Then no answer to anyone outside them holds an id, a case reference or a message subject of any of them', async () => {
    for (const t of targets) await h.settle(t.processInstanceId);
    // Outsiders' lists and counts once more, now that the workers have told everyone they tell.
    for (const who of OUTSIDERS)
      for (const path of ['/escalations?pageSize=100', '/messages?pageSize=100', '/records/verify'])
        toOutsiders.push({
          cell: `GET ${path} as ${who}`,
          text: (await send(h, callers[who], 'GET', `/api/v1${path}`)).text,
        });
    const secrets = targets.flatMap((t) => {
      const subjects = h.product.stores.outbox.forEscalation(t.id).map((m) => m.subject);
      expect(subjects.length, 'B’s kind has messages').to.be.greaterThan(0);
      for (const s of subjects) expect(s, 'a subject names its case').to.include(t.caseReference);
      return [t.id, t.caseReference, t.processInstanceId, t.documentId, t.taskId, ...subjects];
    });
    const leaks = toOutsiders.flatMap(({ cell, text }) =>
      secrets.filter((s) => text.includes(s)).map((s) => `${cell} holds "${s}"`),
    );
    expect(leaks.join('\n')).to.equal('');
    expect(toOutsiders.length).to.be.greaterThan(OUTSIDERS.length * MATRIX_ROWS.length);
  });

  it('Given every principal with a good credential, Then GET /escalations, GET /messages and GET /records/verify count exactly what the access rule lets them see, and list nothing else', async () => {
    const { stores } = h.product;
    const all = stores.db.prepare('SELECT id FROM escalations').all() as { id: string }[];
    const indexed = all.map((r) => stores.escalations.get(r.id)!);
    const outbox = stores.db.prepare('SELECT escalation_id AS e, recipient AS r FROM outbox').all() as {
      e: string;
      r: string;
    }[];
    const entries = stores.db.prepare('SELECT escalation_id AS e FROM record_entries').all() as {
      e: string;
    }[];
    for (const who of SIGNED_IN) {
      const user = stores.users.byUsername(usernameOf(who)!)!;
      const p = principalOf(stores.users, user.id, 'token')!;
      const seen = new Set(
        indexed.filter((e) => canSee(p, stores.escalations.access(e), roles)).map((e) => e.id),
      );
      const list = await send(h, callers[who], 'GET', '/api/v1/escalations?pageSize=100');
      const items = (list.body as { items: { id: string }[]; total: number }).items.map((i) => i.id);
      expect([...items].sort(), `${who}'s escalations`).to.deep.equal([...seen].sort());
      expect((list.body as { total: number }).total, `${who}'s total`).to.equal(seen.size);
      expect(seen.has(b.id), `${who} sees B`).to.equal(['own', 'other', 'partnership'].includes(who));
      const messages = (await send(h, callers[who], 'GET', '/api/v1/messages?pageSize=1')).body as {
        total: number;
      };
      const mine = outbox.filter((m) => m.r.toLowerCase() === p.email.toLowerCase() || seen.has(m.e));
      expect(messages.total, `${who}'s messages`).to.equal(mine.length);
      const verify = (await send(h, callers[who], 'GET', '/api/v1/records/verify')).body as {
        entriesYouCanSee: number;
      };
      expect(verify.entriesYouCanSee, `${who}'s record entries`).to.equal(
        entries.filter((x) => seen.has(x.e)).length,
      );
    }
  });
});
