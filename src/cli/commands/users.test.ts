/**
 * `escalation users` (issue 14 "Identity") on a real DATA_DIR: users and memberships checked against
 * processes/<id>/partnership.json and roles.json, passwords from stdin only, disabling ends sessions
 * and revokes tokens, every change audited, and a mistake is one line naming the option (exit 2)
 * with nothing written.
 */
import { expect } from 'chai';
import path from 'node:path';
import { userInfo } from 'node:os';
import type { Database as Db } from 'better-sqlite3';
import { openAppDatabase } from '../../store/app-database.js';
import { dataFiles } from '../../store/data-files.js';
import { UserStore } from '../../identity/user-store.js';
import { TokenStore } from '../../identity/token-store.js';
import { SessionStore } from '../../identity/session-store.js';
import { verifyPassword } from '../../identity/passwords.js';
import { memoryIo } from '../memory-io.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { run as users } from './users.js';

const PASSWORD = 'correct horse battery staple';
const SAM = [
  'add',
  'sam',
  '--email',
  'sam@school.example.org',
  '--partnership',
  'liverpool',
  '--agency',
  'school',
  '--organisation',
  'st-marys',
  '--organisation-name',
  "St Mary's Primary",
  '--roles',
  'raising-professional,line-manager',
  '--password-stdin',
];

interface Stores {
  db: Db;
  users: UserStore;
  tokens: TokenStore;
  sessions: SessionStore;
}

describe('CLI: escalation users (issue 14)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('cli-users');
    openAppDatabase(dataFiles(dir.path).app).close();
  });
  afterEach(() => dir.remove());

  async function ok(args: string[], stdin = ''): Promise<string> {
    const io = memoryIo({ DATA_DIR: dir.path }, stdin);
    expect(await users(args, io), io.err).to.equal(0);
    expect(io.err).to.equal('');
    return io.out;
  }
  function stores<T>(use: (s: Stores) => T): T {
    const db = openAppDatabase(dataFiles(dir.path).app);
    try {
      return use({
        db,
        users: new UserStore(db),
        tokens: new TokenStore(db),
        sessions: new SessionStore(db),
      });
    } finally {
      db.close();
    }
  }
  const auditTrail = () =>
    stores((s) =>
      s.db.prepare('SELECT actor, action, target, outcome, source FROM audit_entries ORDER BY seq').all(),
    ) as { actor: string; action: string; target: string; outcome: string; source: string }[];
  const samId = () => stores((s) => s.users.byUsername('sam')!.id);

  it('Given a new user with a password on stdin, When added, Then the membership is stored as given, the password verifies (final newline dropped) and the addition is audited', async () => {
    expect(await ok(SAM, `${PASSWORD}\n`)).to.equal(
      "Added sam: liverpool: school st-marys (St Mary's Primary); roles raising-professional, line-manager\n",
    );
    const user = stores((s) => ({
      ...s.users.byUsername('sam')!,
      memberships: s.users.memberships(samId()),
    }));
    expect(user).to.deep.include({ email: 'sam@school.example.org', admin: false, disabled: false });
    expect(user.memberships).to.deep.equal([
      {
        partnership: 'liverpool',
        agency: 'school',
        organisation: 'st-marys',
        organisationName: "St Mary's Primary",
        roles: ['raising-professional', 'line-manager'],
        reports: false,
        processOwner: false,
      },
    ]);
    expect(await verifyPassword(PASSWORD, user.passwordHash)).to.equal(true);
    expect(auditTrail()).to.deep.equal([
      {
        actor: `cli:${userInfo().username}`,
        action: 'user.add',
        target: 'user:sam',
        outcome: 'ok',
        source: 'cli',
      },
    ]);
  });

  it("Given the partnership's own staff (no --agency) with a partnership role and permissions, When added as admin, Then the membership is the partnership itself", async () => {
    const out = await ok(
      [
        'add',
        'bea',
        '--email',
        'bea@lscb.example.org',
        '--partnership',
        'liverpool',
        '--roles',
        'lscb-business-manager',
        '--reports',
        '--process-owner',
        '--admin',
        '--password-stdin',
      ],
      PASSWORD,
    );
    expect(out).to.equal(
      'Added bea (admin): liverpool: the partnership itself; roles lscb-business-manager; reports, process-owner\n',
    );
    const bea = stores((s) => {
      const u = s.users.byUsername('bea')!;
      return { admin: u.admin, memberships: s.users.memberships(u.id) };
    });
    expect(bea.admin).to.equal(true);
    expect(bea.memberships[0]).to.deep.include({
      agency: null,
      organisation: null,
      reports: true,
      processOwner: true,
    });
  });

  /** SAM's arguments with some changed (or added): `<username>` is the positional. */
  function variant(change: Record<string, string | true>): string[] {
    const args = [...SAM];
    for (const [name, value] of Object.entries(change)) {
      const at = name === '<username>' ? 0 : args.indexOf(name);
      if (at >= 0) args[at + 1] = value as string;
      else args.push(name, ...(value === true ? [] : [value]));
    }
    return args;
  }

  const refused: [string, Record<string, string | true>, string, RegExp][] = [
    [
      'an unknown partnership',
      { '--partnership': 'liverpol' },
      PASSWORD,
      /^escalation users: --partnership: unknown partnership "liverpol"; one of east-riding, liverpool/,
    ],
    [
      'an empty partnership',
      { '--partnership': '' },
      PASSWORD,
      /^escalation users: --partnership: give one of /,
    ],
    [
      'an unknown agency',
      { '--agency': 'scool' },
      PASSWORD,
      /^escalation users: --agency: unknown agency "scool" in liverpool; one of school, health/,
    ],
    [
      'an unknown role',
      { '--roles': 'raising-professional,chair' },
      PASSWORD,
      /^escalation users: --roles: unknown role "chair" in liverpool; one of raising-professional/,
    ],
    [
      'no role',
      { '--roles': ' , ' },
      PASSWORD,
      /^escalation users: --roles: give one or more of liverpool's roles/,
    ],
    [
      'a role one other agency holds',
      { '--roles': 'independent-reviewing-officer' },
      PASSWORD,
      /^escalation users: --roles: independent-reviewing-officer is held in childrens-services only/,
    ],
    [
      'an organisation id that is not kebab-case',
      { '--organisation': "St Mary's" },
      PASSWORD,
      /^escalation users: --organisation: an organisation id in kebab-case/,
    ],
    [
      'a bad email address',
      { '--email': 'sam@school' },
      PASSWORD,
      /^escalation users: --email: an email address such as/,
    ],
    [
      'a username with capitals',
      { '<username>': 'Sam' },
      PASSWORD,
      /^escalation users: <username>: a username of 2 to 64 lower-case letters/,
    ],
    [
      'an 11-character password',
      {},
      '12345678901\n',
      /^escalation users: --password-stdin: a password has at least 12 characters/,
    ],
    [
      'a password of two lines',
      {},
      `${PASSWORD}\nsecond line\n`,
      /^escalation users: --password-stdin: the password is one line/,
    ],
    [
      'an option of another action',
      { '--json': true },
      PASSWORD,
      /^escalation users: --json does not apply to users add/,
    ],
    ['an unknown option', { '--colour': true }, PASSWORD, /^escalation users: Unknown option '--colour'/],
  ];
  for (const [what, change, stdin, message] of refused) {
    it(`Given ${what}, When users add runs, Then exit 2 with one line naming it, and no user is written`, async () => {
      const io = memoryIo({ DATA_DIR: dir.path }, stdin);
      expect(await users(variant(change), io)).to.equal(2);
      expect(io.out).to.equal('');
      expect(io.err).to.match(message);
      expect(io.err.trimEnd().split('\n')).to.have.length(1);
      expect(stores((s) => s.users.list())).to.deep.equal([]);
    });
  }

  it('Given no --password-stdin, or agency-scope roles without an agency, or an organisation without an agency, When users add runs, Then each is refused by name', async () => {
    const cases: [string[], RegExp][] = [
      [
        SAM.filter((a) => a !== '--password-stdin'),
        /--password-stdin: give it and the password on standard input/,
      ],
      [
        SAM.slice(0, 6).concat('--roles', 'line-manager', '--password-stdin'),
        /--roles: line-manager is held within an agency: give --agency/,
      ],
      [
        [
          'add',
          'x1',
          '--email',
          'x@y.org',
          '--partnership',
          'liverpool',
          '--organisation',
          'st-marys',
          '--roles',
          'lscb-team',
          '--password-stdin',
        ],
        /--organisation: an organisation is within an agency/,
      ],
      [
        [
          'add',
          'x1',
          '--email',
          'x@y.org',
          '--partnership',
          'liverpool',
          '--agency',
          'school',
          '--organisation-name',
          'X',
          '--roles',
          'line-manager',
          '--password-stdin',
        ],
        /--organisation-name: names the --organisation/,
      ],
    ];
    for (const [args, message] of cases) {
      const io = memoryIo({ DATA_DIR: dir.path }, PASSWORD);
      expect(await users(args, io), args.join(' ')).to.equal(2);
      expect(io.err).to.match(message);
    }
    expect(stores((s) => s.users.list())).to.deep.equal([]);
  });

  it('Given an existing user, When added again, Then exit 2 says so and the first stays as it was', async () => {
    await ok(SAM, PASSWORD);
    const io = memoryIo({ DATA_DIR: dir.path }, 'another good password');
    expect(await users(SAM, io)).to.equal(2);
    expect(io.err).to.equal(
      'escalation users: <username>: "sam" already exists (users grant adds a membership)\n',
    );
    expect(
      await verifyPassword(
        PASSWORD,
        stores((s) => s.users.byUsername('sam')!.passwordHash),
      ),
    ).to.equal(true);
  });

  it('Given a user, When granted a second partnership and then that membership replaced with --admin, Then both memberships are listed and the user is admin', async () => {
    await ok(SAM, PASSWORD);
    expect(
      await ok([
        'grant',
        'sam',
        '--partnership',
        'wiltshire',
        '--agency',
        'health',
        '--roles',
        'raising-professional',
      ]),
    ).to.equal("Added sam's membership: wiltshire: health (the whole agency); roles raising-professional\n");
    expect(
      await ok([
        'grant',
        'sam',
        '--partnership',
        'wiltshire',
        '--agency',
        'health',
        '--organisation',
        'nhs-trust',
        '--roles',
        'line-manager',
        '--admin',
      ]),
    ).to.equal("Replaced sam's membership: wiltshire: health nhs-trust; roles line-manager (and admin)\n");
    expect(await ok(['list'])).to.equal(
      "sam  sam@school.example.org  active, admin\n  liverpool: school st-marys (St Mary's Primary); roles raising-professional, line-manager\n  wiltshire: health nhs-trust; roles line-manager\n",
    );
    expect(await ok(['list', '--partnership', 'east-riding'])).to.equal('No users.\n');
    const json = JSON.parse(await ok(['list', '--json', '--partnership', 'wiltshire'])) as Record<
      string,
      unknown
    >[];
    expect(json).to.have.length(1);
    expect(json[0]).to.have.keys('username', 'email', 'admin', 'disabled', 'lockedUntil', 'memberships');
    expect(JSON.stringify(json)).not.to.match(/scrypt|password/i);
    expect(auditTrail().map((e) => e.action)).to.deep.equal(['user.add', 'user.grant', 'user.grant']);
  });

  it('Given a membership, When set-roles replaces its roles, Then only the roles change; for a partnership without a membership exit 2', async () => {
    await ok(SAM, PASSWORD);
    expect(
      await ok(['set-roles', 'sam', '--partnership', 'liverpool', '--roles', 'designated-safeguarding-lead']),
    ).to.equal(
      "Set sam's roles: liverpool: school st-marys (St Mary's Primary); roles designated-safeguarding-lead\n",
    );
    const io = memoryIo({ DATA_DIR: dir.path });
    expect(
      await users(['set-roles', 'sam', '--partnership', 'wiltshire', '--roles', 'line-manager'], io),
    ).to.equal(2);
    expect(io.err).to.equal(
      'escalation users: --partnership: sam has no membership of wiltshire (users grant adds one)\n',
    );
    const unknown = memoryIo({ DATA_DIR: dir.path });
    expect(
      await users(['set-roles', 'sam', '--partnership', 'liverpool', '--roles', 'qap-chair'], unknown),
    ).to.equal(2);
    expect(unknown.err).to.match(/^escalation users: --roles: unknown role "qap-chair" in liverpool/);
  });

  it('Given a locked-out user with a session, When set-password runs, Then the new password verifies, the old does not, the lock is lifted and the session ended', async () => {
    await ok(SAM, PASSWORD);
    stores((s) => {
      for (let i = 0; i < 10; i += 1) s.users.recordFailure(samId(), new Date());
      s.sessions.create(samId(), new Date());
    });
    expect(await ok(['list'])).to.match(/^sam {2}sam@school\.example\.org {2}locked until \d{4}-\d\d-\d\dT/);
    expect(await ok(['set-password', 'sam', '--password-stdin'], 'a different long password\n')).to.equal(
      "Set sam's password; 1 browser session ended.\n",
    );
    const after = stores((s) => s.users.byUsername('sam')!);
    expect(await verifyPassword('a different long password', after.passwordHash)).to.equal(true);
    expect(await verifyPassword(PASSWORD, after.passwordHash)).to.equal(false);
    expect(after.lockedUntil).to.equal(null);
    expect(stores((s) => s.db.prepare('SELECT COUNT(*) AS n FROM sessions').get())).to.deep.equal({ n: 0 });
  });

  it('Given a user with two sessions and two tokens (one already revoked), When disabled and enabled, Then sessions end, live tokens are revoked and stay revoked, and each step is audited', async () => {
    await ok(SAM, PASSWORD);
    const tokens = stores((s) => {
      s.sessions.create(samId(), new Date());
      s.sessions.create(samId(), new Date());
      const kept = s.tokens.create(samId(), new Date(), null);
      const gone = s.tokens.create(samId(), new Date(), null);
      s.tokens.revoke(gone.id, new Date());
      return [kept.token, gone.token];
    });
    expect(await ok(['disable', 'sam'])).to.equal(
      'Disabled sam: 2 browser sessions ended, 1 token revoked.\n',
    );
    expect(await ok(['list'])).to.match(/^sam {2}sam@school\.example\.org {2}disabled\n/);
    expect(await ok(['enable', 'sam'])).to.equal('Enabled sam.\n');
    expect(stores((s) => tokens.map((t) => s.tokens.verify(t, new Date())))).to.deep.equal([
      undefined,
      undefined,
    ]);
    expect(stores((s) => s.users.byUsername('sam')!.disabled)).to.equal(false);
    expect(auditTrail().map((e) => `${e.action} ${e.target}`)).to.deep.equal([
      'user.add user:sam',
      'user.disable user:sam',
      'user.enable user:sam',
    ]);
  });

  it('Given no such user, no action or an extra argument, When run, Then exit 2 with one line', async () => {
    const cases: [string[], string][] = [
      [['disable', 'nobody'], 'escalation users: <username>: no user "nobody" (see users list)\n'],
      [[], 'escalation users: give one of add, grant, set-roles, set-password, disable, enable, list\n'],
      [
        ['remove', 'sam'],
        'escalation users: give one of add, grant, set-roles, set-password, disable, enable, list\n',
      ],
      [['list', 'sam'], 'escalation users: unexpected argument "sam"\n'],
      [['enable', 'sam', 'bob'], 'escalation users: unexpected argument "bob"\n'],
      [['disable', 'sam', '--roles', 'x'], 'escalation users: --roles does not apply to users disable\n'],
      [
        ['list', '--partnership', 'nowhere'],
        'escalation users: --partnership: unknown partnership "nowhere"; one of east-riding, liverpool, northamptonshire, safeguarding-unit, wiltshire\n',
      ],
    ];
    for (const [args, message] of cases) {
      const io = memoryIo({ DATA_DIR: dir.path });
      expect(await users(args, io), args.join(' ')).to.equal(2);
      expect(io.err).to.equal(message);
    }
    const none = memoryIo({ DATA_DIR: path.join(dir.path, 'nothing') });
    expect(await users(['list'], none)).to.equal(2);
    expect(none.err).to.match(/^escalation users: no application data in .*nothing \(set DATA_DIR/);
  });
});
