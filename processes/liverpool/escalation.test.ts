/**
 * What the scenarios cannot see in Liverpool's diagram (LSCB Resolution & Escalation Procedure,
 * Liverpool Safeguarding Children Board, version 180501): the register and document each way out of
 * a stage writes, whose side each notice goes to, the lanes, the labels, the document fields of the
 * stage forms and the Agency Representation table.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle, type ModdleTree } from '../bpmn-moddle.js';
import { loadPartnerships, REPOSITORY_ROOT } from '../catalogue.js';
import { stageVariablesSchema } from '../variables.js';
import {
  camundaInputs,
  camundaOutputs,
  type ModdleElement,
} from '../lint/bpmnlint-plugin-escalations/support/moddle.js';
import {
  boundaryEventsOf,
  exitsOf,
  groupOf,
  interrupts,
  successors,
} from '../lint/bpmnlint-plugin-escalations/support/stages.js';

const liverpool = loadPartnerships().find((p) => p.settings.id === 'liverpool')!;
const FILE = join(liverpool.dir, 'escalation.bpmn');

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function load() {
  const { rootElement } = await createModdle().fromXML(readFileSync(FILE, 'utf8'));
  const process = rootElement.rootElements.find((r: ModdleTree) => r.id === 'LiverpoolEscalation');
  const all: ModdleElement[] = [];
  const walk = (scope: ModdleTree) => {
    for (const e of scope.flowElements ?? []) {
      all.push(e);
      if (e.flowElements) walk(e);
    }
  };
  walk(process);
  return { root: rootElement, process, all, byId: new Map(all.map((e) => [String(e.id), e])) };
}

const isTopic = (topic: string) => (e: ModdleElement) =>
  e.$type === 'bpmn:ServiceTask' && e.get('camunda:topic') === topic;
const caseRecord = (group: string) => (e: ModdleElement) =>
  isTopic('escalation-record')(e) &&
  groupOf(String(e.id)) === group &&
  camundaInputs(e).register === 'case-record';
const summaryLog = (group: string) => (e: ModdleElement) =>
  isTopic('escalation-form')(e) &&
  groupOf(String(e.id)) === group &&
  camundaInputs(e).form === 'liverpool-appendix-1-summary-log';

/** The exits of a stage's user task (and its interrupting timers) reached without passing `stop`. */
function exitsWithout(
  process: ModdleTree,
  task: ModdleElement,
  stop: (e: ModdleElement) => boolean,
): string[] {
  const group = groupOf(String(task.id));
  const starts = [
    ...successors(task),
    ...boundaryEventsOf(process, task)
      .filter(interrupts)
      .flatMap((t) => [t, ...successors(t)]),
  ];
  return exitsOf(
    starts.filter((s) => !stop(s)),
    group,
    stop,
  ).map((e) => String(e.id));
}

describe('Liverpool escalation diagram: records, documents, sides, lanes and forms (issue 12)', () => {
  let m: Awaited<ReturnType<typeof load>>;
  before(async () => {
    m = await load();
  });
  const userTasks = () => m.all.filter((e) => e.$type === 'bpmn:UserTask');

  it("Given every way out of a stage, When its paths are walked, Then each writes the child's case record, and at Stages 1 and 2 the Escalation Summary Log too (RECORD; Stage 1; Stage 2)", () => {
    const stages = userTasks().filter((t) => /^Stage\d/.test(String(t.id)));
    expect(stages.map((t) => t.id)).to.include.members(['Stage1_RecordOutcome', 'Stage4_RecordOutcome']);
    for (const task of stages) {
      const group = groupOf(String(task.id));
      expect(exitsWithout(m.process, task, caseRecord(group)), `${task.id}: case record`).to.deep.equal([]);
      if (/^Stage[12](LineManager|ServiceManagers)?$/.test(group))
        expect(exitsWithout(m.process, task, summaryLog(group)), `${task.id}: Summary Log`).to.deep.equal([]);
    }
  });

  it('Given the record tasks, When their kinds are read, Then the stage entries are stage-outcome or stage-breached with a stage number, and the raise is escalation-raised', () => {
    const records = m.all.filter(isTopic('escalation-record'));
    for (const r of records.filter((e) => /_(RecordCaseFile|RecordBreach)$/.test(String(e.id)))) {
      const { recordKind, stage } = camundaInputs(r);
      expect(recordKind, String(r.id)).to.equal(
        String(r.id).endsWith('Breach') ? 'stage-breached' : 'stage-outcome',
      );
      expect(stage, String(r.id)).to.match(/^[1-4]$/);
    }
    expect(camundaInputs(m.byId.get('Raise_Record')!).recordKind).to.equal('escalation-raised');
  });

  it('Given every notice, When its inputs are read, Then each names the side it goes to, the raising agency for the same-day safeguarding escalation and the Stage 4 detail', () => {
    for (const n of m.all.filter(isTopic('escalation-notify')))
      expect(camundaInputs(n).side, `${n.id} side`).to.match(/^(raised-by|other|both|partnership)$/);
    const side = (id: string) => camundaInputs(m.byId.get(id)!).side;
    expect(side('Raise_NotifyChildProtection')).to.equal('raised-by');
    expect(side('Stage1LineManager_NotifyParties')).to.equal('both');
    expect(side('Stage4_NotifyBusinessManager')).to.equal('raised-by');
  });

  it('Given the Report to LSCB (Appendix 2), When its tasks are read, Then it goes to the Business Officer on escalation to Stage 3 and to the LSCB Team after a resolution at Level 3 or 4, with the level it was resolved at', () => {
    const referral = camundaInputs(m.byId.get('Stage3_Appendix2Referral')!);
    expect([referral.form, referral.sendTo, referral.stage]).to.deep.equal([
      'liverpool-appendix-2-report',
      'lscb-business-officer',
      '3',
    ]);
    expect(camundaOutputs(m.byId.get('Stage3_Appendix2Referral')!).lscbLevel).to.equal('3');
    expect(camundaOutputs(m.byId.get('Stage4_NotifyBusinessManager')!).lscbLevel).to.equal('4');
    const completed = camundaInputs(m.byId.get('Lessons_SendReport')!);
    expect(completed.sendTo?.split(',')).to.include('lscb-team');
    expect(completed.stage).to.equal('${lscbLevel}');
  });

  it("Given the lanes, When read, Then there is one lane per actor group and every root flow node is in exactly one, a timer in its task's lane", () => {
    const lanes: ModdleTree[] = m.process.laneSets[0].lanes;
    expect(lanes.map((l) => l.name)).to.deep.equal([
      'Practitioners (Stage 1)',
      'Line managers (Stage 1)',
      'Organisation safeguarding representatives (Stage 2)',
      "Children's Services service managers (Stage 2 NOTE)",
      'LSCB representatives and mediation (Stage 3)',
      'LSCB Independent Chair (Stage 4)',
      'LSCB Business Office',
      'Any stage',
    ]);
    const laneOf = new Map<string, string[]>();
    for (const l of lanes)
      for (const ref of l.flowNodeRef ?? []) laneOf.set(ref.id, [...(laneOf.get(ref.id) ?? []), l.id]);
    for (const e of m.process.flowElements.filter((x: ModdleTree) => x.$type !== 'bpmn:SequenceFlow')) {
      expect(laneOf.get(e.id), e.id).to.have.length(1);
      if (e.attachedToRef) expect(laneOf.get(e.id), e.id).to.deep.equal(laneOf.get(e.attachedToRef.id));
    }
  });

  it('Given the DI, When labels are compared, Then no label overlaps another label or a shape (Stage2_Entry and Stage2_ChildStatus were drawn over each other)', () => {
    const plane = m.root.diagrams[0].plane;
    const shapes = plane.planeElement.filter(
      (d: ModdleTree) =>
        d.bounds &&
        d.bpmnElement.$type !== 'bpmn:Lane' &&
        d.bpmnElement.$type !== 'bpmn:Participant' &&
        !d.bpmnElement.triggeredByEvent,
    );
    const labels = plane.planeElement.filter((d: ModdleTree) => d.label?.bounds);
    for (const a of labels) {
      for (const b of labels)
        if (a !== b)
          expect(
            overlaps(a.label.bounds, b.label.bounds),
            `${a.bpmnElement.id} / ${b.bpmnElement.id}`,
          ).to.equal(false);
      for (const s of shapes)
        if (
          s !== a &&
          s.bpmnElement.attachedToRef !== a.bpmnElement &&
          a.bpmnElement.attachedToRef !== s.bpmnElement
        )
          expect(
            overlaps(a.label.bounds, s.bounds),
            `${a.bpmnElement.id} label / ${s.bpmnElement.id}`,
          ).to.equal(false);
    }
  });

  const FIELDS: Record<string, string[]> = {
    Stage1_RecordOutcome: ['agencyEscalationNumber', 'concern', 'actionsUndertaken'],
    Stage1LineManager_RecordOutcome: [
      'agencyEscalationNumber',
      'concern',
      'actionsUndertaken',
      'professionalsMeeting',
    ],
    Stage2_RecordOutcome: [
      'agencyEscalationNumber',
      'concern',
      'actionsUndertaken',
      'otherProfessionals',
      'discussionDate',
      'resolutionMethod',
    ],
    Stage3_RecordOutcome: ['otherProfessionals', 'discussionDate', 'resolutionMethod'],
    Stage3Mediation_RecordOutcome: ['otherProfessionals', 'discussionDate', 'resolutionMethod'],
    Stage4_RecordOutcome: ['resolutionPanel', 'otherProfessionals', 'discussionDate', 'resolutionMethod'],
    Lessons_CompleteReport: ['lessons', 'lessonsDetails', 'furtherActions'],
    BusinessManager_RecordReceipt: [
      'businessManagerReceivedOn',
      'executiveGroupOutcome',
      'executiveGroupNotifiedOn',
    ],
  };

  it('Given the stage forms, When their fields are read, Then each asks for the Appendix 1 and 2 fields where the procedure has them completed, all optional and all in the variable contract', () => {
    const schemaKeys = Object.keys(stageVariablesSchema.shape);
    for (const [taskId, fields] of Object.entries(FIELDS)) {
      const formId = String(m.byId.get(taskId)!.get('camunda:formRef'));
      expect(formId, taskId).to.match(/^liverpool-/);
      const form = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'forms', `${formId}.form`), 'utf8'));
      const byKey = new Map<string, ModdleTree>(
        form.components
          .filter((c: ModdleTree) => c.key || c.path)
          .map((c: ModdleTree) => [c.key ?? c.path, c]),
      );
      for (const field of fields) {
        expect(byKey.has(field), `${formId} ${field}`).to.equal(true);
        expect(byKey.get(field).validate?.required ?? false, `${formId} ${field} optional`).to.equal(false);
      }
      for (const key of byKey.keys()) expect(schemaKeys, `${formId} ${key}`).to.include(key);
    }
  });

  it("Given roles.json, When its titles are read, Then they are the procedure's Agency Representation table for School, Health, Children's Services and Merseyside Police", () => {
    const titles = (role: string) => liverpool.roles.roles.find((r) => r.role === role)!.titles;
    const table = {
      'raising-professional': [
        'Designated Safeguarding Lead',
        'Front line staff',
        'Front line staff / social worker',
        'Front line staff',
      ],
      'line-manager': [
        'Designated Safeguarding Lead / Head Teacher',
        'Safeguarding Specialist Practitioner',
        'Team Manager',
        'Detective Sergeant (PVPU)',
      ],
      'organisation-safeguarding-representative': [
        'Senior School Improvement Officer Safeguarding (SIL)',
        'Named Nurse',
        'Service Manager (Careline / Assessment / Safeguarding Unit / Permanence)',
        'Detective Inspector (PVPU)',
      ],
      'lscb-safeguarding-representative': [
        'LSCB Representative',
        'Designated Nurse',
        "Assistant Director Children's Services",
        'Detective Chief Inspector / Superintendent',
      ],
    };
    for (const [role, [school, health, cs, police]] of Object.entries(table))
      expect(titles(role), role).to.deep.equal({
        school,
        health,
        'childrens-services': cs,
        'merseyside-police': police,
      });
    expect(titles('lscb-independent-chair')['*']).to.equal(
      'Liverpool Safeguarding Children Board (LSCB) Independent Chair',
    );
  });
});
