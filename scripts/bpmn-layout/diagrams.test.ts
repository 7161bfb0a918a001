/**
 * The layout tool on the partnerships' real diagrams. A diagram with a laneSet is laid out as it
 * is; one without (until its owners add lanes) gets a lane per id prefix (`Stage1_`, `Level2_`,
 * `Mediation_`, …) and an "Any stage" lane for raise, close and the event sub-processes, so the
 * tool is proved on every real shape of procedure today. Nothing here writes to processes/.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadPartnerships } from '../../processes/catalogue.js';
import { lintFile } from '../../processes/lint/lint-bpmn.js';
import { addLanes, rootFlowNodeIds, type LaneRule } from './add-lanes.js';
import { checkLayout } from './checks.js';
import { layer } from './layers.js';
import { layoutBpmn } from './layout.js';
import { readProcessModel } from './model.js';
import { outsideDi, semanticTree, withoutCollaboration } from './test-support.js';

/** Columns about 150 px apart (100 px tasks and 50 px gaps, a little more where labels need it). */
const COLUMN_PITCH = 160;
/** Pool and lane headers and the margins left and right of the columns. */
const FRAME = 30 + 30 + 2 * 40;
const DRAWING_RULES = ['no-overlapping-elements', 'label-required', 'no-bpmndi', 'import'];
const ANY_STAGE = ['Escalation', 'Raise', 'Resolved', 'Final', 'ImmediateRisk', 'Withdrawn'];

/** A lane per id prefix in order of first appearance, then "Any stage". */
async function lanesByPrefix(xml: string): Promise<LaneRule[]> {
  const prefix = (id: string) => id.split('_')[0]!;
  const { ids } = await rootFlowNodeIds(xml);
  const stages = [...new Set(ids.map(prefix))].filter((p) => !ANY_STAGE.includes(p));
  return [
    ...stages.map((p) => ({ id: `Lane_${p}`, name: p, match: (id: string) => prefix(id) === p })),
    { id: 'Lane_AnyStage', name: 'Any stage', match: () => true },
  ];
}

describe("Layout tool on the partnerships' diagrams (their lanes, or lanes by id prefix until they have them)", () => {
  const files = loadPartnerships().flatMap((p) => p.diagrams);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'bpmn-layout-real-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const file of files) {
    describe(basename(file), () => {
      let input: string;
      let out: string;
      let width: number;
      let columns: number;
      before(async () => {
        const original = readFileSync(file, 'utf8');
        input = original.includes('<bpmn:laneSet')
          ? original
          : await addLanes(original, await lanesByPrefix(original));
        const result = await layoutBpmn(input);
        [out, width] = [result.xml, result.pool.width];
        columns = Math.max(...layer((await readProcessModel(input)).graph).column.values()) + 1;
      });

      it(`Given ${basename(file)} in lanes, When laid out, Then the layout rules hold and its columns are about ${COLUMN_PITCH} px apart`, async () => {
        expect(await checkLayout(out)).to.deep.equal([]);
        expect(width).to.be.at.most(FRAME + columns * COLUMN_PITCH);
      });

      it('When laid out, Then `npm run lint:bpmn` finds no drawing problem and nothing it did not find before', async () => {
        const lint = async (xml: string, name: string) => {
          const path = join(dir, `${files.indexOf(file)}-${name}.bpmn`);
          writeFileSync(path, xml);
          return (await lintFile(path)).map((p) => `${p.rule} ${p.id} ${p.message}`);
        };
        const after = await lint(out, 'after');
        expect(after.filter((p) => DRAWING_RULES.some((r) => p.startsWith(`${r} `)))).to.deep.equal([]);
        // The semantic rules are the diagram owners' business; the layout must not add to them.
        const before = new Set(await lint(input, 'before'));
        expect(after.filter((p) => !before.has(p))).to.deep.equal([]);
      });

      it('When laid out, Then the semantic text and tree are unchanged and a second run changes nothing', async () => {
        const kept = input.includes('<bpmn:collaboration')
          ? outsideDi(out)
          : withoutCollaboration(outsideDi(out));
        expect(kept).to.equal(outsideDi(input));
        expect(await semanticTree(out)).to.equal(await semanticTree(input));
        expect((await layoutBpmn(out)).xml).to.equal(out);
      });
    });
  }
});
