/**
 * `GET /api/v1/records/verify` over real HTTP, the record worker writing the hash-chained record:
 * the chain's status, told so that nothing leaks of escalations the user cannot see (no total, and
 * where it breaks only to those who may see that escalation).
 */
import { expect } from 'chai';
import { ApiHarness, type As } from './harness.js';
import { raiseThroughEngine, type Raised } from './engine-raise.js';

interface Verify {
  valid: boolean;
  checkedAt: string;
  entriesYouCanSee: number;
  firstBroken: null | {
    escalationId: string;
    kind: string;
    recordedAt: string;
    problem: string;
    message: string;
  };
}

describe('API records: GET /records/verify (the chain’s status without leaking other agencies’ escalations)', function () {
  this.timeout(120_000);
  let h: ApiHarness;
  let school: Raised;
  let health: Raised;
  let sam: As;
  let pat: As;
  let nobody: As;

  before(async () => {
    h = await ApiHarness.start();
    await h.user('sam', {
      partnership: 'liverpool',
      agency: 'school',
      organisation: 'st-marys',
      roles: ['raising-professional'],
    });
    await h.user('pat', {
      partnership: 'liverpool',
      agency: 'merseyside-police',
      organisation: 'merseyside-police',
      roles: ['other-agency-professional'],
    });
    await h.user('wendy', { partnership: 'wiltshire', agency: 'police', roles: ['raising-professional'] });
    sam = h.token('sam');
    pat = h.token('pat');
    nobody = h.token('wendy');
    school = await raiseThroughEngine(h, 'liverpool', { raisedBy: 'sam', raisedByOrganisation: 'st-marys' });
    health = await raiseThroughEngine(h, 'liverpool', {
      raisedByAgency: 'health',
      raisedByOrganisation: 'alder-hey',
      otherAgency: 'merseyside-police',
    });
  });
  after(async () => h?.stop());

  const verify = async (as: As) => {
    const res = await h.call<Verify>('GET', '/api/v1/records/verify', as);
    expect(res.status, res.text).to.equal(200);
    return res.body;
  };
  const entriesOf = (r: Raised) => h.product.stores.record.forEscalation(r.escalationId).length;

  it('Given an intact record, When each user verifies, Then valid, checked now, and only the entries of escalations they can see are counted (audited as record.verify)', async () => {
    expect(entriesOf(school)).to.be.greaterThan(0);
    expect(await verify(sam)).to.deep.equal({
      valid: true,
      checkedAt: new Date(h.clock.now()).toISOString(),
      entriesYouCanSee: entriesOf(school),
      firstBroken: null,
    });
    expect((await verify(pat)).entriesYouCanSee).to.equal(entriesOf(health));
    expect((await verify(nobody)).entriesYouCanSee).to.equal(0);
    const audited = h.product.stores.db
      .prepare(`SELECT actor, outcome FROM audit_entries WHERE action = 'record.verify' ORDER BY seq`)
      .all() as { actor: string; outcome: string }[];
    expect(audited.map((a) => a.outcome)).to.deep.equal(['valid', 'valid', 'valid']);
    expect((await h.call('GET', '/api/v1/records/verify', null)).status).to.equal(401);
  });

  it('Given an entry of the health escalation changed behind the trigger’s back, When verified, Then everyone is told it is not valid, but only the police (a party) are told where and why', async () => {
    const [entry] = h.product.stores.record.forEscalation(health.escalationId);
    const db = h.product.stores.db;
    db.exec('DROP TRIGGER record_entries_append_only_update');
    db.prepare(`UPDATE record_entries SET outcome = 'resolved' WHERE seq = ?`).run(entry!.seq);

    const forSam = await verify(sam);
    expect(forSam).to.deep.include({ valid: false, firstBroken: null, entriesYouCanSee: entriesOf(school) });
    expect(await verify(nobody)).to.deep.include({ valid: false, firstBroken: null, entriesYouCanSee: 0 });
    expect((await verify(pat)).firstBroken).to.deep.equal({
      escalationId: health.escalationId,
      kind: entry!.kind,
      recordedAt: entry!.recordedAt,
      problem: 'altered-entry',
      message: 'The entry was changed after it was written.',
    });
  });
});
