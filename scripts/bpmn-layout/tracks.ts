/**
 * Tracks (rows) within each lane. The main chain runs along a lane's first track; every other node
 * of a lane the chain passes through (breach paths after boundary events, a gateway's other
 * branch) starts on the next track. Nodes sharing a lane and a column get separate tracks, taken in
 * barycenter order of their predecessors' rows (one left-to-right sweep) to reduce crossings, and
 * a node keeps its predecessor's track when it can, so paths stay straight.
 */
import type { Layering } from './layers.js';
import { gridNodes, gridSource } from './layers.js';
import type { LayoutGraph, LayoutNode } from './model.js';

/** Track index (0 = top track of its lane) of every grid node. */
export type Tracks = Map<string, number>;

/** Assigns tracks; `laneOrder` lists the lane ids top to bottom. */
export function assignTracks(graph: LayoutGraph, layering: Layering, laneOrder: string[]): Tracks {
  const nodes = gridNodes(graph);
  const preds = predecessors(graph, layering);
  const chainLanes = new Set(nodes.filter((n) => layering.chain.has(n.id)).map((n) => n.lane));
  const tracks: Tracks = new Map();
  const taken = new Set<string>();
  const row = (id: string) => {
    const n = nodes.find((x) => x.id === id)!;
    return laneOrder.indexOf(n.lane) * 1000 + (tracks.get(id) ?? 0);
  };
  const columns = [...new Set(nodes.map((n) => layering.column.get(n.id)!))].sort((a, b) => a - b);
  for (const c of columns) {
    for (const n of inColumnOrder(nodes, c, layering, preds, tracks, row)) {
      const min = layering.chain.has(n.id) || !chainLanes.has(n.lane) ? 0 : 1;
      const sameLane = (preds.get(n.id) ?? []).filter((p) => tracks.has(p) && laneOf(nodes, p) === n.lane);
      let t = Math.max(min, sameLane.length ? Math.min(...sameLane.map((p) => tracks.get(p)!)) : min);
      if (layering.chain.has(n.id)) t = 0;
      while (taken.has(`${n.lane}|${c}|${t}`)) t++;
      taken.add(`${n.lane}|${c}|${t}`);
      tracks.set(n.id, t);
    }
  }
  return tracks;
}

/** Chain nodes first, then by the mean row of their already placed predecessors, then document order. */
function inColumnOrder(
  nodes: LayoutNode[],
  column: number,
  layering: Layering,
  preds: Map<string, string[]>,
  tracks: Tracks,
  row: (id: string) => number,
): LayoutNode[] {
  const here = nodes.filter((n) => layering.column.get(n.id) === column);
  const barycenter = (n: LayoutNode) => {
    const placed = (preds.get(n.id) ?? []).filter((p) => tracks.has(p));
    return placed.length ? placed.reduce((s, p) => s + row(p), 0) / placed.length : Number.MAX_SAFE_INTEGER;
  };
  const key = new Map(here.map((n) => [n.id, barycenter(n)]));
  return [...here].sort(
    (a, b) =>
      Number(layering.chain.has(b.id)) - Number(layering.chain.has(a.id)) ||
      key.get(a.id)! - key.get(b.id)! ||
      here.indexOf(a) - here.indexOf(b),
  );
}

/** Forward predecessors on the grid (a boundary event's flows count from its host). */
function predecessors(graph: LayoutGraph, layering: Layering): Map<string, string[]> {
  const preds = new Map<string, string[]>();
  for (const f of graph.flows) {
    if (layering.backEdges.has(f.id)) continue;
    preds.set(f.target, [...(preds.get(f.target) ?? []), gridSource(graph, f)]);
  }
  return preds;
}

function laneOf(nodes: LayoutNode[], id: string): string | undefined {
  return nodes.find((n) => n.id === id)?.lane;
}
