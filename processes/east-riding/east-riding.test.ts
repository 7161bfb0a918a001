/**
 * East Riding's diagrams beyond what the scenarios can see (issue 12): whose people each notice
 * reaches (ERSCP Resolving Inter-Agency Disagreements: Stage One is the worker's OWN line manager,
 * Stage Four's intention goes to the other organisation, §1's lead is "in your agency"), the lanes,
 * and the inputs the workers receive at run time (on the embedded engine, or on Camunda 7 / Operaton
 * when ENGINE_URL is set).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle, type ModdleTree } from '../bpmn-moddle.js';
import { loadPartnerships } from '../catalogue.js';
import { defaultSide, type Side } from '../roles-schema.js';
import { deployProcesses } from '../deploy.js';
import { runScenario, type ScenarioRun } from '../scenarios/runner.js';
import { openTarget, targetName, type Target } from '../scenarios/target.js';
import { eastRidingBreach } from '../scenarios/east-riding-breach.scenarios.js';
import { eastRidingDissent } from '../scenarios/east-riding-dissent.scenarios.js';

const erscp = loadPartnerships().find((p) => p.settings.id === 'east-riding')!;
const roles = new Map(erscp.roles.roles.map((r) => [r.role, r]));

async function processOf(file: string, key: string): Promise<ModdleTree> {
  const { rootElement } = await createModdle().fromXML(readFileSync(join(erscp.dir, file), 'utf8'));
  return rootElement.rootElements.find((r: ModdleTree) => r.id === key);
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

/** Each notice's roles with the side each is told on: the task's `side`, else the role's default. */
function sidesOf(process: ModdleTree): Record<string, Record<string, Side>> {
  const out: Record<string, Record<string, Side>> = {};
  for (const n of walk(process).filter((e) => e.topic === 'escalation-notify')) {
    const inputs = inputsOf(n);
    out[n.id] = Object.fromEntries(
      inputs.role!.split(',').map((r) => [r, (inputs.side as Side) ?? defaultSide(roles.get(r)!)]),
    );
  }
  return out;
}

const RAISER = 'raising-professional';
const RISK = (p: string): Record<string, Record<string, Side>> => ({
  [`${p}_NotifyChildProtection`]: { 'designated-safeguarding-lead': 'raised-by' },
  [`${p}_NotifyChildrensSocialCare`]: { 'childrens-social-care': 'both' },
  [`${p}_RemindDecision`]: { 'childrens-social-care': 'both' },
  [`${p}_NotifyDecision`]: { 'all-parties': 'both' },
});
const SHARED = {
  ...RISK('Raise'),
  ...RISK('ImmediateRisk'),
  Resolved_ConfirmAllParties: { 'all-parties': 'both' },
  Final_NotifyUnresolved: { 'all-parties': 'both', 'erscp-service-manager': 'partnership' },
  Withdrawn_NotifyAllParties: { 'all-parties': 'both' },
} as const;

describe('East Riding diagrams: sides, lanes and run-time inputs (ERSCP Resolving Inter-Agency Disagreements; issue 12)', () => {
  it("Given the escalation's notices, When each role's side is resolved, Then Stage 1 tells the worker's own manager, Stage 4's intention the other organisation, the §1 lead the raiser's agency, and each next level both agencies", async () => {
    const process = await processOf('escalation.bpmn', 'EastRidingEscalation');
    expect(sidesOf(process)).to.deep.equal({
      ...SHARED,
      Stage1_NotifyParties: { [RAISER]: 'raised-by', 'line-manager': 'raised-by' },
      Stage1_NotifyBreach: { 'line-manager': 'raised-by' },
      Stage2_NotifyParties: { [RAISER]: 'raised-by', 'other-agency-professional': 'other' },
      Stage2_NotifyBreach: { 'line-manager': 'both' },
      Stage3_NotifyParties: { [RAISER]: 'raised-by', 'line-manager': 'both' },
      Stage3_NotifyBreach: { 'senior-operational-manager': 'both' },
      Stage4_ShareRecord: { [RAISER]: 'raised-by' },
      Stage4_TellOtherOrganisation: { 'other-agency-senior-manager': 'other' },
      Stage4_TellErscpTeam: { 'erscp-team': 'partnership' },
      Stage4_NotifyParties: { 'senior-operational-manager': 'both' },
      Stage4_NotifyNextLevel: { 'head-of-service': 'both' },
      Stage4_NotifyBreach: { 'head-of-service': 'both' },
      Stage5_ShareRecord: { [RAISER]: 'raised-by' },
      Stage5_ApproachErscpChair: { 'erscp-chair': 'partnership' },
      Stage5_NotifyParties: { 'mediation-chair': 'partnership', 'senior-operational-manager': 'both' },
      Stage5_NotifyBreach: { 'erscp-chair': 'partnership', 'mediation-chair': 'partnership' },
      Lessons_NotifyReminder: { 'raising-agency-manager': 'raised-by' },
      Lessons_NotifyServiceManager: { 'erscp-service-manager': 'partnership' },
    });
  });

  it("Given the conference-dissent notices, When each role's side is resolved, Then the family's social worker and Children's Social Care are in children's services, and the chair and the ERSCP are the partnership's", async () => {
    const process = await processOf('conference-dissent.bpmn', 'EastRidingConferenceDissent');
    expect(sidesOf(process)).to.deep.equal({
      ...SHARED,
      Conference_NotifySocialWorker: { 'family-social-worker': 'both' },
      Conference_NotifyChair: { 'conference-chair': 'partnership' },
      Conference_NotifyReminder: { 'conference-chair': 'partnership' },
      Adjournment_NotifyParties: { 'conference-chair': 'partnership', 'named-senior-manager': 'both' },
      Adjournment_NotifyBreach: { 'conference-chair': 'partnership', 'erscp-team': 'partnership' },
      Arbitration_NotifyParties: { 'erscp-chair': 'partnership' },
      Arbitration_NotifyReminder: { 'erscp-chair': 'partnership' },
    });
    for (const role of ['family-social-worker', 'childrens-social-care'])
      expect(roles.get(role)?.agency, role).to.equal('childrens-services');
  });

  it('Given the lanes, When read, Then there is one lane per actor group and every root flow node is in exactly one', async () => {
    const expected = {
      EastRidingEscalation: [
        'Worker and own line manager (Stage 1)',
        'Workers (Stage 2)',
        'Line managers (Stage 3)',
        'Senior managers / safeguarding leads, up to Head of Service or Director (Stage 4)',
        'ERSCP (Stage 5, mediation)',
        'Every party: outcome and lessons',
        'Any stage: immediate risk and withdrawal',
      ],
      EastRidingConferenceDissent: [
        "Conference chair (and the family's social worker)",
        'Named senior managers (adjournment, at most 72 hours)',
        'ERSCP arbitration',
        'Any stage: immediate risk and withdrawal',
      ],
    };
    for (const d of erscp.settings.diagrams) {
      const process = await processOf(d.file, d.key);
      const lanes = process.laneSets[0].lanes as ModdleTree[];
      expect(lanes.map((l) => l.name)).to.deep.equal(expected[d.key as keyof typeof expected]);
      const listed = lanes.flatMap((l) => (l.flowNodeRef ?? []).map((n: ModdleTree) => n.id as string));
      const nodes = (process.flowElements as ModdleTree[]).filter((e) => e.$type !== 'bpmn:SequenceFlow');
      expect([...listed].sort(), d.key).to.deep.equal(nodes.map((n) => n.id as string).sort());
    }
  });

  describe(`the inputs the workers receive, on ${targetName()}`, () => {
    let target: Target;
    before(async () => {
      target = await openTarget();
      await deployProcesses(target.engine);
    });
    after(async () => target?.cleanup());
    const inputs = (run: ScenarioRun, id: string) => run.handled.find((t) => t.activityId === id)!.inputs;
    const due = (run: ScenarioRun, id: string) => run.handled.find((t) => t.activityId === id)!.due;

    it("Given a Stage 1 breach, When the notices go out, Then both are for the raising worker's own line manager (side raised-by)", async () => {
      const run = await runScenario(target.engine, eastRidingBreach[0]!, target.now);
      expect(inputs(run, 'Stage1_NotifyParties').side).to.equal('raised-by');
      expect(inputs(run, 'Stage1_NotifyBreach').side).to.equal('raised-by');
    });

    it('Given immediate risk at raise, When the lead is consulted, Then the notice goes at once to the raising agency and shows the same-working-day deadline as the latest', async () => {
      const s = eastRidingBreach.find((x) =>
        x.title.startsWith('Given a child at risk of immediate harm at raise'),
      )!;
      const run = await runScenario(target.engine, s, target.now);
      const notice = inputs(run, 'Raise_NotifyChildProtection');
      expect(notice.side).to.equal('raised-by');
      expect((notice.due as Date).getTime()).to.equal(due(run, 'Raise_ScheduleSameDay')!.getTime());
      const order = run.path.filter((id) =>
        /^(Raise_NotifyChildProtection|Stage1_ScheduleDeadline)$/.test(id),
      );
      expect(order, 'consulted before Stage 1 starts').to.deep.equal([
        'Raise_NotifyChildProtection',
        'Stage1_ScheduleDeadline',
      ]);
    });

    it("Given a conference adjourned, When the chair is told, Then the notice carries the adjournment's 72-hour end as its due time", async () => {
      const run = await runScenario(target.engine, eastRidingDissent[1]!, target.now);
      const notice = inputs(run, 'Adjournment_NotifyParties');
      expect((notice.due as Date).getTime()).to.equal(due(run, 'Adjournment_ScheduleDeadline')!.getTime());
      expect(notice.role).to.equal('conference-chair,named-senior-manager');
    });
  });
});
