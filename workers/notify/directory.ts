/**
 * Who receives a notice. `DIRECTORY_FILE` names a JSON file, validated at start:
 * `{ "<partnership>": { "<contactGroup>": { "<organisation id>" | "<agency id>" | "*": ["address", …] } } }`.
 * A role resolves through the partnership's roles.json to its contact group. For a role of scope
 * `agency`, the addresses are those of the parties on its side (the role's own side if it has one,
 * else the notice's `side`, else both): the party's organisation's
 * entry if the directory has one, else its agency's (or, for a role held by one fixed agency, that
 * agency's). For a role of scope `partnership`, the `"*"` entry. A role that resolves to nobody is an
 * incident naming the partnership, contact group and organisation or agency: never a silent drop.
 */
import { z } from 'zod';
import type { Roles, RoleSettings, Side } from '../../processes/roles-schema.js';
import { defaultSide, SIDES } from '../../processes/roles-schema.js';
import { PermanentError } from '../runtime/errors/permanent-error.js';

const address = z.email();
const id = z
  .string()
  .regex(/^([a-z][a-z0-9-]{1,63}|\*)$/, 'an organisation or agency id in kebab-case, or *');

export const directorySchema = z.record(
  z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'a partnership id'),
  z.record(
    z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'a contact group'),
    z.record(id, z.array(address).min(1)),
  ),
);

export type Directory = z.infer<typeof directorySchema>;

/** One party to an escalation: its agency (a sector) and, when named, its organisation within it. */
export interface Party {
  agency: string;
  organisation: string | null;
}

export interface Parties {
  raisedBy: Party;
  other: Party;
}

/** One address to send to, with the role it was resolved for and the agency whose title applies. */
export interface Recipient {
  address: string;
  role: string;
  /** The party's organisation when it was named (even if its agency's entry delivered it), else null. */
  organisation: string | null;
  /** The agency of the entry it came from (null for the partnership's `*` entry). */
  agency: string | null;
}

export interface ResolveInput {
  partnership: string;
  roles: Roles;
  roleNames: readonly string[];
  /** The notify task's `side` input, if any. */
  side: Side | null;
  parties: Parties;
}

/** Parses a directory file's JSON; throws a message naming the first bad path. */
export function parseDirectory(json: unknown): Directory {
  const parsed = directorySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Every address the roles resolve to, de-duplicated (the first role to reach an address names it). */
export function resolveRecipients(directory: Directory, input: ResolveInput): Recipient[] {
  const byAddress = new Map<string, Recipient>();
  for (const name of input.roleNames) {
    const role = input.roles.roles.find((r) => r.role === name);
    if (!role)
      throw new PermanentError(`role "${name}" is not in ${input.partnership}'s roles.json`, 'UNKNOWN_ROLE');
    for (const r of resolveRole(directory, input, role))
      if (!byAddress.has(r.address)) byAddress.set(r.address, r);
  }
  return [...byAddress.values()];
}

function resolveRole(directory: Directory, input: ResolveInput, role: RoleSettings): Recipient[] {
  const entries = directory[input.partnership]?.[role.contactGroup] ?? {};
  // A role of one side keeps it (a notice to both professionals reaches each on their own side).
  const side = role.scope === 'partnership' ? 'partnership' : (role.side ?? input.side ?? defaultSide(role));
  const nobody = (whom: string) =>
    new PermanentError(
      `role "${role.role}" resolves to nobody: the directory has no ${input.partnership} / ${role.contactGroup} / ${whom}`,
      'NO_RECIPIENT',
    );
  if (side === 'partnership') {
    const list = entries['*'];
    if (!list) throw nobody('"*" entry');
    return list.map((address) => ({ address, role: role.role, agency: null, organisation: null }));
  }
  const parties = role.agency
    ? [{ agency: role.agency, organisation: null }]
    : partiesOn(side, input.parties);
  return parties.flatMap((party) => {
    const byOrganisation = party.organisation !== null && entries[party.organisation] !== undefined;
    const key = byOrganisation ? party.organisation! : party.agency;
    const list = entries[key];
    if (!list)
      throw nobody(
        party.organisation
          ? `organisation "${party.organisation}" or agency "${party.agency}"`
          : `agency "${party.agency}"`,
      );
    // The reader is the party, whichever entry delivers to it: a named organisation without an entry
    // of its own is reached through its agency's address, but the audience (who may see the
    // escalation) stays that organisation, not every organisation of the agency.
    return list.map((address) => ({
      address,
      role: role.role,
      agency: party.agency,
      organisation: party.organisation,
    }));
  });
}

function partiesOn(side: Exclude<Side, 'partnership'>, parties: Parties): Party[] {
  if (side === 'raised-by') return [parties.raisedBy];
  if (side === 'other') return [parties.other];
  return [parties.raisedBy, parties.other];
}

/** Whether a text is one of the notify input's sides. */
export function isSide(text: string): text is Side {
  return (SIDES as readonly string[]).includes(text);
}
