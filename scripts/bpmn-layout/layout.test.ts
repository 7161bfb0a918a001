import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDiagrams } from '../../test/browser/bpmn-render.js';
import { checkLayout } from './checks.js';
import { layoutBpmn, main } from './layout.js';
import { diOf, lintDrawing, outsideDi, semanticTree, withoutCollaboration } from './test-support.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const centreY = (b: number[]) => b[1]! + b[3]! / 2;

describe('Layout tool: DI from lanes (issue 12, readability for process owners)', () => {
  for (const name of ['three-lanes.bpmn', 'sub-process.bpmn']) {
    describe(`Given the fixture ${name}`, () => {
      let input: string;
      let out: string;
      before(async () => {
        input = read(name);
        out = (await layoutBpmn(input)).xml;
      });

      it('When laid out, Then every element has DI, no shape or label overlaps another, every shape lies in its lane and the pool, and flows are orthogonal, run from a side midpoint to a side midpoint and cross no other shape', async () => {
        expect(await checkLayout(out)).to.deep.equal([]);
      });

      it("When laid out, Then bpmnlint's drawing rules pass (no-overlapping-elements, label-required, no-bpmndi)", async () => {
        expect(await lintDrawing(out)).to.deep.equal([]);
      });

      it('When laid out, Then the text outside the DI (and an inserted collaboration) is byte-identical and moddle reads the same semantic tree', async () => {
        const kept = input.includes('<bpmn:collaboration')
          ? outsideDi(out)
          : withoutCollaboration(outsideDi(out));
        expect(kept).to.equal(outsideDi(input));
        expect(await semanticTree(out)).to.equal(await semanticTree(input));
      });

      it('When laid out twice, Then the second run changes nothing (deterministic and idempotent)', async () => {
        expect((await layoutBpmn(out)).xml).to.equal(out);
        expect((await layoutBpmn(input)).xml).to.equal(out);
      });
    });
  }

  describe('Given three-lanes.bpmn (no collaboration, no DI)', () => {
    let out: string;
    before(async () => {
      out = (await layoutBpmn(read('three-lanes.bpmn'))).xml;
    });

    it('When laid out, Then a collaboration with one participant named after the process precedes the process and the one plane shows it', () => {
      expect(out).to.contain(
        '  <bpmn:collaboration id="Collaboration_ThreeLanes">\n' +
          '    <bpmn:participant id="Participant_ThreeLanes" name="Layout fixture: two stages &amp; a loop" processRef="ThreeLanes" />\n' +
          '  </bpmn:collaboration>\n  <bpmn:process id="ThreeLanes"',
      );
      expect(out.match(/<bpmndi:BPMNPlane /g)).to.have.length(1);
      expect(out).to.contain(
        '<bpmndi:BPMNPlane id="BPMNPlane_ThreeLanes" bpmnElement="Collaboration_ThreeLanes">',
      );
      expect(out).to.contain(
        '<bpmndi:BPMNShape id="Participant_ThreeLanes_di" bpmnElement="Participant_ThreeLanes" isHorizontal="true">',
      );
    });

    it('When laid out, Then the lanes are stacked bands in laneSet order, right of a 30 px pool header', () => {
      const pool = diOf(out, 'Participant_ThreeLanes').bounds!;
      const lanes = ['Lane_Professionals', 'Lane_Managers', 'Lane_AnyStage'].map(
        (id) => diOf(out, id).bounds!,
      );
      expect(lanes[0]![1]).to.equal(pool[1]);
      lanes.forEach((l, i) => {
        expect(l[0]).to.equal(pool[0]! + 30);
        expect(l[2]).to.equal(pool[2]! - 30);
        if (i > 0) expect(l[1]).to.equal(lanes[i - 1]![1]! + lanes[i - 1]![3]!);
      });
      expect(lanes[2]![1]! + lanes[2]![3]!).to.equal(pool[1]! + pool[3]!);
    });

    it('When laid out, Then shapes have Camunda Modeler sizes, exclusive gateways show their marker and the event sub-process is expanded', () => {
      expect(diOf(out, 'Stage1_Record').bounds!.slice(2)).to.deep.equal([100, 80]);
      expect(diOf(out, 'Escalation_Raised').bounds!.slice(2)).to.deep.equal([36, 36]);
      expect(diOf(out, 'Stage1_Resolved').bounds!.slice(2)).to.deep.equal([50, 50]);
      expect(out).to.match(/bpmnElement="Stage1_Resolved" isMarkerVisible="true"/);
      expect(out).to.match(/bpmnElement="Withdrawn" isExpanded="true"/);
    });

    it('When laid out, Then the main path runs on one line, the timer sits on its task’s bottom edge and the breach path runs on the track below, leaving the timer downwards', () => {
      const [notify, record, resolved] = ['Stage1_Notify', 'Stage1_Record', 'Stage1_Resolved'].map(
        (id) => diOf(out, id).bounds!,
      );
      expect(centreY(notify!)).to.equal(centreY(record!)).and.to.equal(centreY(resolved!));
      const timer = diOf(out, 'Stage1_Deadline').bounds!;
      expect(centreY(timer)).to.equal(record![1]! + record![3]!);
      expect(centreY(diOf(out, 'Stage1_NotifyBreach').bounds!)).to.be.greaterThan(record![1]! + record![3]!);
      const [first, second] = diOf(out, 'Flow_Stage1_Deadline_to_Stage1_NotifyBreach').points;
      expect(first).to.deep.equal([timer[0]! + 18, timer[1]! + 36]);
      expect(second![0]).to.equal(first![0]);
      expect(second![1]).to.be.greaterThan(first![1]!);
    });

    it('When laid out, Then the loop back to Stage 2 goes round above or below the shapes into the top or bottom of its target', () => {
      const points = diOf(out, 'Flow_Stage2_Resolved_to_Stage2_Entry').points;
      const entry = diOf(out, 'Stage2_Entry').bounds!;
      const last = points.at(-1)!;
      expect(last[0]).to.equal(entry[0]! + 25);
      expect([entry[1], entry[1]! + 50]).to.include(last[1]);
      const record = diOf(out, 'Stage2_Record').bounds!;
      const ys = points.map((p) => p[1]!);
      expect(Math.min(...ys) < record[1]! || Math.max(...ys) > record[1]! + record[3]!).to.equal(true);
    });

    it('When laid out, Then every flow that is not a loop runs left to right', () => {
      for (const [flow, from, to] of [
        ['Flow_Raise_Merge_to_Stage1_Notify', 'Raise_Merge', 'Stage1_Notify'],
        ['Flow_Stage1_Resolved_to_Resolved_Merge', 'Stage1_Resolved', 'Resolved_Merge'],
        ['Flow_Stage1_NotifyBreach_to_Stage2_Entry', 'Stage1_NotifyBreach', 'Stage2_Entry'],
      ] as const) {
        expect(diOf(out, to).bounds![0], flow).to.be.greaterThan(diOf(out, from).bounds![0]!);
      }
    });
  });

  describe('Given a laid-out fixture spoiled by hand', () => {
    it('When a task is moved onto its neighbour, out of its lane, and a flow is bent diagonally, Then the checker names each', async () => {
      const out = (await layoutBpmn(read('three-lanes.bpmn'))).xml;
      const notify = diOf(out, 'Stage1_Notify').bounds!;
      const spoiled = out
        .replace(
          /(<bpmndi:BPMNShape id="Stage1_Record_di"[^>]*><dc:Bounds )x="\d+" y="\d+"/,
          `$1x="${notify[0]! + 10}" y="${notify[1]}"`,
        )
        .replace(
          /(id="Flow_Raise_Record_to_Raise_ImmediateRisk_di"[^>]*><di:waypoint x="\d+" y=")(\d+)/,
          (_, a, y) => `${a}${Number(y) - 7}`,
        )
        .replace(/(<bpmndi:BPMNShape id="Escalation_Raised_di"[^>]*><dc:Bounds x="\d+") y="\d+"/, '$1 y="0"');
      const problems = await checkLayout(spoiled);
      expect(problems).to.include('shape of Stage1_Notify overlaps shape of Stage1_Record');
      expect(problems).to.include('Escalation_Raised is outside its lane Lane_AnyStage');
      expect(problems).to.include('Flow_Raise_Record_to_Raise_ImmediateRisk is not orthogonal');
      expect(problems).to.include(
        "Flow_Raise_Record_to_Raise_ImmediateRisk does not start on a side's midpoint of its source",
      );
      expect(
        problems.some((p) => p.startsWith('Flow_Stage1_Notify_to_Stage1_Record passes through')),
      ).to.equal(true);
    });
  });

  describe('Given sub-process.bpmn (a collaboration and stale DI with a drill-down plane)', () => {
    it('When laid out, Then one diagram remains, the collaboration is kept as it was and the sub-process is drawn expanded with its content inside', async () => {
      const input = read('sub-process.bpmn');
      const out = (await layoutBpmn(input)).xml;
      expect(out.match(/<bpmndi:BPMNDiagram /g)).to.have.length(1);
      expect(out).to.contain('<bpmndi:BPMNDiagram id="BPMNDiagram_Review">');
      expect(out.indexOf('<bpmn:collaboration')).to.equal(input.indexOf('<bpmn:collaboration'));
      expect(out).to.match(/bpmnElement="Review_Panel" isExpanded="true"/);
      const panel = diOf(out, 'Review_Panel').bounds!;
      const decide = diOf(out, 'Panel_Decide').bounds!;
      expect(decide[0]).to.be.greaterThan(panel[0]!);
      expect(decide[1]! + decide[3]!).to.be.lessThan(panel[1]! + panel[3]!);
    });
  });

  describe('Given diagrams whose flow nodes are not each in exactly one lane', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'bpmn-layout-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const run = async (files: string[]) => {
      const errors: string[] = [];
      const code = await main(
        files,
        () => {},
        (m) => errors.push(m),
      );
      return { code, errors: errors.join('\n') };
    };

    it('When a node is in no lane, Then the CLI exits 2 naming it and leaves the file as it was', async () => {
      const file = join(dir, 'missing.bpmn');
      const text = read('three-lanes.bpmn').replace(
        '        <bpmn:flowNodeRef>Stage1_NotifyBreach</bpmn:flowNodeRef>\n',
        '',
      );
      writeFileSync(file, text);
      const { code, errors } = await run([file]);
      expect(code).to.equal(2);
      expect(errors).to.contain('in no lane: Stage1_NotifyBreach');
      expect(readFileSync(file, 'utf8')).to.equal(text);
    });

    it('When a node is in two lanes, Then the CLI exits 2 naming it, and still lays out the other files it was given', async () => {
      const bad = join(dir, 'twice.bpmn');
      const good = join(dir, 'good.bpmn');
      writeFileSync(
        bad,
        read('three-lanes.bpmn').replace(
          '<bpmn:lane id="Lane_Managers" name="Line managers (Stage 2)">',
          '$&<bpmn:flowNodeRef>Raise_Record</bpmn:flowNodeRef>',
        ),
      );
      writeFileSync(good, read('sub-process.bpmn'));
      const { code, errors } = await run([bad, good]);
      expect(code).to.equal(2);
      expect(errors).to.contain("in more than one lane (or not in its host's lane): Raise_Record");
      expect(await checkLayout(readFileSync(good, 'utf8'))).to.deep.equal([]);
    });

    it('When the process has no laneSet, Then the CLI exits 2 saying so', async () => {
      const file = join(dir, 'no-lanes.bpmn');
      writeFileSync(file, read('three-lanes.bpmn').replace(/<bpmn:laneSet[\s\S]*<\/bpmn:laneSet>/, ''));
      const { code, errors } = await run([file]);
      expect(code).to.equal(2);
      expect(errors).to.contain('needs one bpmn:laneSet');
    });
  });

  describe('Given the laid-out fixtures in bpmn-js in real Chromium', () => {
    it('When imported, Then there is no warning and the pool and every lane are drawn', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bpmn-layout-'));
      try {
        const files = ['three-lanes.bpmn', 'sub-process.bpmn'].map((name) => join(dir, name));
        for (const [i, name] of ['three-lanes.bpmn', 'sub-process.bpmn'].entries()) {
          writeFileSync(files[i]!, (await layoutBpmn(read(name))).xml);
        }
        const results = await renderDiagrams(files);
        expect(results.map((r) => r.warnings)).to.deep.equal([[], []]);
        for (const id of ['Participant_ThreeLanes', 'Lane_Professionals', 'Lane_Managers', 'Lane_AnyStage']) {
          expect(results[0]!.svg).to.contain(`data-element-id="${id}"`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
