/**
 * Signing in over real HTTP (issue 14 "Browser sessions"): ten failures lock an account for fifteen
 * minutes, attempts are limited per client address and per username (429 with Retry-After), a wrong
 * username and a wrong password are the same 401 after the same scrypt work, and the cookie is
 * HttpOnly, SameSite=Strict, and Secure when the request came over TLS. The product runs in this
 * process with the fake clock; TRUST_PROXY=loopback lets each test be its own client address.
 */
import { expect } from 'chai';
import { createHook } from 'node:async_hooks';
import { ApiHarness, PASSWORD } from './harness.js';
import { signInFrom } from './sign-in-client.js';

const MINUTE = 60_000;
const WRONG = 'not the right password';

describe('API authentication: signing in (issue 14)', () => {
  let h: ApiHarness;
  before(async () => {
    h = await ApiHarness.start({ workers: false, env: { TRUST_PROXY: 'loopback' } });
  });
  after(async () => h?.stop());

  const member = (name: string) =>
    h.user(name, {
      partnership: 'liverpool',
      agency: 'school',
      organisation: 'st-marys',
      roles: ['raising-professional'],
    });

  it('Given ten wrong passwords in a row, When the right one is given, Then 401 until fifteen minutes have passed, and then it signs in', async () => {
    await member('locked.out');
    for (let i = 0; i < 10; i += 1)
      expect((await signInFrom(h, '198.51.100.1', 'locked.out', WRONG)).status).to.equal(401);
    expect((await signInFrom(h, '198.51.100.1', 'locked.out', PASSWORD)).status).to.equal(401);
    await h.clock.advance(15 * MINUTE - 1000);
    expect((await signInFrom(h, '198.51.100.1', 'locked.out', PASSWORD)).status).to.equal(401);
    await h.clock.advance(1000);
    expect((await signInFrom(h, '198.51.100.1', 'locked.out', PASSWORD)).status).to.equal(200);
  });

  it('Given nine wrong passwords and then the right one, When nine more wrong ones follow, Then the count started again and the right one still signs in', async () => {
    await member('nine.wrong');
    for (let i = 0; i < 9; i += 1) await signInFrom(h, '198.51.100.2', 'nine.wrong', WRONG);
    expect((await signInFrom(h, '198.51.100.2', 'nine.wrong', PASSWORD)).status).to.equal(200);
    await h.clock.advance(15 * MINUTE); // past the per-username rate limit's window
    for (let i = 0; i < 9; i += 1) await signInFrom(h, '198.51.100.2', 'nine.wrong', WRONG);
    expect((await signInFrom(h, '198.51.100.2', 'nine.wrong', PASSWORD)).status).to.equal(200);
  });

  it('Given 15 attempts for one username from 15 addresses, When a 16th comes, Then 429 with Retry-After (even with the right password), and after the window it signs in', async () => {
    await member('many.tries');
    await h.clock.advance(15 * MINUTE); // a fresh window for every limiter
    for (let i = 0; i < 15; i += 1)
      expect((await signInFrom(h, `198.51.100.${10 + i}`, 'many.tries', WRONG)).status).to.not.equal(429);
    const limited = await signInFrom(h, '198.51.100.30', 'many.tries', PASSWORD);
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after')).to.equal('900');
    expect(limited.headers.get('content-type')).to.match(/^application\/problem\+json/);
    await h.clock.advance(5 * MINUTE);
    expect(
      (await signInFrom(h, '198.51.100.31', 'MANY.TRIES', PASSWORD)).headers.get('retry-after'),
    ).to.equal('600');
    await h.clock.advance(10 * MINUTE);
    // Locked by the ten failures among the fifteen, and the lock has run out: it signs in.
    expect((await signInFrom(h, '198.51.100.32', 'many.tries', PASSWORD)).status).to.equal(200);
  });

  it('Given 30 attempts from one address for 30 usernames, When a 31st comes, Then it gets 429 with Retry-After and another address is still answered', async () => {
    await h.clock.advance(15 * MINUTE);
    for (let i = 0; i < 30; i += 1)
      expect((await signInFrom(h, '203.0.113.9', `nobody-${i}`, WRONG)).status).to.equal(401);
    const limited = await signInFrom(h, '203.0.113.9', 'nobody-30', WRONG);
    expect(limited.status).to.equal(429);
    expect(Number(limited.headers.get('retry-after'))).to.equal(900);
    expect((await signInFrom(h, '203.0.113.10', 'nobody-30', WRONG)).status).to.equal(401);
  });

  it('Given a wrong username, a wrong password, a locked and a disabled account, When each signs in, Then each is the same 401 body after exactly one scrypt verification', async () => {
    await member('right.name');
    await member('now.locked');
    await member('now.disabled');
    const users = h.product.stores.users;
    for (let i = 0; i < 10; i += 1)
      users.recordFailure(users.byUsername('now.locked')!.id, new Date(h.clock.now()));
    users.setDisabled(users.byUsername('now.disabled')!.id, true, new Date(h.clock.now()));
    const answers = [];
    for (const [username, password] of [
      ['wrong.name', WRONG],
      ['right.name', WRONG],
      ['now.locked', PASSWORD],
      ['now.disabled', PASSWORD],
    ] as const) {
      const scrypts = await countScrypt(() => signInFrom(h, '192.0.2.50', username, password));
      expect(scrypts.count, `scrypt runs for ${username}`).to.equal(1);
      answers.push(scrypts.result);
    }
    expect(answers.map((a) => a.status)).to.deep.equal([401, 401, 401, 401]);
    expect(new Set(answers.map((a) => a.text)).size).to.equal(1);
    expect(new Set(answers.map((a) => a.headers.get('content-type'))).size).to.equal(1);
    expect(answers[0]!.text).not.to.match(/wrong\.name|exist|unknown/i);
  });

  it('Given a password typed into the username box, When the sign-in fails, Then the audit log keeps "unknown-user", not what was typed', async () => {
    const typed = 'my-secret-password-2026';
    const answer = await signInFrom(h, '192.0.2.55', typed, WRONG);
    expect(answer.status).to.equal(401);
    const entries = h.product.stores.db
      .prepare("SELECT * FROM audit_entries WHERE action = 'session.create' ORDER BY seq")
      .all() as { actor: string }[];
    expect(entries.at(-1)!.actor).to.equal('unknown-user');
    expect(JSON.stringify(entries)).not.to.include(typed);
  });

  it('Given a plain HTTP sign-in, When it succeeds, Then the cookie is HttpOnly, SameSite=Strict, for 8 hours, and not Secure', async () => {
    await member('cookie.plain');
    const answer = await signInFrom(h, '192.0.2.60', 'cookie.plain', PASSWORD);
    expect(answer.status).to.equal(200);
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).to.match(/^escalations_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).to.include('HttpOnly').and.include('SameSite=Strict').and.include('Max-Age=28800');
    expect(cookie).to.include('Path=/');
    expect(cookie).not.to.include('Secure');
  });

  it('Given a sign-in that reached the trusted proxy over TLS (X-Forwarded-Proto: https), When it succeeds, Then the cookie is Secure as well', async () => {
    await member('cookie.tls');
    const answer = await signInFrom(h, '192.0.2.61', 'cookie.tls', PASSWORD, {
      'x-forwarded-proto': 'https',
    });
    expect(answer.status).to.equal(200);
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).to.include('Secure').and.include('HttpOnly').and.include('SameSite=Strict');
  });
});

/** Runs `action` and counts the scrypt computations started meanwhile (Node's SCRYPTREQUEST resources). */
async function countScrypt<T>(action: () => Promise<T>): Promise<{ count: number; result: T }> {
  let count = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'SCRYPTREQUEST') count += 1;
    },
  }).enable();
  try {
    const result = await action();
    return { count, result };
  } finally {
    hook.disable();
  }
}
