/**
 * Using a session or a token over real HTTP (issue 14 "Browser sessions", "Personal access
 * tokens"): a change made with the cookie needs X-CSRF-Token (403 and nothing changed without it),
 * a session lasts eight hours and DELETE /session ends it, a revoked or expired token is 401, a
 * disabled user is 401 by token and by session, and a Bearer token never needs a CSRF token. Tokens
 * are revoked and users disabled with the real CLI commands on the product's own DATA_DIR while it
 * runs.
 */
import { expect } from 'chai';
import path from 'node:path';
import { ApiHarness, PASSWORD } from './harness.js';
import { raw, sessionOf, signInFrom } from './sign-in-client.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { run as users } from '../../src/cli/commands/users.js';
import { run as tokens } from '../../src/cli/commands/tokens.js';

const HOUR = 60 * 60_000;

describe('API authentication: sessions and tokens (issue 14)', () => {
  let h: ApiHarness;
  before(async () => {
    h = await ApiHarness.start({ workers: false, env: { TRUST_PROXY: 'loopback' } });
  });
  after(async () => h?.stop());

  const member = (name: string) =>
    h.user(name, { partnership: 'wiltshire', agency: 'health', roles: ['raising-professional'] });
  const signIn = async (name: string) => sessionOf(await signInFrom(h, '192.0.2.1', name, PASSWORD));
  const withCookie = (s: { cookie: string }, extra: Record<string, string> = {}) => ({
    cookie: s.cookie,
    ...extra,
  });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const tokenOf = (name: string, expiresAt: Date | null = null) =>
    h.product.stores.tokens.create(
      h.product.stores.users.byUsername(name)!.id,
      new Date(h.clock.now()),
      expiresAt,
    );
  /** Runs a CLI command in this process against the running product's DATA_DIR. */
  const cli = async (command: typeof users, args: string[]) => {
    const io = memoryIo({ DATA_DIR: path.join(h.dir.path, 'data') });
    const code = await command(args, io);
    expect(code, io.err).to.equal(0);
    return io.out;
  };

  it('Given a session, When a change is sent with the cookie but without X-CSRF-Token (or with a wrong one), Then 403 and nothing changed', async () => {
    await member('csrf.user');
    const s = await signIn('csrf.user');
    const missing = await raw(h, 'DELETE', '/api/v1/session', withCookie(s));
    expect(missing.status).to.equal(403);
    expect(JSON.parse(missing.text)).to.include({ status: 403 });
    expect(missing.text).to.include('X-CSRF-Token');
    const wrong = await raw(
      h,
      'DELETE',
      '/api/v1/session',
      withCookie(s, { 'x-csrf-token': 'x'.repeat(43) }),
    );
    expect(wrong.status).to.equal(403);
    // The sign-out was refused: the session still works, with the same CSRF token.
    const still = await raw(h, 'GET', '/api/v1/session', withCookie(s));
    expect(still.status).to.equal(200);
    expect(JSON.parse(still.text)).to.include({ csrfToken: s.csrfToken });
  });

  it('Given a session, When GET requests are sent without X-CSRF-Token, Then they are answered (reads need no CSRF token)', async () => {
    await member('csrf.reader');
    const s = await signIn('csrf.reader');
    expect((await raw(h, 'GET', '/api/v1/partnerships', withCookie(s))).status).to.equal(200);
  });

  it('Given a session, When eight hours pass, Then it is refused (401) one second after, and not before', async () => {
    await member('eight.hours');
    const s = await signIn('eight.hours');
    await h.clock.advance(8 * HOUR - 1000);
    expect((await raw(h, 'GET', '/api/v1/session', withCookie(s))).status).to.equal(200);
    await h.clock.advance(1000);
    const expired = await raw(h, 'GET', '/api/v1/session', withCookie(s));
    expect(expired.status).to.equal(401);
    expect(expired.headers.get('content-type')).to.match(/^application\/problem\+json/);
  });

  it('Given a session, When DELETE /session is sent with its CSRF token, Then 204, the cookie is cleared and the session is over', async () => {
    await member('signs.out');
    const s = await signIn('signs.out');
    const out = await raw(h, 'DELETE', '/api/v1/session', withCookie(s, { 'x-csrf-token': s.csrfToken }));
    expect(out.status).to.equal(204);
    expect(out.headers.get('set-cookie')).to.match(/^escalations_session=; Max-Age=0;/);
    expect((await raw(h, 'GET', '/api/v1/session', withCookie(s))).status).to.equal(401);
    const again = await raw(h, 'DELETE', '/api/v1/session', withCookie(s, { 'x-csrf-token': s.csrfToken }));
    expect(again.status).to.equal(401);
  });

  it('Given a token, When it is revoked with `escalation tokens revoke` while the product runs, Then the token is 401', async () => {
    await member('revoked.token');
    const { token, id } = tokenOf('revoked.token');
    expect((await raw(h, 'GET', '/api/v1/session', bearer(token))).status).to.equal(200);
    expect(await cli(tokens, ['revoke', id])).to.equal(`Revoked token ${id} of revoked.token.\n`);
    const refused = await raw(h, 'GET', '/api/v1/session', bearer(token));
    expect(refused.status).to.equal(401);
    expect(refused.text).not.to.include(token);
  });

  it('Given a token that expires in a day, When the day has passed, Then it is 401, and a second before it was answered', async () => {
    await member('expiring.token');
    const { token } = tokenOf('expiring.token', new Date(h.clock.now() + 24 * HOUR));
    await h.clock.advance(24 * HOUR - 1000);
    expect((await raw(h, 'GET', '/api/v1/session', bearer(token))).status).to.equal(200);
    await h.clock.advance(1000);
    expect((await raw(h, 'GET', '/api/v1/session', bearer(token))).status).to.equal(401);
  });

  it('Given a user with a session and a token, When `escalation users disable` runs, Then both are 401 and sign-in is refused; enabled again, only a new sign-in works', async () => {
    await member('leaver');
    const s = await signIn('leaver');
    const { token } = tokenOf('leaver');
    expect(await cli(users, ['disable', 'leaver'])).to.equal(
      'Disabled leaver: 1 browser session ended, 1 token revoked.\n',
    );
    expect((await raw(h, 'GET', '/api/v1/session', bearer(token))).status).to.equal(401);
    expect((await raw(h, 'GET', '/api/v1/session', withCookie(s))).status).to.equal(401);
    expect((await signInFrom(h, '192.0.2.1', 'leaver', PASSWORD)).status).to.equal(401);
    await cli(users, ['enable', 'leaver']);
    // Old credentials never come back: the token stays revoked and the session stays ended.
    expect((await raw(h, 'GET', '/api/v1/session', bearer(token))).status).to.equal(401);
    expect((await raw(h, 'GET', '/api/v1/session', withCookie(s))).status).to.equal(401);
    expect((await signInFrom(h, '192.0.2.1', 'leaver', PASSWORD)).status).to.equal(200);
  });

  it('Given a user disabled in the store behind the API (no session ended, no token revoked), When their token and session are used, Then both are 401', async () => {
    await member('disabled.only');
    const s = await signIn('disabled.only');
    const { token } = tokenOf('disabled.only');
    const id = h.product.stores.users.byUsername('disabled.only')!.id;
    h.product.stores.db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(id);
    expect((await raw(h, 'GET', '/api/v1/session', bearer(token))).status).to.equal(401);
    expect((await raw(h, 'GET', '/api/v1/session', withCookie(s))).status).to.equal(401);
  });

  it('Given a Bearer token, When a change is sent without X-CSRF-Token (even beside a session cookie), Then it is not refused for CSRF', async () => {
    await member('script.user');
    const { token } = tokenOf('script.user');
    const s = await signIn('script.user');
    const who = await raw(h, 'GET', '/api/v1/session', bearer(token));
    expect(JSON.parse(who.text)).to.include({ csrfToken: null });
    const change = await raw(h, 'DELETE', '/api/v1/session', { ...bearer(token), cookie: s.cookie });
    expect(change.status).to.equal(204);
    // It acted as the token: the browser session beside it was not what signed it, and goes on.
    expect((await raw(h, 'GET', '/api/v1/session', withCookie(s))).status).to.equal(200);
  });
});
