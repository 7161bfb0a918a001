/**
 * Definite assignment of process variables over a process's sequence flows: which variables are
 * set on *every* path reaching each element. A must-analysis: a join keeps only what every
 * incoming path set; a boundary event sees what was set before its activity began.
 */
import { flowElements, is, type ModdleElement } from './moddle.js';

export interface Dataflow {
  /** Variables set on every path before the element starts. */
  before(id: string): ReadonlySet<string>;
  /** Variables set on every path once the element has completed. */
  after(id: string): ReadonlySet<string>;
}

type Writes = (node: ModdleElement) => string[];

function predecessors(nodes: ModdleElement[]): Map<string, { id: string; viaBoundary: boolean }[]> {
  const preds = new Map<string, { id: string; viaBoundary: boolean }[]>();
  const add = (to: string, id: string, viaBoundary: boolean) =>
    preds.set(to, [...(preds.get(to) ?? []), { id, viaBoundary }]);
  for (const n of nodes) {
    if (is(n, 'bpmn:SequenceFlow')) add(ref(n, 'targetRef'), ref(n, 'sourceRef'), false);
    if (is(n, 'bpmn:BoundaryEvent')) add(String(n.id), ref(n, 'attachedToRef'), true);
  }
  return preds;
}

function ref(n: ModdleElement, key: string): string {
  return String((n.get(key) as ModdleElement | undefined)?.id);
}

/** Analyses one scope (a process or an event sub-process); `entry` is what its start events know. */
export function analyse(scope: ModdleElement, entry: ReadonlySet<string>, writes: Writes): Dataflow {
  const all = flowElements(scope);
  const nodes = all.filter((n) => !is(n, 'bpmn:SequenceFlow'));
  const preds = predecessors(all);
  const universe = new Set<string>(entry);
  for (const n of nodes) writes(n).forEach((w) => universe.add(w));
  const inSets = new Map<string, Set<string>>();
  for (const n of nodes)
    inSets.set(String(n.id), preds.has(String(n.id)) ? new Set(universe) : new Set(entry));
  const out = (id: string, viaBoundary: boolean): Set<string> => {
    const node = nodes.find((n) => n.id === id);
    const base = inSets.get(id) ?? new Set(entry);
    return viaBoundary || !node ? base : new Set([...base, ...writes(node)]);
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const n of nodes) {
      const ps = preds.get(String(n.id));
      if (!ps) continue;
      const next = ps
        .map((p) => out(p.id, p.viaBoundary))
        .reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
      if (next.size !== inSets.get(String(n.id))?.size) {
        inSets.set(String(n.id), next);
        changed = true;
      }
    }
  }
  return { before: (id) => inSets.get(id) ?? new Set(entry), after: (id) => out(id, false) };
}
