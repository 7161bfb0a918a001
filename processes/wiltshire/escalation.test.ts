/**
 * Wiltshire's diagram beyond what the scenarios can see (issue 12): who may decide the case (WSCB
 * protocol §3.1(c)), whose side each notice goes to, the level names people see in the record, and
 * one lane per actor group.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle, type ModdleTree } from '../bpmn-moddle.js';
import { loadPartnerships } from '../catalogue.js';

const wscb = loadPartnerships().find((p) => p.settings.id === 'wiltshire')!;
const LEVELS = [
  'Professional to Professional',
  'Manager to Manager',
  'Senior Manager to Senior Manager',
  'Leader to Leader',
];

/** Every flow element, sub-processes included. */
function walk(scope: ModdleTree, out: ModdleTree[] = []): ModdleTree[] {
  for (const e of scope.flowElements ?? []) {
    out.push(e);
    if (e.$type === 'bpmn:SubProcess') walk(e, out);
  }
  return out;
}

function inputsOf(e: ModdleTree): Record<string, string> {
  const io = e.extensionElements?.values?.find((v: ModdleTree) => v.$type === 'camunda:InputOutput');
  return Object.fromEntries((io?.inputParameters ?? []).map((p: ModdleTree) => [p.name, p.value]));
}

describe('Wiltshire diagram: decision-makers, sides, level names and lanes (WSCB protocol; issue 12)', () => {
  let process: ModdleTree;
  let elements: ModdleTree[];
  before(async () => {
    const xml = readFileSync(join(wscb.dir, 'escalation.bpmn'), 'utf8');
    const { rootElement } = await createModdle().fromXML(xml);
    process = rootElement.rootElements.find((r: ModdleTree) => r.id === 'WiltshireEscalation');
    elements = walk(process);
  });

  it('Given the tasks that record the way forward, When their candidate groups are read, Then no one from the QA&P Sub Group, its mediator or the Independent Chair is a case decision-maker (§3.1(c))', () => {
    const qap = wscb.roles.roles.filter((r) => r.scope === 'partnership').map((r) => r.role);
    expect(qap).to.include.members(['qap-chair', 'qap-sub-group', 'qap-mediator', 'independent-chair']);
    const decisions = ['Level1', 'Level2', 'Level3', 'Level4', 'Mediation'].map((g) =>
      elements.find((e) => e.id === `${g}_RecordOutcome`),
    );
    for (const task of decisions) {
      const groups = String(task.candidateGroups).split(',');
      expect(groups, task.id).not.to.include.any.members(qap);
    }
  });

  it("Given every notice, When its side is read, Then it names one, and partnership roles are told as the partnership, the parties' roles as a side", () => {
    const scope = new Map(wscb.roles.roles.map((r) => [r.role, r.scope]));
    const notices = elements.filter((e) => e.topic === 'escalation-notify');
    expect(notices.length).to.be.greaterThan(25);
    for (const n of notices) {
      const { side, role } = inputsOf(n);
      const scopes = new Set(role!.split(',').map((r) => scope.get(r)));
      expect(scopes.size, `${n.id} mixes agency and partnership roles`).to.equal(1);
      if (scopes.has('partnership')) expect(side, n.id).to.equal('partnership');
      else expect(side, n.id).to.be.oneOf(['raised-by', 'other', 'both']);
    }
  });

  it('Given the record entries of the levels and the mediation, When their stage is read, Then it is the name people see (a level of the one-pager, or "Mediation")', () => {
    const staged = elements.filter(
      (e) => e.topic === 'escalation-record' && /^(Level\d|Mediation)_/.test(String(e.id)),
    );
    expect(staged.length).to.equal(12);
    for (const r of staged) expect(inputsOf(r).stage, r.id).to.be.oneOf([...LEVELS, 'Mediation']);
    for (const [i, name] of LEVELS.entries()) {
      expect(inputsOf(elements.find((e) => e.id === `Level${i + 1}_LogOutcome`)).stage).to.equal(name);
    }
  });

  it('Given the lanes, When their members are read, Then each level has its own lane with its tasks and the QA&P Sub Group holds the mediation and the formal log', () => {
    const lanes = process.laneSets[0].lanes as ModdleTree[];
    expect(lanes.map((l) => l.name)).to.deep.equal([
      'Professionals (Professional to Professional)',
      'Managers (Manager to Manager)',
      'Senior Managers (Senior Manager to Senior Manager)',
      'Leaders (Leader to Leader)',
      'QA&P Sub Group (Chair, mediator)',
      'Any stage',
    ]);
    const laneOf = (id: string) =>
      lanes.find((l) => (l.flowNodeRef ?? []).some((n: ModdleTree) => n.id === id));
    for (const n of [1, 2, 3, 4])
      expect(laneOf(`Level${n}_RecordOutcome`), `Level${n}`).to.equal(lanes[n - 1]);
    for (const id of ['Mediation_OfferMediator', 'Mediation_RecordOutcome', 'FormalLog_Record'])
      expect(laneOf(id), id).to.equal(lanes[4]);
    for (const id of ['SeriousConcern', 'SeriousConcernRaised', 'ImmediateRisk', 'Withdrawn'])
      expect(laneOf(id), id).to.equal(lanes[5]);
  });
});
