/**
 * `npm run layout:bpmn -- <file.bpmn>...`: computes each diagram's DI (a pool with one lane per
 * `bpmn:lane`, left to right, orthogonal flows, labels) from its semantic model and rewrites the
 * file in place. Only the `<bpmndi:BPMNDiagram>` section changes (and a collaboration is inserted
 * when the file has none): the semantic XML stays byte for byte as it was.
 *
 * Exit codes: 0 all laid out; 2 a flow node is in no lane or in several (the ids are printed);
 * 1 anything else (unreadable file, unsupported element). Every file is tried.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diagramXml, poolBounds } from './di-xml.js';
import type { Rect } from './geometry.js';
import { layoutLevel } from './level.js';
import { readProcessModel } from './model.js';
import { ROOT_FRAME } from './place.js';
import { insertCollaboration, replaceDiagrams, withDiNamespaces } from './splice.js';

/** The laid-out text and the pool's bounds (the diagram's extent). */
export interface LayoutResult {
  xml: string;
  pool: Rect;
}

/** Lays out one .bpmn text; throws LaneAssignmentError or UnsupportedDiagramError. */
export async function layoutBpmn(xml: string): Promise<LayoutResult> {
  const model = await readProcessModel(xml);
  const level = layoutLevel(model.graph, model.lanes, ROOT_FRAME);
  const { xml: declared, prefixes, bpmn } = withDiNamespaces(xml);
  const diagram = diagramXml(model, level, prefixes, '  ');
  const out = insertCollaboration(replaceDiagrams(declared, diagram, prefixes, bpmn), model, bpmn);
  return { xml: out, pool: poolBounds(level) };
}

/** Lays out each file in place; returns the exit code. */
export async function main(files: string[], log = console.log, error = console.error): Promise<number> {
  if (!files.length) {
    error('usage: npm run layout:bpmn -- <file.bpmn>...');
    return 1;
  }
  let code = 0;
  for (const file of files) {
    try {
      const before = readFileSync(file, 'utf8');
      const { xml, pool } = await layoutBpmn(before);
      if (xml !== before) writeFileSync(file, xml);
      log(`${file}: ${xml === before ? 'unchanged' : 'laid out'}, ${pool.width} x ${pool.height} px`);
    } catch (e) {
      const err = e as Error & { exitCode?: number };
      error(`${file}: ${err.message}`);
      code = Math.max(code, err.exitCode ?? 1);
    }
  }
  return code;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
