/**
 * Columns for the left-to-right layout: back edges found by a depth-first search from the start
 * events are ignored, then every node goes in the column of its longest path from a source
 * (longest-path layering). A boundary event shares its host's column, so its outgoing path
 * continues in later columns. Also picks the main chain: the path a reader follows first.
 */
import type { LayoutFlow, LayoutGraph, LayoutNode } from './model.js';

/** Columns, back edges and the main chain of one graph. */
export interface Layering {
  /** Column of every node that is laid out on the grid (boundary events: their host's). */
  column: Map<string, number>;
  /** Ids of flows that close a loop; they are routed around, not used for columns. */
  backEdges: Set<string>;
  /** Ids of the nodes on the main chain, from the first start event. */
  chain: Set<string>;
}

/** The node a flow is laid out from: a boundary event's flows leave from its host's column. */
export function gridSource(graph: LayoutGraph, flow: LayoutFlow): string {
  const source = graph.nodes.find((n) => n.id === flow.source);
  return source?.host ?? flow.source;
}

/** Nodes placed on the column grid: everything except boundary events and event sub-processes. */
export function gridNodes(graph: LayoutGraph): LayoutNode[] {
  return graph.nodes.filter((n) => !n.host && !n.eventSub);
}

/** Computes columns, back edges and the main chain. */
export function layer(graph: LayoutGraph): Layering {
  const nodes = gridNodes(graph);
  const out = outgoing(graph);
  const backEdges = findBackEdges(nodes, out);
  const column = longestPath(nodes, out, backEdges);
  for (const n of graph.nodes) if (n.host) column.set(n.id, column.get(n.host) ?? 0);
  return { column, backEdges, chain: mainChain(graph, out, backEdges) };
}

type Edge = { flow: LayoutFlow; from: string; to: string };

/** Grid edges by source, in document order of the flows. */
function outgoing(graph: LayoutGraph): Map<string, Edge[]> {
  const out = new Map<string, Edge[]>();
  for (const flow of graph.flows) {
    const from = gridSource(graph, flow);
    out.set(from, [...(out.get(from) ?? []), { flow, from, to: flow.target }]);
  }
  return out;
}

/** Start with start events, then any node without incoming flows, then the rest (document order). */
function dfsRoots(nodes: LayoutNode[], out: Map<string, Edge[]>): LayoutNode[] {
  const targets = new Set([...out.values()].flat().map((e) => e.to));
  const starts = nodes.filter((n) => n.type === 'bpmn:StartEvent');
  const sources = nodes.filter((n) => !targets.has(n.id) && !starts.includes(n));
  return [...starts, ...sources, ...nodes.filter((n) => !starts.includes(n) && !sources.includes(n))];
}

function findBackEdges(nodes: LayoutNode[], out: Map<string, Edge[]>): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    for (const e of out.get(id) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') back.add(e.flow.id);
      else if (!s) visit(e.to);
    }
    state.set(id, 'done');
  };
  for (const n of dfsRoots(nodes, out)) if (!state.has(n.id)) visit(n.id);
  return back;
}

/** Longest path from a source over the acyclic rest (Kahn's order, ties in document order). */
function longestPath(nodes: LayoutNode[], out: Map<string, Edge[]>, back: Set<string>): Map<string, number> {
  const column = new Map(nodes.map((n) => [n.id, 0]));
  const indegree = new Map(nodes.map((n) => [n.id, 0]));
  const forward = (id: string) => (out.get(id) ?? []).filter((e) => !back.has(e.flow.id) && column.has(e.to));
  for (const n of nodes) for (const e of forward(n.id)) indegree.set(e.to, indegree.get(e.to)! + 1);
  const queue = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of forward(id)) {
      column.set(e.to, Math.max(column.get(e.to)!, column.get(id)! + 1));
      indegree.set(e.to, indegree.get(e.to)! - 1);
      if (indegree.get(e.to) === 0) queue.push(e.to);
    }
  }
  return column;
}

/**
 * The main chain: from the first start event, follow a gateway's default flow, otherwise the flow
 * with the longest way still to go. Boundary events' flows are never on it: their paths are the
 * exceptions drawn on the next track.
 */
function mainChain(graph: LayoutGraph, out: Map<string, Edge[]>, back: Set<string>): Set<string> {
  const own = (id: string) => (out.get(id) ?? []).filter((e) => e.flow.source === id && !back.has(e.flow.id));
  const remaining = new Map<string, number>();
  const height = (id: string): number => {
    if (!remaining.has(id)) {
      remaining.set(id, 0); // guards against cycles through boundary flows
      remaining.set(id, Math.max(0, ...own(id).map((e) => height(e.to) + 1)));
    }
    return remaining.get(id)!;
  };
  const chain = new Set<string>();
  let current = gridNodes(graph).find((n) => n.type === 'bpmn:StartEvent')?.id;
  while (current && !chain.has(current)) {
    chain.add(current);
    const edges = own(current);
    const pick =
      edges.find((e) => e.flow.isDefault) ??
      [...edges].sort((a, b) => height(b.to) - height(a.to) || edges.indexOf(a) - edges.indexOf(b))[0];
    current = pick?.to;
  }
  return chain;
}
