/**
 * What `users` and `tokens` accept, checked before anything is read or written: usernames (the same
 * rule as an escalation's `raisedBy`), email addresses, passwords, and a membership's partnership,
 * agency, organisation and roles against `processes/<id>/partnership.json` and `roles.json`.
 * A problem is a {@link BadOption} naming the option; the command prints it as one line (exit 2).
 */
import { z } from 'zod';
import { loadPartnerships, type PartnershipEntry } from '../../processes/catalogue.js';
import { startVariablesSchema } from '../../processes/variables.js';
import { passwordProblem } from '../identity/passwords.js';
import type { Membership } from '../identity/principal.js';

/** A value the user gave that cannot be used; `option` names it (`--agency`, `<username>`). */
export class BadOption extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
    this.name = 'BadOption';
  }
}

/** The options that describe one membership (users add and users grant). */
export const MEMBERSHIP_OPTIONS = {
  partnership: { type: 'string' },
  agency: { type: 'string' },
  organisation: { type: 'string' },
  'organisation-name': { type: 'string' },
  roles: { type: 'string' },
  reports: { type: 'boolean' },
  'process-owner': { type: 'boolean' },
} as const;

export interface MembershipValues {
  partnership?: string;
  agency?: string;
  organisation?: string;
  'organisation-name'?: string;
  roles?: string;
  reports?: boolean;
  'process-owner'?: boolean;
}

// Reused from the variable contract, so a user's name is always a valid `raisedBy` and their
// organisation always matches an escalation's `raisedByOrganisation` / `otherOrganisation`.
const usernameSchema = startVariablesSchema.shape.raisedBy.unwrap();
const organisationSchema = startVariablesSchema.shape.otherOrganisation.unwrap();
const emailSchema = z.email('an email address such as sam@school.example.org').max(254);

function check<T>(schema: z.ZodType<T>, value: string, option: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BadOption(option, parsed.error.issues[0]!.message);
  return parsed.data;
}

export const checkUsername = (name: string | undefined): string =>
  check(usernameSchema, name ?? '', '<username>');

export const checkEmail = (email: string | undefined): string => {
  if (!email) throw new BadOption('--email', 'give the address the user is told at');
  return check(emailSchema, email.trim(), '--email');
};

/**
 * The password from standard input: one line (a final newline is dropped), at least 12 characters.
 */
export function checkPassword(stdin: string): string {
  const password = stdin.replace(/\r?\n$/, '');
  if (/[\r\n]/.test(password)) throw new BadOption('--password-stdin', 'the password is one line');
  const problem = passwordProblem(password);
  if (problem) throw new BadOption('--password-stdin', problem);
  return password;
}

let catalogue: PartnershipEntry[] | undefined;

/** The partnership folder named by `--partnership`. */
export function partnershipOf(id: string | undefined): PartnershipEntry {
  catalogue ??= loadPartnerships();
  const ids = catalogue.map((p) => p.settings.id);
  if (!id) throw new BadOption('--partnership', `give one of ${ids.join(', ')}`);
  const entry = catalogue.find((p) => p.settings.id === id);
  if (!entry) throw new BadOption('--partnership', `unknown partnership "${id}"; one of ${ids.join(', ')}`);
  return entry;
}

/**
 * The roles of `--roles` (comma-separated), each from the partnership's roles.json and holdable by
 * this member: an agency-scope role needs an agency (the access rule places it on a party's side),
 * and a role that one agency holds (e.g. Children's Social Care) needs that agency.
 */
export function rolesOf(entry: PartnershipEntry, text: string | undefined, agency: string | null): string[] {
  const known = entry.roles.roles;
  const id = entry.settings.id;
  const names = [
    ...new Set(
      (text ?? '')
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
  if (names.length === 0)
    throw new BadOption(
      '--roles',
      `give one or more of ${id}'s roles: ${known.map((r) => r.role).join(', ')}`,
    );
  for (const name of names) {
    const role = known.find((r) => r.role === name);
    if (!role)
      throw new BadOption(
        '--roles',
        `unknown role "${name}" in ${id}; one of ${known.map((r) => r.role).join(', ')}`,
      );
    if (role.scope === 'agency' && agency === null)
      throw new BadOption('--roles', `${name} is held within an agency: give --agency`);
    if (role.agency && agency !== role.agency)
      throw new BadOption('--roles', `${name} is held in ${role.agency} only in ${id}`);
  }
  return names;
}

/** The membership the options describe, checked against the partnership's files. */
export function membershipFrom(values: MembershipValues): Membership {
  const entry = partnershipOf(values.partnership);
  const agencies = entry.roles.agencies.map((a) => a.id);
  const agency = values.agency ?? null;
  if (agency !== null && !agencies.includes(agency))
    throw new BadOption(
      '--agency',
      `unknown agency "${agency}" in ${entry.settings.id}; one of ${agencies.join(', ')}`,
    );
  if (values.organisation !== undefined && agency === null)
    throw new BadOption('--organisation', 'an organisation is within an agency: give --agency too');
  const organisation =
    values.organisation === undefined
      ? null
      : check(organisationSchema, values.organisation, '--organisation');
  const name = values['organisation-name']?.trim();
  if (name !== undefined && organisation === null)
    throw new BadOption('--organisation-name', 'names the --organisation: give --organisation too');
  if (name !== undefined && (name.length === 0 || name.length > 200 || /\p{Cc}/u.test(name)))
    throw new BadOption('--organisation-name', 'a name of 1 to 200 characters on one line');
  return {
    partnership: entry.settings.id,
    agency,
    organisation,
    organisationName: name ?? null,
    roles: rolesOf(entry, values.roles, agency),
    reports: values.reports === true,
    processOwner: values['process-owner'] === true,
  };
}

/** One line for a membership: `liverpool: school st-marys (St Mary's); roles …; reports`. */
export function describeMembership(m: Membership): string {
  const where =
    m.agency === null
      ? 'the partnership itself'
      : `${m.agency}${m.organisation ? ` ${m.organisation}` : ' (the whole agency)'}${m.organisationName ? ` (${m.organisationName})` : ''}`;
  const permissions = [m.reports ? 'reports' : '', m.processOwner ? 'process-owner' : ''].filter(Boolean);
  return `${m.partnership}: ${where}; roles ${m.roles.join(', ')}${permissions.length ? `; ${permissions.join(', ')}` : ''}`;
}
