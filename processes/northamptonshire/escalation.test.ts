/**
 * Northamptonshire's diagram beyond what the scenarios can see (issue 12): whose side each notice
 * goes to, the lanes, the wording the NSCP Tea-break guide "Professional Disagreements" asks for,
 * and the Stage 3 level each record entry and notice carries. The level test runs on the embedded
 * engine, or on Camunda 7 / Operaton when ENGINE_URL is set.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle, type ModdleTree } from '../bpmn-moddle.js';
import { loadPartnerships, REPOSITORY_ROOT } from '../catalogue.js';
import { defaultSide } from '../roles-schema.js';
import { deployProcesses } from '../deploy.js';
import { runScenario } from '../scenarios/runner.js';
import { openTarget, targetName, type Target } from '../scenarios/target.js';
import { unresolved, type Scenario } from '../scenarios/scenario.js';

const nscp = loadPartnerships().find((p) => p.settings.id === 'northamptonshire')!;
const FILE = join(nscp.dir, 'escalation.bpmn');

async function processOf(): Promise<ModdleTree> {
  const { rootElement } = await createModdle().fromXML(readFileSync(FILE, 'utf8'));
  return rootElement.rootElements.find((r: ModdleTree) => r.id === 'NorthamptonshireEscalation');
}

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

describe('Northamptonshire diagram: sides, lanes and wording (NSCP Tea-break guide "Professional Disagreements"; issue 12)', () => {
  let process: ModdleTree;
  before(async () => {
    process = await processOf();
  });

  it("Given every notice, When its side is resolved, Then it is explicit unless each role carries its own side (the raising professional's, the other agency's)", () => {
    const roles = new Map(nscp.roles.roles.map((r) => [r.role, r]));
    const notices = walk(process).filter((e) => e.topic === 'escalation-notify');
    expect(notices.length).to.be.greaterThan(20);
    for (const n of notices) {
      const inputs = inputsOf(n);
      if (inputs.side) continue;
      for (const role of inputs.role!.split(','))
        expect(roles.get(role)?.side, `${n.id}: ${role} has no side of its own`).to.be.a('string');
    }
  });

  it("Given the procedure's actors, When the notices at each level are read, Then Stage 1 support goes to the raiser's own line manager and every level's referral goes to both partners", () => {
    const side = (id: string) => inputsOf(walk(process).find((e) => e.id === id)).side;
    expect(side('Stage1_OfferSupport'), 'own line manager').to.equal('raised-by');
    for (const id of [
      'Stage2_NotifyParties',
      'Stage3_NotifyParties',
      'Stage3_NotifyBreach',
      'Stage3_NotifyBreachDirectors',
      'Stage4_NotifyParties',
      'Stage5_NotifyOffer',
      'Withdrawn_NotifyAllParties',
    ])
      expect(side(id), id).to.equal('both');
    const roles = new Map(nscp.roles.roles.map((r) => [r.role, r]));
    expect(defaultSide(roles.get('nscp-business-office')!)).to.equal('partnership');
  });

  it('Given the lanes, When read, Then there is one lane per actor group and every root flow node is in exactly one', () => {
    const lanes = process.laneSets[0].lanes as ModdleTree[];
    expect(lanes.map((l) => l.name)).to.deep.equal([
      'Any stage',
      'Professionals (Stage 1)',
      'Line managers (Stage 2)',
      'Senior managers (Stage 3)',
      'Directors / Chief Executives (Stage 4)',
      'Partnership Business Office and Strategic Lead (Stage 5)',
    ]);
    const refs = lanes.flatMap((l) => (l.flowNodeRef ?? []).map((n: ModdleTree) => n.id as string));
    const nodes = (process.flowElements as ModdleTree[])
      .filter((e) => e.$type !== 'bpmn:SequenceFlow')
      .map((e) => e.id as string);
    expect([...refs].sort()).to.deep.equal([...nodes].sort());
    const laneOf = (id: string) => lanes.find((l) => l.flowNodeRef.some((n: ModdleTree) => n.id === id)).name;
    expect(laneOf('Stage3_RecordOutcome')).to.equal('Senior managers (Stage 3)');
    expect(laneOf('Stage5_OfferMediation')).to.equal(
      'Partnership Business Office and Strategic Lead (Stage 5)',
    );
  });

  it('Given the guide asks practitioners to avoid the word "complaint", When the forms, template and document names are read, Then none uses it', () => {
    const names = walk(process).flatMap((e) => {
      const inputs = inputsOf(e);
      return [e.name, inputs.template, inputs.form, inputs.recordKind].filter(Boolean);
    });
    const forms = readdirSync(join(REPOSITORY_ROOT, 'forms'))
      .filter((f) => f.startsWith('northamptonshire-'))
      .map((f) => readFileSync(join(REPOSITORY_ROOT, 'forms', f), 'utf8'));
    expect(forms.length).to.equal(5);
    for (const text of [...names, ...forms]) expect(String(text).toLowerCase()).not.to.contain('complaint');
  });
});

describe(`Northamptonshire Stage 3 levels on ${targetName()} (NSCP guide, Stage 3)`, () => {
  let target: Target;
  before(async () => {
    target = await openTarget();
    await deployProcesses(target.engine);
  });
  after(async () => target?.cleanup());

  const onward = { ...unresolved, actionPlan: 'Both agencies share the assessment by Friday' };
  const climb: Scenario = {
    title: 'three levels',
    cite: 'NSCP guide, Stage 3',
    key: 'NorthamptonshireEscalation',
    start: { partnership: 'northamptonshire' },
    steps: [
      { complete: 'Stage1_RecordOutcome', with: onward },
      { complete: 'Stage2_RecordOutcome', with: onward },
      { complete: 'Stage3_RecordOutcome', with: { ...onward, outcome: 'next-level' } },
      { timer: 'Stage3_Deadline', due: 'stage3Due' },
      { complete: 'Stage3_RecordOutcome', with: { ...onward, outcome: 'next-level' } },
    ],
    path: [],
    ended: false,
  };

  it('Given Stage 3 climbs three levels (one by a breach), When each level is referred and recorded, Then every notice and record entry says Stage 3 and its level, 1, 2 and 3, and Stage 4 follows the third', async () => {
    const run = await runScenario(target.engine, climb, target.now);
    const levels = (activityId: string) =>
      run.handled
        .filter((t) => t.activityId === activityId)
        .map((t) => [t.inputs.stage, Number(t.inputs.stage3Level)]);
    expect(levels('Stage3_NotifyParties')).to.deep.equal([
      ['3', 1],
      ['3', 2],
      ['3', 3],
    ]);
    expect(levels('Stage3_LogOutcome')).to.deep.equal([
      ['3', 1],
      ['3', 3],
    ]);
    expect(levels('Stage3_RecordBreach')).to.deep.equal([['3', 2]]);
    const open = await target.engine.listUserTasks({ processInstanceId: run.processInstanceId });
    expect(open.map((t) => t.taskDefinitionKey)).to.deep.equal(['Stage4_RecordOutcome']);
  });
});
