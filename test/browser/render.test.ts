/**
 * Render check (issue 7): every diagram imports into bpmn-js in real Chromium with no warnings,
 * and is exported to docs/processes/ as SVG: `<partnership>.svg` for the partnership's first
 * diagram, `<partnership>-<diagram>.svg` for the others.
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadPartnerships, REPOSITORY_ROOT } from '../../processes/catalogue.js';
import { renderDiagrams, type RenderResult } from './bpmn-render.js';

const DOCS = join(REPOSITORY_ROOT, 'docs', 'processes');

/** The SVG file name of a diagram: the first diagram of a partnership takes the partnership's name. */
function svgName(partnership: string, file: string, index: number): string {
  return index === 0 ? `${partnership}.svg` : `${partnership}-${basename(file, '.bpmn')}.svg`;
}

describe('Render check: every diagram in bpmn-js in real Chromium', () => {
  const partnerships = loadPartnerships();
  const files = partnerships.flatMap((p) => p.diagrams);
  let results: RenderResult[];

  before(async () => {
    results = await renderDiagrams(files);
  });

  it("Given the partnerships' diagrams, When each is imported into bpmn-js, Then there is no warning", () => {
    expect(results.map((r) => [basename(r.file), r.warnings])).to.deep.equal(
      files.map((f) => [basename(f), []]),
    );
  });

  it('Given the imported diagrams, When exported, Then docs/processes holds one SVG per diagram with every element drawn', () => {
    mkdirSync(DOCS, { recursive: true });
    for (const p of partnerships) {
      p.diagrams.forEach((file, i) => {
        const r = results.find((x) => x.file === file)!;
        expect(r.svg).to.match(/^<\?xml|^<svg/);
        expect(r.svg).to.contain('data-element-id="Escalation_Raised"');
        writeFileSync(join(DOCS, svgName(p.settings.id, file, i)), r.svg);
      });
    }
  });
});
