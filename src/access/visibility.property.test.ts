/**
 * The access rule's "sees it" has two implementations: `canSee` (one escalation, every endpoint
 * that reaches one) and its SQL twin `visibilityFilter` (lists, counts, messages, the record's
 * counts). They must agree exactly, or a list would show (or count) an escalation its detail page
 * answers 404 for, or hide one a user may see. fast-check generates users (memberships in several
 * partnerships, with or without an agency and an organisation, any roles of the partnerships' own
 * roles.json and some unknown ones), escalations (parties named by organisation or not, raised
 * through the API or not) and the audience the procedure told, writes them to a real SQLite index
 * (`openAppStores` on a temp dir) and compares, for every user, `EscalationIndex.list` (items and
 * total) with `canSee` over every escalation.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { loadPartnerships } from '../../processes/catalogue.js';
import type { Roles } from '../../processes/roles-schema.js';
import { openAppStores, type AppStores } from '../store/app-stores.js';
import type { Membership, Principal } from '../identity/principal.js';
import type { NewEscalation } from '../escalations/escalation-index.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { canSee, type AudienceEntry, type RolesOf } from './access-rule.js';
import { visibilityFilter } from './visibility-sql.js';

const PARTNERSHIPS = ['liverpool', 'wiltshire', 'east-riding'] as const;
const rolesById = new Map<string, Roles>(
  loadPartnerships()
    .filter((p) => (PARTNERSHIPS as readonly string[]).includes(p.settings.id))
    .map((p) => [p.settings.id, p.roles]),
);
const roles: RolesOf = (id) => rolesById.get(id);

// Small pools, so that generated users and escalations often share an agency, an organisation or a
// role, which is where the two could disagree.
const ROLE_NAMES = [
  ...new Set([...rolesById.values()].flatMap((r) => r.roles.map((x) => x.role))),
  'no-such-role',
];
const AGENCIES = [
  ...new Set([...rolesById.values()].flatMap((r) => r.agencies.map((a) => a.id))),
  'not-an-agency',
];
const ORGANISATIONS = ['st-marys', 'oak-primary', 'liverpool-csc'];
const USERNAMES = ['ann', 'bob', 'cat', 'dan', 'eve'];

const partnership = fc.constantFrom(...PARTNERSHIPS);
const agency = fc.constantFrom(...AGENCIES);
const organisation = fc.constantFrom(...ORGANISATIONS);
const role = fc.constantFrom(...ROLE_NAMES);

const membership: fc.Arbitrary<Membership> = fc.record({
  partnership,
  agency: fc.option(agency, { nil: null }),
  organisation: fc.option(organisation, { nil: null }),
  organisationName: fc.constant(null),
  roles: fc.uniqueArray(role, { maxLength: 3 }),
  reports: fc.boolean(),
  processOwner: fc.boolean(),
});

const principals: fc.Arbitrary<Principal[]> = fc
  .uniqueArray(
    fc.record({
      username: fc.constantFrom(...USERNAMES),
      // One membership per partnership, as the memberships table's key (user, partnership) allows.
      memberships: fc.uniqueArray(membership, { maxLength: 3, selector: (m) => m.partnership }),
    }),
    { minLength: 1, maxLength: 5, selector: (p) => p.username },
  )
  .map((list) =>
    list.map((p, i) => ({
      userId: i + 1,
      username: p.username,
      email: `${p.username}@people.example.org`,
      admin: false,
      memberships: p.memberships,
      via: 'token' as const,
    })),
  );

const audienceEntry: fc.Arbitrary<AudienceEntry> = fc.record({
  role,
  agency: fc.oneof(fc.constant(''), agency),
  organisation: fc.oneof(fc.constant(''), organisation),
  documents: fc.boolean(),
});

interface Generated {
  escalation: NewEscalation;
  audience: AudienceEntry[];
}

const escalations: fc.Arbitrary<Generated[]> = fc
  .array(
    fc.record({
      partnership,
      raisedBy: fc.option(fc.constantFrom(...USERNAMES), { nil: null }),
      raisedByAgency: agency,
      raisedByOrganisation: fc.option(organisation, { nil: null }),
      otherAgency: agency,
      otherOrganisation: fc.option(organisation, { nil: null }),
      audience: fc.array(audienceEntry, { maxLength: 4 }),
    }),
    { maxLength: 12 },
  )
  .map((list) =>
    list.map(({ audience, ...e }, i) => ({
      escalation: {
        ...e,
        id: `esc-${String(i).padStart(4, '0')}`,
        caseReference: `CASE-${i}`,
        processInstanceId: `pi-${i}`,
        definitionKey: 'AnyEscalation',
        disagreementContext: 'general',
        raisedAt: new Date(Date.UTC(2026, 10, 2, 10, i)).toISOString(),
        raisedByRole: 'raising-professional',
      },
      audience,
    })),
  );

describe('Access rule: canSee and its SQL twin agree (fast-check, real SQLite)', () => {
  let dir: ReturnType<typeof tempDir>;
  let stores: AppStores;
  before(() => {
    dir = tempDir('visibility');
    stores = openAppStores({
      dataDir: dir.path,
      dataKey: null,
      mayCreateKey: true,
      uidDomain: 'escalations.example.org',
    });
  });
  after(() => {
    stores?.close();
    dir?.remove();
  });

  it('Given random users × random escalations × random audiences, When each user lists escalations, Then the page and its total hold exactly those canSee lets through (issue 14 "Access rule": 404 also through lists and counts)', () => {
    fc.assert(
      fc.property(principals, escalations, (users, generated) => {
        stores.db.transaction(() => {
          stores.db.exec('DELETE FROM escalation_audience; DELETE FROM escalations;');
          for (const g of generated) {
            stores.escalations.add(g.escalation);
            stores.escalations.addAudience(g.escalation.id, g.audience);
          }
        })();
        const all = generated.map((g) => stores.escalations.get(g.escalation.id)!);
        for (const p of users) {
          const expected = all
            .filter((e) => canSee(p, stores.escalations.access(e), roles))
            .map((e) => e.id)
            .sort();
          const listed = stores.escalations.list(visibilityFilter(p, roles), {}, { offset: 0, limit: 1000 });
          expect(listed.items.map((e) => e.id).sort(), p.username).to.deep.equal(expected);
          expect(listed.total, `${p.username}'s total`).to.equal(expected.length);
        }
      }),
      { numRuns: 400 },
    );
  });
});
