/**
 * Orthogonal routing of a level's sequence flows. Each flow takes the cheapest candidate path
 * (candidates.ts): length, bends and disliked sides, plus penalties for crossing or running along
 * flows already routed, for sharing a side's midpoint and for crossing a label. A path through a
 * shape other than its own ends costs so much that it is taken only when nothing else exists.
 * Flows are routed short ones first, loops (back edges) last, so loops go around everything.
 */
import { candidatePaths, entries, exits, type PortKind } from './candidates.js';
import { segmentHits, type Point, type Rect } from './geometry.js';

/** What the router needs to know about a level. */
export interface RouteSpace {
  /** Every shape of the level (obstacles for the flows that do not start or end there). */
  shapes: Map<string, Rect>;
  kinds: Map<string, PortKind>;
  /** Labels already placed: crossing one is penalised, not forbidden. */
  labels: Rect[];
  channelsX: number[];
  channelsY: number[];
}

/** One flow to route. */
export interface FlowToRoute {
  id: string;
  source: string;
  target: string;
  back: boolean;
  /** The flow has a name, so a label to keep apart from its siblings'. */
  named: boolean;
}

interface Routed {
  flow: FlowToRoute;
  points: Point[];
}

const BEND = 40;
const CROSSING = 30;
const SHARED_EXIT = 400;
const FAN_OUT = 20;
const ALONG_UNRELATED = 200;
const ALONG_SAME_SOURCE = 100;
const THROUGH_LABEL = 300;
const THROUGH_SHAPE = 100_000;
/** Clearance kept between a flow and a shape it does not connect. */
const CLEARANCE = 4;
/** Candidates scored at most per flow, when nothing clean turns up early. */
const BUDGET = 30_000;

/** Routes every flow; returns waypoints by flow id (first and last on the shapes' borders). */
export function routeFlows(flows: FlowToRoute[], space: RouteSpace): Map<string, Point[]> {
  const order = [...flows].sort(
    (a, b) =>
      Number(a.back) - Number(b.back) ||
      distance(a, space) - distance(b, space) ||
      flows.indexOf(a) - flows.indexOf(b),
  );
  const routed: Routed[] = [];
  for (const flow of order) routed.push({ flow, points: bestPath(flow, space, routed) });
  return new Map(flows.map((f) => [f.id, routed.find((r) => r.flow === f)!.points]));
}

function distance(f: FlowToRoute, space: RouteSpace): number {
  const a = space.shapes.get(f.source)!;
  const b = space.shapes.get(f.target)!;
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}

/** The cheapest candidate, scored lazily in order of its base cost. */
function bestPath(flow: FlowToRoute, space: RouteSpace, routed: Routed[]): Point[] {
  const from = space.shapes.get(flow.source)!;
  const to = space.shapes.get(flow.target)!;
  const scored: { path: Point[]; base: number }[] = [];
  for (const s of exits(from, space.kinds.get(flow.source)!)) {
    for (const t of entries(to, space.kinds.get(flow.target)!)) {
      for (const path of candidatePaths(s, t, space.channelsX, space.channelsY)) {
        scored.push({ path, base: length(path) + BEND * (path.length - 2) + s.cost + t.cost });
      }
    }
  }
  scored.sort((a, b) => a.base - b.base);
  let best: { path: Point[]; total: number } | undefined;
  for (const [i, c] of scored.entries()) {
    if (best && (c.base >= best.total || i > BUDGET)) break;
    const total = c.base + penalty(c.path, flow, space, routed);
    if (!best || total < best.total) best = { path: c.path, total };
  }
  return best!.path;
}

function length(path: Point[]): number {
  let sum = 0;
  for (let i = 1; i < path.length; i++)
    sum += Math.abs(path[i]!.x - path[i - 1]!.x) + Math.abs(path[i]!.y - path[i - 1]!.y);
  return sum;
}

function penalty(path: Point[], flow: FlowToRoute, space: RouteSpace, routed: Routed[]): number {
  return shapePenalty(path, flow, space) + flowPenalty(path, flow, routed) + labelPenalty(path, space.labels);
}

/** Foreign shapes may not be touched; the flow's own shapes only at its ends. */
function shapePenalty(path: Point[], flow: FlowToRoute, space: RouteSpace): number {
  let hits = 0;
  const last = path.length - 2;
  for (const [id, r] of space.shapes) {
    for (let i = 0; i <= last; i++) {
      const own = (id === flow.source && i === 0) || (id === flow.target && i === last);
      if (own) continue;
      const margin = id === flow.source || id === flow.target ? 0 : CLEARANCE;
      if (segmentHits(path[i]!, path[i + 1]!, r, margin)) hits++;
    }
  }
  return hits * THROUGH_SHAPE;
}

function labelPenalty(path: Point[], labels: Rect[]): number {
  let hits = 0;
  for (const r of labels) {
    for (let i = 0; i + 1 < path.length; i++) if (segmentHits(path[i]!, path[i + 1]!, r, 1)) hits++;
  }
  return hits * THROUGH_LABEL;
}

/** Crossings, shared side midpoints and segments running along other flows. */
function flowPenalty(path: Point[], flow: FlowToRoute, routed: Routed[]): number {
  let cost = 0;
  for (const other of routed) {
    const [start, end] = [path[0]!, path.at(-1)!];
    const [otherStart, otherEnd] = [other.points[0]!, other.points.at(-1)!];
    // Flows may join at a side (a merge, drawn as one line), and unnamed ones may fan out from one
    // (a parallel split); named flows leaving by one side could not be told apart by their labels.
    const fanOut = !flow.named && !other.flow.named;
    if (same(start, otherStart) || same(start, otherEnd) || same(end, otherStart))
      cost += fanOut ? FAN_OUT : SHARED_EXIT;
    const sameSource = other.flow.source === flow.source;
    const sameTarget = other.flow.target === flow.target;
    for (let i = 0; i + 1 < path.length; i++) {
      for (let j = 0; j + 1 < other.points.length; j++) {
        const [a, b, c, d] = [path[i]!, path[i + 1]!, other.points[j]!, other.points[j + 1]!];
        if (crosses(a, b, c, d)) cost += CROSSING;
        else if (runsAlong(a, b, c, d) && !sameTarget) {
          cost += sameSource ? (fanOut ? FAN_OUT : ALONG_SAME_SOURCE) : ALONG_UNRELATED;
        }
      }
    }
  }
  return cost;
}

function same(a: Point, b: Point): boolean {
  return a.x === b.x && a.y === b.y;
}

/** A horizontal and a vertical segment crossing strictly inside both. */
export function crosses(a: Point, b: Point, c: Point, d: Point): boolean {
  const [h1, h2, v1, v2] = a.y === b.y ? [a, b, c, d] : [c, d, a, b];
  if (h1.y !== h2.y || v1.x !== v2.x || (a.y === b.y) === (c.y === d.y)) return false;
  const inX = v1.x > Math.min(h1.x, h2.x) && v1.x < Math.max(h1.x, h2.x);
  const inY = h1.y > Math.min(v1.y, v2.y) && h1.y < Math.max(v1.y, v2.y);
  return inX && inY;
}

/** Two parallel segments closer than 4 px that overlap by more than 4 px. */
export function runsAlong(a: Point, b: Point, c: Point, d: Point): boolean {
  const horizontal = a.y === b.y;
  if (horizontal !== (c.y === d.y)) return false;
  const [off, s1, e1, s2, e2] = horizontal
    ? [a.y - c.y, a.x, b.x, c.x, d.x]
    : [a.x - c.x, a.y, b.y, c.y, d.y];
  if (Math.abs(off) >= 4) return false;
  const overlap = Math.min(Math.max(s1, e1), Math.max(s2, e2)) - Math.max(Math.min(s1, e1), Math.min(s2, e2));
  return overlap > 4;
}
