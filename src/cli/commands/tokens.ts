import { parseCommandArgs, reportBadInput } from '../args.js';
import { AppDataUnavailable, openIdentityData, type IdentityData } from '../app-data.js';
import { EXIT_OK, type CliIo } from '../io.js';
import { BadOption, checkUsername } from '../identity-options.js';
import type { TokenInfo } from '../../identity/token-store.js';

const HELP = `Usage: escalation tokens create <username> [--expires <days>]
       escalation tokens list <username> [--json]
       escalation tokens revoke <token-id>

create  a personal access token for the user, printed alone on stdout (only a hash is kept, so it is
        shown once): TOKEN=$(npx escalation tokens create sam --expires 90). Send it as
        "Authorization: Bearer $TOKEN". Without --expires it lasts until revoked.
list    the user's tokens: id, created, expires and state; never the token itself.
revoke  ends a token at once (its id is the part after "esc_", as tokens list shows it).
Reads DATA_DIR (default ./data); works while the server runs. Creating and revoking are audited.
Exit codes: 0 done, 1 a failure, 2 bad usage or input (one line naming the option).
`;

const OPTIONS = {
  expires: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DAYS = 3650;

/** `escalation tokens create|list|revoke`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'tokens', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const [action, subject, ...extra] = args.positionals;
  if (action !== 'create' && action !== 'list' && action !== 'revoke')
    return reportBadInput(io, 'tokens', 'give one of create, list, revoke');
  if (extra.length > 0)
    return reportBadInput(io, 'tokens', `unexpected argument ${JSON.stringify(extra[0])}`);
  if (args.values.expires !== undefined && action !== 'create')
    return reportBadInput(io, 'tokens', `--expires does not apply to tokens ${action}`);
  if (args.values.json !== undefined && action !== 'list')
    return reportBadInput(io, 'tokens', `--json does not apply to tokens ${action}`);
  try {
    const days = action === 'create' ? expiryDays(args.values.expires) : null;
    const target = action === 'revoke' ? tokenId(subject) : checkUsername(subject);
    const data = openIdentityData(io);
    try {
      if (action === 'create') return create(data, io, target, days);
      if (action === 'list') return list(data, io, target, args.values.json === true);
      return revoke(data, io, target);
    } finally {
      data.close();
    }
  } catch (error) {
    if (error instanceof BadOption || error instanceof AppDataUnavailable)
      return reportBadInput(io, 'tokens', error.message);
    throw error;
  }
}

function expiryDays(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d{1,4}$/.test(text) || Number(text) < 1 || Number(text) > MAX_DAYS)
    throw new BadOption('--expires', `a whole number of days from 1 to ${MAX_DAYS}`);
  return Number(text);
}

function tokenId(text: string | undefined): string {
  // A whole token pasted here would also sit in the shell's history: refuse it and say what to give.
  if (text?.startsWith('esc_'))
    throw new BadOption('<token-id>', "give the token's id (tokens list shows it), not the token");
  if (!text || !/^[0-9a-f]{12}$/.test(text))
    throw new BadOption('<token-id>', 'a token id of 12 hexadecimal digits (tokens list shows it)');
  return text;
}

function userOf(data: IdentityData, username: string) {
  const user = data.users.byUsername(username);
  if (!user) throw new BadOption('<username>', `no user "${username}" (see users list)`);
  return user;
}

function create(data: IdentityData, io: CliIo, username: string, days: number | null): number {
  const user = userOf(data, username);
  if (user.disabled) throw new BadOption('<username>', `${user.username} is disabled (users enable first)`);
  const now = new Date();
  const expiresAt = days === null ? null : new Date(now.getTime() + days * DAY_MS);
  const created = data.db.transaction(() => {
    const token = data.tokens.create(user.id, now, expiresAt);
    audit(data, 'token.create', token.id, user.username);
    return token;
  })();
  // stdout carries the token alone, so TOKEN=$(npx escalation tokens create …) captures just it.
  io.stdout(`${created.token}\n`);
  io.stderr(
    `Token ${created.id} for ${user.username}, expires ${expiresAt?.toISOString() ?? 'never (until revoked)'}. It is not shown again.\n`,
  );
  return EXIT_OK;
}

/** A token's state now: active, expired or revoked. */
function stateOf(t: TokenInfo, now: string): string {
  if (t.revokedAt) return `revoked ${t.revokedAt}`;
  if (t.expiresAt && t.expiresAt <= now) return 'expired';
  return 'active';
}

function list(data: IdentityData, io: CliIo, username: string, json: boolean): number {
  const user = userOf(data, username);
  const now = new Date().toISOString();
  const tokens = data.tokens.forUser(user.id).map((t) => ({
    id: t.id,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    state: stateOf(t, now),
  }));
  if (json) io.stdout(`${JSON.stringify(tokens, null, 2)}\n`);
  else if (tokens.length === 0) io.stdout(`No tokens for ${user.username}.\n`);
  else
    for (const t of tokens)
      io.stdout(`${t.id}  created ${t.createdAt}  expires ${t.expiresAt ?? 'never'}  ${t.state}\n`);
  return EXIT_OK;
}

function revoke(data: IdentityData, io: CliIo, id: string): number {
  const token = data.tokens.byId(id);
  if (!token) throw new BadOption('<token-id>', `no token "${id}"`);
  const username = data.users.byId(token.userId)?.username ?? String(token.userId);
  const revoked = data.db.transaction(() => {
    const done = data.tokens.revoke(id, new Date());
    if (done) audit(data, 'token.revoke', id, username);
    return done;
  })();
  io.stdout(
    revoked ? `Revoked token ${id} of ${username}.\n` : `Token ${id} of ${username} was already revoked.\n`,
  );
  return EXIT_OK;
}

function audit(data: IdentityData, action: string, tokenId: string, username: string): void {
  data.audit.append({
    actor: data.actor,
    action,
    target: `token:${tokenId}:${username}`,
    escalationId: null,
    outcome: 'ok',
    source: 'cli',
    at: new Date(),
  });
}
