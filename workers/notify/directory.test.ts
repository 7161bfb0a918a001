import { expect } from 'chai';
import { rolesSchema } from '../../processes/roles-schema.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { PermanentError } from '../runtime/errors/permanent-error.js';
import { parseDirectory, resolveRecipients, type Parties } from './directory.js';
import { exampleDirectory } from './example-directory.js';

const roles = rolesSchema.parse({
  agencies: [
    { id: 'school', name: 'School' },
    { id: 'health', name: 'Health' },
    { id: 'childrens-services', name: "Children's Services" },
  ],
  roles: [
    {
      role: 'raising-professional',
      description: 'r',
      source: 's',
      titles: { '*': 'Raiser' },
      contactGroup: 'raisers',
      scope: 'agency',
      side: 'raised-by',
    },
    {
      role: 'line-manager',
      description: 'l',
      source: 's',
      titles: { '*': 'Line manager' },
      contactGroup: 'line-managers',
      scope: 'agency',
    },
    {
      role: 'iro',
      description: 'i',
      source: 's',
      titles: { '*': 'IRO' },
      contactGroup: 'iros',
      scope: 'agency',
      agency: 'childrens-services',
    },
    {
      role: 'chair',
      description: 'c',
      source: 's',
      titles: { '*': 'Chair' },
      contactGroup: 'chairs',
      scope: 'partnership',
    },
  ],
});

const directory = parseDirectory({
  liverpool: {
    raisers: { school: ['dsl@school.example.org'] },
    'line-managers': {
      school: ['heads@school.example.org'],
      'st-marys': ['head@stmarys.example.org'],
      health: ['managers@health.example.org'],
    },
    iros: { 'childrens-services': ['iro@lcc.example.org'] },
    chairs: { '*': ['chair@lscb.example.org'] },
  },
});

const parties: Parties = {
  raisedBy: { agency: 'school', organisation: 'st-marys' },
  other: { agency: 'health', organisation: null },
};
const resolve = (roleNames: string[], side: 'raised-by' | 'other' | 'both' | 'partnership' | null = null) =>
  resolveRecipients(directory, { partnership: 'liverpool', roles, roleNames, side, parties }).map(
    (r) => r.address,
  );

describe('Directory: a role resolves to the right side’s people (issue 13)', () => {
  it("Given an agency-scope role and side raised-by, When resolved, Then the raiser's organisation's entry wins over its agency's", () => {
    expect(resolve(['line-manager'], 'raised-by')).to.deep.equal(['head@stmarys.example.org']);
  });

  it('Given side other and an unnamed other organisation, When resolved, Then the other agency’s entry', () => {
    expect(resolve(['line-manager'], 'other')).to.deep.equal(['managers@health.example.org']);
  });

  it('Given no side, When resolved, Then agency scope means both parties, and a role’s own side is kept', () => {
    expect(resolve(['line-manager'])).to.deep.equal([
      'head@stmarys.example.org',
      'managers@health.example.org',
    ]);
    expect(resolve(['raising-professional'])).to.deep.equal(['dsl@school.example.org']);
  });

  it('Given a notice to both sides, When a role of one side is among its roles, Then that role stays on its own side', () => {
    expect(resolve(['raising-professional', 'line-manager'], 'both')).to.deep.equal([
      'dsl@school.example.org',
      'head@stmarys.example.org',
      'managers@health.example.org',
    ]);
    expect(resolve(['raising-professional'], 'other')).to.deep.equal(['dsl@school.example.org']);
  });

  it('Given a party named by an organisation the directory has no entry for, When resolved, Then its agency’s address delivers it, and the reader stays that organisation (its audience entry: not every organisation of the agency)', () => {
    const found = resolveRecipients(directory, {
      partnership: 'liverpool',
      roles,
      roleNames: ['line-manager'],
      side: 'other',
      parties: { ...parties, other: { agency: 'health', organisation: 'alder-hey' } },
    });
    expect(found).to.deep.equal([
      {
        address: 'managers@health.example.org',
        role: 'line-manager',
        agency: 'health',
        organisation: 'alder-hey',
      },
    ]);
  });

  it("Given a role held by one fixed agency and a partnership role, When resolved, Then that agency's and the '*' entries", () => {
    expect(resolve(['iro', 'chair'], 'raised-by')).to.deep.equal([
      'iro@lcc.example.org',
      'chair@lscb.example.org',
    ]);
  });

  it('Given a role that resolves to nobody, When resolved, Then an incident names partnership, contact group and agency', () => {
    expect(() =>
      resolveRecipients(directory, {
        partnership: 'liverpool',
        roles,
        roleNames: ['raising-professional'],
        side: null,
        parties: { ...parties, raisedBy: { agency: 'health', organisation: null } },
      }),
    )
      .to.throw(PermanentError)
      .with.property(
        'message',
        'role "raising-professional" resolves to nobody: the directory has no liverpool / raisers / agency "health"',
      );
    expect(() => resolve(['head-teacher'])).to.throw(
      PermanentError,
      `role "head-teacher" is not in liverpool's roles.json`,
    );
  });

  it('Given a directory with a bad address, When parsed, Then the error names where', () => {
    expect(() => parseDirectory({ liverpool: { chairs: { '*': ['not an address'] } } })).to.throw(
      /^liverpool\.chairs\.\*\.0: /,
    );
  });

  it("Given every partnership's roles, When the example directory resolves every role on every side, Then nobody is missing", () => {
    const partnerships = loadPartnerships();
    const example = exampleDirectory(partnerships);
    for (const p of partnerships) {
      const agencies = p.roles.agencies.map((a) => a.id);
      for (const role of p.roles.roles) {
        for (const [raised, other] of agencies.flatMap((a) => agencies.map((b) => [a, b] as const))) {
          const found = resolveRecipients(example, {
            partnership: p.settings.id,
            roles: p.roles,
            roleNames: [role.role],
            side: null,
            parties: {
              raisedBy: { agency: raised, organisation: null },
              other: { agency: other, organisation: null },
            },
          });
          expect(found.length, `${p.settings.id} ${role.role}`).to.be.greaterThan(0);
          for (const r of found) expect(r.address).to.match(/@[a-z-]+\.example\.org$/);
        }
      }
    }
  });
});
