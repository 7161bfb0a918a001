/**
 * Orthogonal path candidates for one sequence flow: every way to leave the source by a side's
 * midpoint and reach a side's midpoint of the target with up to five segments whose free
 * coordinates lie on the free channels (between columns) and corridors (between tracks).
 * The router scores them; this file only enumerates well-formed ones.
 */
import type { Point, Rect } from './geometry.js';

/** Direction of travel. */
export type Dir = 'left' | 'right' | 'up' | 'down';

/** A side's midpoint, the direction a path travels there, and how much that side is disliked. */
export interface Port {
  p: Point;
  dir: Dir;
  cost: number;
}

/** The shape kinds whose ports differ. */
export type PortKind = 'boundary' | 'gateway' | 'event' | 'activity';

const HORIZONTAL: Dir[] = ['left', 'right'];
/** Free channels nearest a port considered for the outer legs of five-segment paths. */
const NEAR = 4;

/** Where a flow may leave a shape: boundary events only downwards; others rightwards first. */
export function exits(r: Rect, kind: PortKind): Port[] {
  const mid = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  const bottom: Port = { p: { x: mid.x, y: r.y + r.height }, dir: 'down', cost: 0 };
  if (kind === 'boundary') return [bottom];
  const side = kind === 'gateway' ? 5 : kind === 'event' ? 30 : 60;
  return [
    { p: { x: r.x + r.width, y: mid.y }, dir: 'right', cost: 0 },
    { ...bottom, cost: side },
    { p: { x: mid.x, y: r.y }, dir: 'up', cost: side },
  ];
}

/** Where a flow may enter a shape: the left side, else the top or bottom. */
export function entries(r: Rect, kind: PortKind): Port[] {
  const mid = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  // Dearer than the two bends of a route into the left side: left is where a reader looks first.
  const side = kind === 'gateway' ? 45 : 50;
  return [
    { p: { x: r.x, y: mid.y }, dir: 'right', cost: 0 },
    { p: { x: mid.x, y: r.y }, dir: 'down', cost: side },
    { p: { x: mid.x, y: r.y + r.height }, dir: 'up', cost: side },
  ];
}

/** Every well-formed path from `s` to `t` through the given channel x's and corridor y's. */
export function candidatePaths(s: Port, t: Port, xs: number[], ys: number[]): Point[][] {
  const raw = HORIZONTAL.includes(s.dir)
    ? HORIZONTAL.includes(t.dir)
      ? fromSideToSide(s, t, xs, ys)
      : fromSideToEnd(s, t, xs, ys)
    : HORIZONTAL.includes(t.dir)
      ? fromEndToSide(s, t, xs, ys)
      : fromEndToEnd(s, t, xs, ys);
  const out: Point[][] = [];
  for (const path of raw) {
    const clean = simplify(path);
    if (clean && travels(clean[0]!, clean[1]!) === s.dir && travels(clean.at(-2)!, clean.at(-1)!) === t.dir) {
      out.push(clean);
    }
  }
  return out;
}

/** Horizontal exit, horizontal entry: straight, one vertical channel, or out–corridor–in. */
function fromSideToSide(s: Port, t: Port, xs: number[], ys: number[]): Point[][] {
  const { p, q } = { p: s.p, q: t.p };
  const out: Point[][] = [[p, q]];
  for (const x of between(xs, p.x, q.x)) out.push([p, { x, y: p.y }, { x, y: q.y }, q]);
  for (const x1 of near(xs, p.x, s.dir)) {
    for (const x2 of near(xs, q.x, opposite(t.dir))) {
      for (const y of ys) out.push([p, { x: x1, y: p.y }, { x: x1, y }, { x: x2, y }, { x: x2, y: q.y }, q]);
    }
  }
  return out;
}

/** Horizontal exit, vertical entry: an L, or out to a channel and a corridor above/below the target. */
function fromSideToEnd(s: Port, t: Port, xs: number[], ys: number[]): Point[][] {
  const { p, q } = { p: s.p, q: t.p };
  const out: Point[][] = [[p, { x: q.x, y: p.y }, q]];
  for (const x of near(xs, p.x, s.dir, 2 * NEAR)) {
    for (const y of near(ys, q.y, opposite(t.dir), 2 * NEAR)) {
      out.push([p, { x, y: p.y }, { x, y }, { x: q.x, y }, q]);
    }
  }
  return out;
}

/** Vertical exit, horizontal entry: an L, or down/up to a corridor, along, then into the side. */
function fromEndToSide(s: Port, t: Port, xs: number[], ys: number[]): Point[][] {
  const { p, q } = { p: s.p, q: t.p };
  const out: Point[][] = [[p, { x: p.x, y: q.y }, q]];
  // Channels between the two, or just before the target when the flow loops back leftwards.
  const channels = [...between(xs, p.x, q.x), ...near(xs, q.x, opposite(t.dir))];
  for (const y of near(ys, p.y, s.dir, 2 * NEAR)) {
    for (const x of channels) out.push([p, { x: p.x, y }, { x, y }, { x, y: q.y }, q]);
  }
  return out;
}

/** Vertical exit, vertical entry: straight, one corridor (loops around), or corridor–channel–corridor. */
function fromEndToEnd(s: Port, t: Port, xs: number[], ys: number[]): Point[][] {
  const { p, q } = { p: s.p, q: t.p };
  const out: Point[][] = [[p, q]];
  for (const y of ys) out.push([p, { x: p.x, y }, { x: q.x, y }, q]);
  for (const y1 of near(ys, p.y, s.dir)) {
    for (const y2 of near(ys, q.y, opposite(t.dir))) {
      for (const x of xs) out.push([p, { x: p.x, y: y1 }, { x, y: y1 }, { x, y: y2 }, { x: q.x, y: y2 }, q]);
    }
  }
  return out;
}

/** Removes repeated points and merges collinear runs; null when the path doubles back on itself. */
export function simplify(path: Point[]): Point[] | null {
  const pts = path.filter((pt, i) => i === 0 || pt.x !== path[i - 1]!.x || pt.y !== path[i - 1]!.y);
  if (pts.length < 2) return null;
  const out: Point[] = [pts[0]!];
  for (let i = 1; i < pts.length; i++) {
    const prev = out.at(-1)!;
    const here = pts[i]!;
    if (prev.x !== here.x && prev.y !== here.y) return null; // not orthogonal
    const before = out.at(-2);
    if (before && travels(before, prev) === travels(prev, here)) out[out.length - 1] = here;
    else if (before && travels(before, prev) === opposite(travels(prev, here))) return null;
    else out.push(here);
  }
  return out;
}

/** The direction from a to b along one axis. */
export function travels(a: Point, b: Point): Dir {
  if (a.y === b.y) return b.x > a.x ? 'right' : 'left';
  return b.y > a.y ? 'down' : 'up';
}

function opposite(d: Dir): Dir {
  return ({ left: 'right', right: 'left', up: 'down', down: 'up' } as const)[d];
}

/** Values strictly between a and b. */
function between(values: number[], a: number, b: number): number[] {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return values.filter((v) => v > lo && v < hi);
}

/** The `k` values nearest `from` that lie in direction `dir` (values are sorted ascending). */
function near(values: number[], from: number, dir: Dir, k = NEAR): number[] {
  const forward = dir === 'right' || dir === 'down';
  const ahead = values.filter((v) => (forward ? v > from : v < from));
  return forward ? ahead.slice(0, k) : ahead.slice(-k);
}
