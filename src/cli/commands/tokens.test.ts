/**
 * `escalation tokens` (issue 14 "Personal access tokens") on a real DATA_DIR: the token alone on
 * stdout, only its hash stored, expiry in days, a list that never shows a secret, revocation, and
 * mistakes as one line naming the argument (exit 2).
 */
import { expect } from 'chai';
import type { Database as Db } from 'better-sqlite3';
import { openAppDatabase } from '../../store/app-database.js';
import { dataFiles } from '../../store/data-files.js';
import { UserStore } from '../../identity/user-store.js';
import { TokenStore } from '../../identity/token-store.js';
import { memoryIo } from '../memory-io.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { run as tokens } from './tokens.js';

const TOKEN = /^esc_([0-9a-f]{12})_[A-Za-z0-9_-]{32}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

describe('CLI: escalation tokens (issue 14)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('cli-tokens');
    const db = openAppDatabase(dataFiles(dir.path).app);
    const membership = {
      partnership: 'northamptonshire',
      agency: 'health',
      organisation: null,
      organisationName: null,
      roles: ['raising-professional'],
      reports: false,
      processOwner: false,
    };
    const users = new UserStore(db);
    users.create(
      { username: 'sam', email: 'sam@x.example.org', passwordHash: 'x', admin: false },
      membership,
      new Date(),
    );
    const left = users.create(
      { username: 'left', email: 'l@x.example.org', passwordHash: 'x', admin: false },
      membership,
      new Date(),
    );
    users.setDisabled(left, true, new Date());
    db.close();
  });
  afterEach(() => dir.remove());

  function withDb<T>(use: (db: Db, tokens: TokenStore) => T): T {
    const db = openAppDatabase(dataFiles(dir.path).app);
    try {
      return use(db, new TokenStore(db));
    } finally {
      db.close();
    }
  }
  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = memoryIo({ DATA_DIR: dir.path });
    const code = await tokens(args, io);
    return { code, out: io.out, err: io.err };
  }

  it('Given a user, When a token is created for 90 days, Then stdout is the token alone, it verifies, only its hash is stored, and the creation is audited', async () => {
    const before = Date.now();
    const created = await run(['create', 'sam', '--expires', '90']);
    expect(created.code).to.equal(0);
    expect(created.out).to.match(/^esc_[0-9a-f]{12}_[A-Za-z0-9_-]{32}\n$/);
    const token = created.out.trimEnd();
    const id = TOKEN.exec(token)![1]!;
    expect(created.err).to.match(
      new RegExp(`^Token ${id} for sam, expires \\d{4}-.*It is not shown again\\.\\n$`),
    );
    const stored = withDb((db, store) => ({
      info: store.verify(token, new Date()),
      rows: JSON.stringify(db.prepare('SELECT * FROM tokens').all()),
      audit: db.prepare('SELECT action, target, source FROM audit_entries').all(),
    }));
    expect(stored.info).to.deep.include({ id, revokedAt: null });
    const lifetime = Date.parse(stored.info!.expiresAt!) - Date.parse(stored.info!.createdAt);
    expect(lifetime).to.equal(90 * DAY_MS);
    expect(Date.parse(stored.info!.createdAt)).to.be.at.least(before);
    expect(stored.rows).not.to.include(token.slice(17));
    expect(stored.audit).to.deep.equal([
      { action: 'token.create', target: `token:${id}:sam`, source: 'cli' },
    ]);
  });

  it('Given tokens active, revoked and without expiry, When listed, Then ids, dates and states are shown and never a secret', async () => {
    const first = (await run(['create', 'sam'])).out.trimEnd();
    const second = (await run(['create', 'sam', '--expires', '1'])).out.trimEnd();
    const [firstId, secondId] = [first, second].map((t) => TOKEN.exec(t)![1]!);
    expect(await run(['revoke', firstId!])).to.deep.equal({
      code: 0,
      out: `Revoked token ${firstId} of sam.\n`,
      err: '',
    });
    const listed = await run(['list', 'sam']);
    expect(listed.code).to.equal(0);
    const lines = listed.out.trimEnd().split('\n');
    expect(lines).to.have.length(2);
    expect(lines[0]).to.match(new RegExp(`^${firstId} {2}created \\S+ {2}expires never {2}revoked \\S+$`));
    expect(lines[1]).to.match(new RegExp(`^${secondId} {2}created \\S+ {2}expires \\S+ {2}active$`));
    const json = JSON.parse((await run(['list', 'sam', '--json'])).out) as Record<string, unknown>[];
    expect(json.map((t) => t.state)).to.deep.equal([`revoked ${String(json[0]!.revokedAt)}`, 'active']);
    for (const out of [listed.out, JSON.stringify(json)])
      for (const token of [first, second]) expect(out).not.to.include(token.slice(17));
    expect((await run(['list', 'left'])).out).to.equal('No tokens for left.\n');
  });

  it('Given a revoked token, When revoked again, Then exit 0 says it already was, and only the first revocation is audited', async () => {
    const id = TOKEN.exec((await run(['create', 'sam'])).out.trimEnd())![1]!;
    await run(['revoke', id]);
    expect(await run(['revoke', id])).to.deep.equal({
      code: 0,
      out: `Token ${id} of sam was already revoked.\n`,
      err: '',
    });
    expect(withDb((db) => db.prepare('SELECT action FROM audit_entries').pluck().all())).to.deep.equal([
      'token.create',
      'token.revoke',
    ]);
  });

  const refused: [string, string[], string][] = [
    ['a disabled user', ['create', 'left'], '<username>: left is disabled (users enable first)'],
    ['no such user', ['create', 'nobody'], '<username>: no user "nobody" (see users list)'],
    ['zero days', ['create', 'sam', '--expires', '0'], '--expires: a whole number of days from 1 to 3650'],
    [
      'days that are not a number',
      ['create', 'sam', '--expires', '1.5'],
      '--expires: a whole number of days from 1 to 3650',
    ],
    ['--expires on list', ['list', 'sam', '--expires', '3'], '--expires does not apply to tokens list'],
    [
      'the whole token to revoke',
      ['revoke', 'esc_0123456789ab_secret'],
      "<token-id>: give the token's id (tokens list shows it), not the token",
    ],
    [
      'a malformed token id',
      ['revoke', 'xyz'],
      '<token-id>: a token id of 12 hexadecimal digits (tokens list shows it)',
    ],
    ['an unknown token id', ['revoke', '0123456789ab'], '<token-id>: no token "0123456789ab"'],
    ['no action', [], 'give one of create, list, revoke'],
    ['an extra argument', ['list', 'sam', 'bob'], 'unexpected argument "bob"'],
  ];
  for (const [what, args, message] of refused) {
    it(`Given ${what}, When tokens runs, Then exit 2 with "${message}" and no token is written`, async () => {
      expect(await run(args)).to.deep.equal({ code: 2, out: '', err: `escalation tokens: ${message}\n` });
      expect(withDb((db) => db.prepare('SELECT COUNT(*) FROM tokens').pluck().get())).to.equal(0);
    });
  }
});
