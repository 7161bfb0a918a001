/**
 * The demo's people (`npm start -- --demo`), made up from each partnership's own roles.json so they
 * hold real roles: in every partnership, practitioners and their managers in three organisations of
 * three agencies (a school, children's social care, a community health trust), the partnership's
 * staff with `reports`, a conference chair where the procedure has conferences, a process owner,
 * and one administrator for the whole service. Names and addresses are clearly made up.
 */
import type { PartnershipEntry } from '../../../processes/catalogue.js';
import type { Membership } from '../../identity/principal.js';

/** One demo user: their memberships (usually one). */
export interface DemoPerson {
  username: string;
  email: string;
  admin: boolean;
  /** What they are, for the printed list, e.g. "practitioner at Brookfield Primary School (demo)". */
  description: string;
  memberships: Membership[];
}

/** The three demo organisations of every partnership: each of a different agency. */
export const DEMO_ORGANISATIONS = [
  { key: 'school', agency: 'school', id: 'brookfield-primary', name: 'Brookfield Primary School (demo)' },
  {
    key: 'social-care',
    agency: 'childrens-services',
    id: 'demo-childrens-social-care',
    name: 'Children’s Social Care (demo)',
  },
  { key: 'health', agency: 'health', id: 'riverside-health', name: 'Riverside Community Health (demo)' },
] as const;

export type DemoOrganisation = (typeof DEMO_ORGANISATIONS)[number];

/** Short prefixes for usernames, e.g. `lv.school.practitioner`. */
export const PREFIX: Readonly<Record<string, string>> = {
  'east-riding': 'er',
  liverpool: 'lv',
  northamptonshire: 'nh',
  'safeguarding-unit': 'su',
  wiltshire: 'wi',
};

const PRACTITIONER_ROLES = ['raising-professional', 'other-agency-professional', 'all-parties'];
export const ADMIN_USERNAME = 'demo.admin';

const emailOf = (username: string) => `${username}@demo.example.org`;

/** The username of an organisation's practitioner or manager in a partnership. */
export function demoUsername(
  partnership: string,
  org: DemoOrganisation['key'],
  kind: 'practitioner' | 'manager',
) {
  return `${PREFIX[partnership] ?? partnership}.${org}.${kind}`;
}

function membership(entry: PartnershipEntry, roles: string[], extra: Partial<Membership> = {}): Membership {
  return {
    partnership: entry.settings.id,
    agency: null,
    organisation: null,
    organisationName: null,
    roles,
    reports: false,
    processOwner: false,
    ...extra,
  };
}

/** The partnership staff's roles (every partnership-scope role but the conference chair's). */
function staffRoles(entry: PartnershipEntry): string[] {
  return entry.roles.roles
    .filter((r) => r.scope === 'partnership' && r.role !== 'conference-chair')
    .map((r) => r.role);
}

/** The business office's role: the one the process owner holds. */
function officeRole(entry: PartnershipEntry): string {
  const staff = staffRoles(entry);
  return (
    staff.find((r) => /business|team|office/.test(r)) ?? staff.find((r) => !/chair/.test(r)) ?? staff[0]!
  );
}

function organisationPeople(entry: PartnershipEntry, org: DemoOrganisation): DemoPerson[] {
  const agencyRoles = entry.roles.roles.filter(
    (r) => r.scope === 'agency' && (r.agency === undefined || r.agency === org.agency),
  );
  const at = { agency: org.agency, organisation: org.id, organisationName: org.name };
  const practitioner = agencyRoles.filter((r) => PRACTITIONER_ROLES.includes(r.role)).map((r) => r.role);
  const manager = agencyRoles
    .filter((r) => !PRACTITIONER_ROLES.includes(r.role) || r.role === 'all-parties')
    .map((r) => r.role);
  return (['practitioner', 'manager'] as const).map((kind) => {
    const username = demoUsername(entry.settings.id, org.key, kind);
    return {
      username,
      email: emailOf(username),
      admin: false,
      description: `${kind} at ${org.name}`,
      memberships: [membership(entry, kind === 'practitioner' ? practitioner : manager, at)],
    };
  });
}

/** Everyone of one partnership. */
export function partnershipPeople(entry: PartnershipEntry): DemoPerson[] {
  const prefix = PREFIX[entry.settings.id] ?? entry.settings.id;
  const person = (suffix: string, description: string, m: Membership): DemoPerson => ({
    username: `${prefix}.${suffix}`,
    email: emailOf(`${prefix}.${suffix}`),
    admin: false,
    description,
    memberships: [m],
  });
  const people = DEMO_ORGANISATIONS.flatMap((org) => organisationPeople(entry, org));
  people.push(
    person('office', 'partnership staff (business office, panels), with reports', {
      ...membership(entry, staffRoles(entry)),
      reports: true,
    }),
  );
  if (entry.roles.roles.some((r) => r.role === 'conference-chair'))
    people.push(person('chair', 'conference chair', membership(entry, ['conference-chair'])));
  people.push(
    person('owner', 'process owner (deploys the diagrams)', {
      ...membership(entry, [officeRole(entry)]),
      processOwner: true,
    }),
  );
  return people;
}

/** Every demo user of every partnership, and the administrator (a member of each as business office). */
export function demoPeople(partnerships: readonly PartnershipEntry[]): DemoPerson[] {
  return [
    ...partnerships.flatMap(partnershipPeople),
    {
      username: ADMIN_USERNAME,
      email: emailOf(ADMIN_USERNAME),
      admin: true,
      description: 'administrator (manages users)',
      memberships: partnerships.map((entry) => membership(entry, [officeRole(entry)])),
    },
  ];
}
