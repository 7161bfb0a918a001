import { parseCommandArgs, reportBadInput } from '../args.js';
import { AppDataUnavailable, openIdentityData, type IdentityData } from '../app-data.js';
import { EXIT_OK, type CliIo } from '../io.js';
import {
  BadOption,
  checkEmail,
  checkPassword,
  checkUsername,
  describeMembership,
  MEMBERSHIP_OPTIONS,
  membershipFrom,
  partnershipOf,
  rolesOf,
} from '../identity-options.js';
import { hashPassword } from '../../identity/passwords.js';
import type { Membership } from '../../identity/principal.js';
import type { UserRow } from '../../identity/user-store.js';

const HELP = `Usage: escalation users add <username> --email <address> --partnership <id> [--agency <id>]
           [--organisation <id> [--organisation-name <name>]] --roles <role,role…>
           [--reports] [--process-owner] [--admin] --password-stdin
       escalation users grant <username> --partnership <id> [--agency <id>] [--organisation <id>
           [--organisation-name <name>]] --roles <role,role…> [--reports] [--process-owner] [--admin]
       escalation users set-roles <username> --partnership <id> --roles <role,role…>
       escalation users set-password <username> --password-stdin
       escalation users disable <username>
       escalation users enable <username>
       escalation users list [--partnership <id>] [--json]

add           a user with one membership: their organisation within an agency of the partnership
              (--agency, --organisation), or the partnership itself (no --agency), and their roles
              there (roles.json). --reports, --process-owner: permissions in that partnership;
              --admin: manages users. The password (12 characters or more) is read from stdin.
grant         another membership (or replaces the one the user has in that partnership).
set-roles     replaces the roles of one membership.
set-password  a new password from stdin; lifts a lockout and ends the user's browser sessions.
disable       the user can no longer sign in: their sessions end and their tokens are revoked.
enable        the user can sign in again (and a lockout is lifted); old tokens stay revoked.
list          users, their memberships and state; never a password hash.
Reads DATA_DIR (default ./data); works while the server runs. Every change is in the audit log.
Exit codes: 0 done, 1 a failure, 2 bad usage or input (one line naming the option).
`;

const OPTIONS = {
  ...MEMBERSHIP_OPTIONS,
  email: { type: 'string' },
  admin: { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean;
};

const MEMBERSHIP = Object.keys(MEMBERSHIP_OPTIONS);
/** The options each action takes; any other is refused by name. */
const ALLOWED: Record<string, readonly string[]> = {
  add: [...MEMBERSHIP, 'email', 'admin', 'password-stdin'],
  grant: [...MEMBERSHIP, 'admin'],
  'set-roles': ['partnership', 'roles'],
  'set-password': ['password-stdin'],
  disable: [],
  enable: [],
  list: ['partnership', 'json'],
};

/** `escalation users add|grant|set-roles|set-password|disable|enable|list`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'users', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const values = args.values as Values;
  const [action, ...rest] = args.positionals;
  const allowed = action === undefined ? undefined : ALLOWED[action];
  if (!allowed || !Object.hasOwn(ALLOWED, action!))
    return reportBadInput(io, 'users', `give one of ${Object.keys(ALLOWED).join(', ')}`);
  const extra = rest.slice(action === 'list' ? 0 : 1);
  if (extra.length > 0) return reportBadInput(io, 'users', `unexpected argument ${JSON.stringify(extra[0])}`);
  const misplaced = Object.keys(values).find((o) => o !== 'help' && !allowed.includes(o));
  if (misplaced) return reportBadInput(io, 'users', `--${misplaced} does not apply to users ${action}`);
  try {
    const prepared = await prepare(action!, rest[0], values, io);
    const data = openIdentityData(io);
    try {
      // The change and its audit entry are one transaction: both or neither.
      io.stdout(data.db.transaction(() => act(prepared, data))());
      return EXIT_OK;
    } finally {
      data.close();
    }
  } catch (error) {
    if (error instanceof BadOption || error instanceof AppDataUnavailable)
      return reportBadInput(io, 'users', error.message);
    throw error;
  }
}

/** Everything checked before the data directory is opened; the password already hashed. */
interface Prepared {
  action: string;
  username: string;
  values: Values;
  membership?: Membership;
  passwordHash?: string;
}

async function prepare(
  action: string,
  name: string | undefined,
  values: Values,
  io: CliIo,
): Promise<Prepared> {
  if (action === 'list') {
    if (values.partnership !== undefined) partnershipOf(values.partnership);
    return { action, username: '', values };
  }
  const username = checkUsername(name);
  const prepared: Prepared = { action, username, values };
  if (action === 'add') checkEmail(values.email);
  if (action === 'add' || action === 'grant') prepared.membership = membershipFrom(values);
  if (action === 'set-roles') partnershipOf(values.partnership);
  if (action === 'add' || action === 'set-password') {
    if (!values['password-stdin'])
      throw new BadOption(
        '--password-stdin',
        'give it and the password on standard input (never as an argument)',
      );
    prepared.passwordHash = await hashPassword(checkPassword(await io.readStdin()));
  }
  return prepared;
}

/** Does the action; returns what to print. */
function act(p: Prepared, data: IdentityData): string {
  if (p.action === 'list') return list(data, p.values);
  if (p.action === 'add') return add(data, p);
  const user = data.users.byUsername(p.username);
  if (!user) throw new BadOption('<username>', `no user "${p.username}" (see users list)`);
  const now = new Date();
  switch (p.action) {
    case 'grant': {
      const had = data.users.memberships(user.id).some((m) => m.partnership === p.membership!.partnership);
      data.users.putMembership(user.id, p.membership!);
      if (p.values.admin) data.users.setAdmin(user.id, true, now);
      audit(data, 'user.grant', user.username);
      return `${had ? 'Replaced' : 'Added'} ${user.username}'s membership: ${describeMembership(p.membership!)}${p.values.admin ? ' (and admin)' : ''}\n`;
    }
    case 'set-roles':
      return setRoles(data, user, p.values);
    case 'set-password': {
      const ended = data.users.setPassword(user.id, p.passwordHash!, now);
      audit(data, 'user.set-password', user.username);
      return `Set ${user.username}'s password; ${plural(ended, 'browser session')} ended.\n`;
    }
    default:
      return setDisabled(data, user, p.action === 'disable');
  }
}

function add(data: IdentityData, p: Prepared): string {
  if (data.users.byUsername(p.username))
    throw new BadOption('<username>', `"${p.username}" already exists (users grant adds a membership)`);
  data.users.create(
    {
      username: p.username,
      email: checkEmail(p.values.email),
      passwordHash: p.passwordHash!,
      admin: p.values.admin === true,
    },
    p.membership!,
    new Date(),
  );
  audit(data, 'user.add', p.username);
  return `Added ${p.username}${p.values.admin ? ' (admin)' : ''}: ${describeMembership(p.membership!)}\n`;
}

function setRoles(data: IdentityData, user: UserRow, values: Values): string {
  const current = data.users.memberships(user.id).find((m) => m.partnership === values.partnership);
  if (!current)
    throw new BadOption(
      '--partnership',
      `${user.username} has no membership of ${values.partnership} (users grant adds one)`,
    );
  const updated = {
    ...current,
    roles: rolesOf(partnershipOf(values.partnership), values.roles, current.agency),
  };
  data.users.putMembership(user.id, updated);
  audit(data, 'user.set-roles', user.username);
  return `Set ${user.username}'s roles: ${describeMembership(updated)}\n`;
}

function setDisabled(data: IdentityData, user: UserRow, disabled: boolean): string {
  const now = new Date();
  const ended = data.users.setDisabled(user.id, disabled, now);
  // An administrator enabling someone means "let them in again": a lockout is lifted too.
  if (!disabled) data.users.recordSuccess(user.id);
  audit(data, disabled ? 'user.disable' : 'user.enable', user.username);
  return disabled
    ? `Disabled ${user.username}: ${plural(ended.sessionsEnded, 'browser session')} ended, ${plural(ended.tokensRevoked, 'token')} revoked.\n`
    : `Enabled ${user.username}.\n`;
}

function list(data: IdentityData, values: Values): string {
  const now = new Date().toISOString();
  const users = data.users
    .list()
    .map((u) => ({
      username: u.username,
      email: u.email,
      admin: u.admin,
      disabled: u.disabled,
      lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil : null,
      memberships: data.users
        .memberships(u.id)
        .filter((m) => values.partnership === undefined || m.partnership === values.partnership),
    }))
    .filter((u) => values.partnership === undefined || u.memberships.length > 0);
  if (values.json) return `${JSON.stringify(users, null, 2)}\n`;
  if (users.length === 0) return 'No users.\n';
  return users
    .map((u) => {
      const state = u.disabled ? 'disabled' : u.lockedUntil ? `locked until ${u.lockedUntil}` : 'active';
      const lines = u.memberships.map((m) => `  ${describeMembership(m)}\n`);
      return `${u.username}  ${u.email}  ${state}${u.admin ? ', admin' : ''}\n${lines.join('')}`;
    })
    .join('');
}

function audit(data: IdentityData, action: string, username: string): void {
  data.audit.append({
    actor: data.actor,
    action,
    target: `user:${username}`,
    escalationId: null,
    outcome: 'ok',
    source: 'cli',
    at: new Date(),
  });
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
