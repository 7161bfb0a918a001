import { expect } from 'chai';
import { loadPartnerships } from './catalogue.js';
import { defaultSide, rolesSchema } from './roles-schema.js';

const agencies = [
  { id: 'health', name: 'Health' },
  { id: 'childrens-services', name: "Children's Services" },
];
const role = (extra: object) => ({
  role: 'line-manager',
  description: 'A line manager',
  source: 'stage 2',
  titles: { '*': 'Line manager' },
  contactGroup: 'line-managers',
  ...extra,
});

describe("roles.json: every role's scope (issue 12, whose side is told)", () => {
  it('Given every partnership, When its roles are read, Then each role has a scope, and the parties are agency-scoped', () => {
    for (const p of loadPartnerships()) {
      const byName = new Map(p.roles.roles.map((r) => [r.role, r]));
      expect(byName.get('raising-professional')?.scope, p.settings.id).to.equal('agency');
      expect(defaultSide(byName.get('raising-professional')!), p.settings.id).to.equal('raised-by');
      expect(defaultSide(byName.get('other-agency-professional')!), p.settings.id).to.equal('other');
      expect(byName.get('line-manager')?.scope, p.settings.id).to.equal('agency');
    }
  });

  it('Given a role without a scope, When validated, Then the error names scope', () => {
    const r = rolesSchema.safeParse({ agencies, roles: [role({})] });
    expect(r.success).to.equal(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).to.deep.equal(['roles.0.scope']);
  });

  it('Given a partnership-scope role with a side or an agency, When validated, Then it is refused', () => {
    for (const extra of [{ side: 'other' }, { agency: 'health' }]) {
      const r = rolesSchema.safeParse({ agencies, roles: [role({ scope: 'partnership', ...extra })] });
      expect(r.success, JSON.stringify(extra)).to.equal(false);
      expect(r.error?.issues[0]?.message).to.match(/partnership-scope role has no side or agency/);
    }
  });

  it('Given an agency-scope role held by an unknown agency, When validated, Then the error names it', () => {
    const r = rolesSchema.safeParse({ agencies, roles: [role({ scope: 'agency', agency: 'police' })] });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).to.deep.equal([
      ['roles.0.agency', 'unknown agency "police"'],
    ]);
  });

  it('Given roles without a side, When defaulted, Then agency scope means both parties and partnership scope the partnership', () => {
    const parsed = rolesSchema.parse({
      agencies,
      roles: [role({ scope: 'agency' }), role({ role: 'chair', scope: 'partnership' })],
    });
    expect(parsed.roles.map(defaultSide)).to.deep.equal(['both', 'partnership']);
  });
});
