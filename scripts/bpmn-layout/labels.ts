/**
 * External labels, placed as a reader expects them: events below, gateways above, a boundary
 * event's beside it under its host, a named flow next to its first segment. Each label's bounds
 * are sized to its text (labelSize). A label tries its usual place first and moves to the next
 * candidate when it would cover a shape or another label; among free places it prefers one no
 * flow crosses.
 */
import { labelSize, overlaps, segmentHits, type Point, type Rect, type Size } from './geometry.js';
import type { LayoutGraph, LayoutNode } from './model.js';

/** Labels of the level's events and gateways (tasks and sub-processes carry their name inside). */
export function nodeLabels(graph: LayoutGraph, shapes: Map<string, Rect>): Map<string, Rect> {
  const placed = new Map<string, Rect>();
  for (const n of graph.nodes) {
    if (!n.name || !(n.type.endsWith('Event') || n.type.endsWith('Gateway'))) continue;
    const options = nodeLabelOptions(n, shapes.get(n.id)!, labelSize(n.name));
    placed.set(
      n.id,
      choose(
        options,
        [...shapes.values()].filter((r) => r !== shapes.get(n.id)),
        [...placed.values()],
        [],
      ),
    );
  }
  return placed;
}

function nodeLabelOptions(n: LayoutNode, r: Rect, size: Size): Rect[] {
  const cx = r.x + r.width / 2;
  const centred = (y: number) => box(Math.round(cx - size.width / 2), y, size);
  if (n.host) {
    // Beside the boundary event, below the host's edge: the flow leaves the event downwards.
    const y = r.y + 20;
    return [box(r.x + r.width + 2, y, size), box(r.x - 2 - size.width, y, size), centred(r.y + r.height + 4)];
  }
  if (n.type.endsWith('Gateway')) {
    // Upper left, as in the hand-made diagrams: the top corner stays free for a flow.
    const above = r.y - 2 - size.height;
    return [box(cx - 4 - size.width, above, size), centred(above), box(cx + 4, above, size)];
  }
  const below = r.y + r.height + 5;
  return [centred(below), box(r.x + r.width - 6, below, size), box(r.x + 6 - size.width, below, size)];
}

/** Labels of named flows, beside their first segment (or a later one when the first has no room). */
export function flowLabels(
  graph: LayoutGraph,
  edges: Map<string, Point[]>,
  shapes: Rect[],
  labels: Rect[],
): Map<string, Rect> {
  const placed = new Map<string, Rect>();
  const segments = [...edges.values()];
  for (const f of graph.flows.filter((x) => x.name)) {
    const points = edges.get(f.id)!;
    const size = labelSize(f.name);
    const options = points.slice(1).flatMap((p, i) => segmentOptions(points[i]!, p, size));
    placed.set(f.id, choose(options, shapes, [...labels, ...placed.values()], segments));
  }
  return placed;
}

/** Places beside a segment, near its start: above/below a horizontal one, right/left of a vertical one. */
function segmentOptions(a: Point, b: Point, size: Size): Rect[] {
  const out: Rect[] = [];
  const len = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
  // Start past the default-flow marker bpmn-js draws near the source.
  for (
    let along = 16;
    along === 16 || along + 10 <= len - (a.y === b.y ? size.width : size.height);
    along += 10
  ) {
    if (a.y === b.y) {
      const x = b.x > a.x ? a.x + along : a.x - along - size.width;
      out.push(box(x, a.y - 4 - size.height, size), box(x, a.y + 4, size));
    } else {
      const y = b.y > a.y ? a.y + along : a.y - along - size.height;
      out.push(box(a.x + 6, y, size), box(a.x - 6 - size.width, y, size));
    }
  }
  return out;
}

/**
 * The first option clear of shapes and labels, preferring one that no flow crosses; when none is
 * clear, the one covering the fewest.
 */
function choose(options: Rect[], shapes: Rect[], labels: Rect[], flows: Point[][]): Rect {
  let best = options[0]!;
  let bestCost = Infinity;
  for (const r of options) {
    const covered =
      shapes.filter((s) => overlaps(r, s, 2)).length + labels.filter((l) => overlaps(r, l, 2)).length;
    const crossed = flows.filter((pts) =>
      pts.some((p, i) => i > 0 && segmentHits(pts[i - 1]!, p, r, -1)),
    ).length;
    const cost = covered * 1000 + crossed;
    if (cost < bestCost) [best, bestCost] = [r, cost];
    if (cost === 0) break;
  }
  return best;
}

function box(x: number, y: number, size: Size): Rect {
  return { x: Math.round(x), y: Math.round(y), width: size.width, height: size.height };
}
