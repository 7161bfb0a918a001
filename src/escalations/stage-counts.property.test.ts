/**
 * `EscalationIndex.countByOpenStage` (GET /escalations/counts) against `EscalationIndex.list`
 * (GET /escalations): for every user, every partnership and every stage, the count is exactly the
 * list's total with the list's stage filter (the escalations whose process instance has that stage
 * open) and the same other filters. fast-check generates users (memberships with or without an
 * agency, an organisation, partnership-wide roles), escalations of several partnerships and
 * agencies, the audience told, and the open stages the engine would list: none, one, several, the
 * same stage twice (two tasks), and stages of process instances the index does not hold. Real
 * SQLite through `openAppStores` on a temp dir.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { loadPartnerships } from '../../processes/catalogue.js';
import type { Roles } from '../../processes/roles-schema.js';
import { tempDir } from '../../test/support/temp-dir.js';
import type { RolesOf } from '../access/access-rule.js';
import { visibilityFilter } from '../access/visibility-sql.js';
import type { Membership, Principal } from '../identity/principal.js';
import { openAppStores, type AppStores } from '../store/app-stores.js';
import type { ListFilter, OpenStage } from './escalation-index.js';

const PARTNERSHIPS = ['liverpool', 'wiltshire'] as const;
const rolesById = new Map<string, Roles>(
  loadPartnerships()
    .filter((p) => (PARTNERSHIPS as readonly string[]).includes(p.settings.id))
    .map((p) => [p.settings.id, p.roles]),
);
const roles: RolesOf = (id) => rolesById.get(id);
const ROLE_NAMES = [...new Set([...rolesById.values()].flatMap((r) => r.roles.map((x) => x.role)))];
const AGENCIES = ['school', 'health', 'childrens-services'];
const ORGANISATIONS = ['oak-primary', 'alder-trust'];
const STAGES = ['Stage1_RecordOutcome', 'Stage2_RecordOutcome', 'Stage3_Conference'];

const partnership = fc.constantFrom(...PARTNERSHIPS);
const agency = fc.constantFrom(...AGENCIES);
const organisation = fc.option(fc.constantFrom(...ORGANISATIONS), { nil: null });

const membership: fc.Arbitrary<Membership> = fc.record({
  partnership,
  agency: fc.option(agency, { nil: null }),
  organisation,
  organisationName: fc.constant(null),
  roles: fc.uniqueArray(fc.constantFrom(...ROLE_NAMES), { maxLength: 2 }),
  reports: fc.constant(false),
  processOwner: fc.constant(false),
});

const principal: fc.Arbitrary<Principal> = fc
  .uniqueArray(membership, { maxLength: 2, selector: (m) => m.partnership })
  .map((memberships) => ({
    userId: 1,
    username: 'ann',
    email: 'ann@people.example.org',
    admin: false,
    memberships,
    via: 'token' as const,
  }));

const world = fc.record({
  escalations: fc.array(
    fc.record({
      partnership,
      raisedBy: fc.option(fc.constant('ann'), { nil: null }),
      raisedByAgency: agency,
      raisedByOrganisation: organisation,
      otherAgency: agency,
      otherOrganisation: organisation,
      audience: fc.array(fc.record({ role: fc.constantFrom(...ROLE_NAMES), agency }), { maxLength: 2 }),
      // Two tasks of one stage (multi-instance) as well as several stages open at once.
      open: fc.array(fc.constantFrom(...STAGES), { maxLength: 3 }),
    }),
    { maxLength: 15 },
  ),
  // Open tasks of process instances the index does not hold (another application's, or not yet indexed).
  strangers: fc.array(fc.constantFrom(...STAGES), { maxLength: 2 }),
  users: fc.array(principal, { minLength: 1, maxLength: 3 }),
  filters: fc.array(
    fc.record({
      partnership: fc.option(partnership, { nil: undefined }),
      agency: fc.option(agency, { nil: undefined }),
      status: fc.option(fc.constant('open' as const), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

describe('Counts by open stage equal the list’s totals with its stage filter (fast-check, real SQLite)', () => {
  let dir: ReturnType<typeof tempDir>;
  let stores: AppStores;
  before(() => {
    dir = tempDir('stage-counts');
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

  it('Given random users, escalations, audiences and open stages, When each user counts by stage with random filters, Then every partnership’s every stage counts exactly the list’s total with that stage, and total the escalations with any stage open (issue 14 "Access rule": 404 also through lists and counts)', () => {
    fc.assert(
      fc.property(world, ({ escalations, strangers, users, filters }) => {
        const open: OpenStage[] = strangers.map((stage, i) => ({
          processInstanceId: `stranger-${i}`,
          stage,
        }));
        stores.db.transaction(() => {
          stores.db.exec('DELETE FROM escalation_audience; DELETE FROM escalations;');
          escalations.forEach(({ audience, open: stages, ...e }, i) => {
            const id = `esc-${i}`;
            stores.escalations.add({
              ...e,
              id,
              caseReference: `CASE-${i}`,
              processInstanceId: `pi-${i}`,
              definitionKey: 'AnyEscalation',
              disagreementContext: 'general',
              raisedAt: new Date(Date.UTC(2026, 10, 2, 10, i)).toISOString(),
              raisedByRole: 'raising-professional',
            });
            stores.escalations.addAudience(
              id,
              audience.map((a) => ({ ...a, organisation: '', documents: false })),
            );
            open.push(...stages.map((stage) => ({ processInstanceId: `pi-${i}`, stage })));
          });
        })();
        for (const user of users) for (const filter of filters) expectCountsAsList(user, filter, open);
      }),
      { numRuns: 300 },
    );
  });

  function expectCountsAsList(user: Principal, filter: ListFilter, open: OpenStage[]): void {
    const visible = visibilityFilter(user, roles);
    const counts = stores.escalations.countByOpenStage(visible, filter, open);
    const total = (f: ListFilter) => stores.escalations.list(visible, f, { offset: 0, limit: 1 }).total;
    const withOpen = (stage?: string) => [
      ...new Set(open.filter((o) => !stage || o.stage === stage).map((o) => o.processInstanceId)),
    ];
    for (const stage of STAGES) {
      // The list's stage filter without a partnership: the sum over partnerships.
      const sum = counts.items.filter((c) => c.stage === stage).reduce((n, c) => n + c.count, 0);
      expect(sum, stage).to.equal(total({ ...filter, processInstanceIds: withOpen(stage) }));
      for (const p of PARTNERSHIPS) {
        const count = counts.items.find((c) => c.partnership === p && c.stage === stage)?.count ?? 0;
        const listed =
          filter.partnership && filter.partnership !== p
            ? 0
            : total({ ...filter, partnership: p, processInstanceIds: withOpen(stage) });
        expect(count, `${p} ${stage}`).to.equal(listed);
      }
    }
    expect(counts.items.every((c) => c.count > 0)).to.equal(true);
    expect(counts.total, 'total').to.equal(total({ ...filter, processInstanceIds: withOpen() }));
  }
});
