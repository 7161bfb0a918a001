/**
 * Coordinates for one process level: column centres from the widest node of each column, tracks
 * stacked inside horizontal lane bands (laneSet order, top to bottom), event sub-processes as
 * blocks on a track of their own at the bottom of their lane, boundary events on their host's
 * bottom edge. Also lists the free vertical channels (between columns) and horizontal corridors
 * (between tracks) the router may run edges along.
 */
import { labelSize, type Rect } from './geometry.js';
import { gridNodes, type Layering } from './layers.js';
import type { LaneInfo, LayoutGraph, LayoutNode } from './model.js';
import type { Tracks } from './tracks.js';

const MARGIN_X = 40;
const COL_GAP = 50;
const TRACK_GAP = 40;
const LANE_PAD = 20;
const LANE_MIN = 120;
const BOUNDARY_SPACING = 42;

/** A lane's horizontal band, in level coordinates. */
export interface LaneBand extends LaneInfo {
  y: number;
  height: number;
}

/** How a level is framed: the root has lane headers; a sub-process has room for its name on top. */
export interface LevelFrame {
  /** Width of the lane header on the left (0 inside a sub-process). */
  header: number;
  /** Space above the first track (centred in the lane when 0). */
  padTop: number;
  /** Minimum lane height (so a lane's name fits its header). */
  minLaneHeight: (lane: LaneInfo) => number;
}

/** The placed shapes of a level and the free space between them. */
export interface Placement {
  width: number;
  height: number;
  lanes: LaneBand[];
  /** Shapes of this level's nodes (grid nodes, boundary events, sub-process blocks). */
  shapes: Map<string, Rect>;
  /** x of the vertical channels, y of the horizontal corridors, for routing. */
  channelsX: number[];
  channelsY: number[];
}

/** The root frame: a 30 px lane header, lanes tall enough for their name on two lines. */
export const ROOT_FRAME: LevelFrame = {
  header: 30,
  padTop: 0,
  minLaneHeight: (lane) => Math.max(LANE_MIN, Math.ceil((labelSize(lane.name, 10_000).width + 40) / 2)),
};

/** A sub-process frame: no header, 30 px on top for the sub-process's own name. */
export const SUB_FRAME: LevelFrame = { header: 0, padTop: 30, minLaneHeight: () => 0 };

interface Extent {
  above: number;
  below: number;
}

/** Places every node of the level. */
export function place(
  graph: LayoutGraph,
  lanes: LaneInfo[],
  layering: Layering,
  tracks: Tracks,
  frame: LevelFrame,
): Placement {
  const cols = columnCentres(graph, layering, frame.header + MARGIN_X);
  const blocks = blockSlots(graph, tracks, frame.header + MARGIN_X);
  const trackOf = new Map([...tracks, ...[...blocks].map(([id, b]) => [id, b.track] as const)]);
  const { bands, centreY } = stackLanes(graph, lanes, trackOf, frame);
  const shapes = new Map<string, Rect>();
  for (const n of [...gridNodes(graph), ...graph.nodes.filter((x) => x.eventSub)]) {
    const cx = blocks.get(n.id)?.centreX ?? cols.centre[layering.column.get(n.id)!]!;
    const cy = centreY(n.lane, trackOf.get(n.id)!);
    shapes.set(n.id, rectAt(cx, cy, n));
  }
  placeBoundaries(graph, shapes);
  const right = Math.max(cols.right, ...[...blocks.values()].map((b) => b.right));
  const width = right + MARGIN_X;
  const height = bands.length ? bands.at(-1)!.y + bands.at(-1)!.height : 0;
  return {
    width,
    height,
    lanes: bands,
    shapes,
    channelsX: slots(
      cols.gaps.concat([
        [frame.header, cols.left],
        [right, width],
      ]),
      [],
      8,
    ),
    channelsY: corridorSlots(graph, trackOf, centreY, bands),
  };
}

function rectAt(cx: number, cy: number, n: LayoutNode): Rect {
  return { x: cx - n.size.width / 2, y: cy - n.size.height / 2, width: n.size.width, height: n.size.height };
}

/** Column centres; a gap widens so a named flow's label fits beside its source. */
function columnCentres(graph: LayoutGraph, layering: Layering, left: number) {
  const nodes = gridNodes(graph);
  const count = Math.max(0, ...nodes.map((n) => layering.column.get(n.id)! + 1));
  const width = Array.from({ length: count }, (_, c) =>
    Math.max(0, ...nodes.filter((n) => layering.column.get(n.id) === c).map((n) => n.size.width)),
  );
  const inColumn = (c: number) => nodes.filter((n) => layering.column.get(n.id) === c);
  const overhang = (c: number) =>
    Math.max(
      0,
      ...inColumn(c)
        .filter((n) => n.name && n.type.endsWith('Event'))
        .map((n) => (labelSize(n.name).width - width[c]!) / 2),
    );
  const gap = width.map((w, c) => {
    // Room right of a node for its named flows' labels…
    const flowLabels = inColumn(c).flatMap((n) =>
      graph.flows
        .filter((f) => f.source === n.id && f.name)
        .map((f) => labelSize(f.name).width + 20 - (w - n.size.width) / 2),
    );
    // …and left of a gateway for its own label, which sits above its upper-left edge.
    const next = width[c + 1] ?? 0;
    const gatewayLabels = (c + 1 < count ? inColumn(c + 1) : [])
      .filter((n) => n.name && n.type.endsWith('Gateway'))
      .map((n) => labelSize(n.name).width + 10 - (next - n.size.width) / 2 - n.size.width / 2);
    // …and between events whose centred labels are wider than their columns.
    const events = overhang(c) + overhang(c + 1) + 8;
    return Math.ceil(Math.max(COL_GAP, events, ...flowLabels, ...gatewayLabels));
  });
  const centre: number[] = [];
  const gaps: [number, number][] = [];
  let x = left + Math.max(0, overhang(0) + 8 - MARGIN_X);
  width.forEach((w, c) => {
    centre.push(x + w / 2);
    x += w;
    if (c < count - 1) gaps.push([x, x + gap[c]!]);
    x += gap[c]!;
  });
  const last = count ? centre.at(-1)! + width.at(-1)! / 2 : left;
  return { centre, gaps, left, right: last + Math.max(0, overhang(count - 1) + 8 - MARGIN_X) };
}

/** Event sub-processes: one new track at the bottom of their lane, side by side from the left. */
function blockSlots(graph: LayoutGraph, tracks: Tracks, left: number) {
  const slotsOf = new Map<string, { track: number; centreX: number; right: number }>();
  const next = new Map<string, number>();
  for (const n of graph.nodes.filter((x) => x.eventSub)) {
    const inLane = gridNodes(graph).filter((x) => x.lane === n.lane);
    const track = Math.max(-1, ...inLane.map((x) => tracks.get(x.id)!)) + 1;
    const x = next.get(n.lane) ?? left;
    slotsOf.set(n.id, { track, centreX: x + n.size.width / 2, right: x + n.size.width });
    next.set(n.lane, x + n.size.width + COL_GAP);
  }
  return slotsOf;
}

/** How far a node and its labels and boundary events reach above and below its centre line. */
function extent(n: LayoutNode, graph: LayoutGraph): Extent {
  const half = n.size.height / 2;
  let above = half;
  let below = half;
  if (n.name && n.type.endsWith('Gateway')) above = half + 2 + labelSize(n.name).height;
  if (n.name && n.type.endsWith('Event')) below = half + 5 + labelSize(n.name).height;
  for (const id of n.boundaries) {
    const b = graph.nodes.find((x) => x.id === id)!;
    below = Math.max(below, half + Math.max(20, 4 + (b.name ? labelSize(b.name).height : 0)));
  }
  return { above, below };
}

/** Lane bands and the centre line of every (lane, track). */
function stackLanes(graph: LayoutGraph, lanes: LaneInfo[], trackOf: Map<string, number>, frame: LevelFrame) {
  const bands: LaneBand[] = [];
  const centres = new Map<string, number>();
  let y = 0;
  for (const lane of lanes) {
    const extents: Extent[] = [];
    for (const n of graph.nodes.filter((x) => x.lane === lane.id && trackOf.has(x.id))) {
      const t = trackOf.get(n.id)!;
      const e = extent(n, graph);
      extents[t] = {
        above: Math.max(extents[t]?.above ?? 0, e.above),
        below: Math.max(extents[t]?.below ?? 0, e.below),
      };
    }
    const filled = Array.from(extents, (e) => e ?? { above: 0, below: 0 });
    const content =
      filled.reduce((s, e) => s + e.above + e.below, 0) + TRACK_GAP * Math.max(0, filled.length - 1);
    const pad = frame.padTop || LANE_PAD;
    const height = Math.max(frame.minLaneHeight(lane), content + pad + LANE_PAD);
    let ty = y + (frame.padTop ? pad : Math.floor((height - content) / 2));
    filled.forEach((e, t) => {
      centres.set(`${lane.id}|${t}`, ty + e.above);
      ty += e.above + e.below + TRACK_GAP;
    });
    bands.push({ ...lane, y, height });
    y += height;
  }
  return { bands, centreY: (lane: string, track: number) => centres.get(`${lane}|${track}`)! };
}

/** Boundary events sit centred on their host's bottom edge, spread out when there are several. */
function placeBoundaries(graph: LayoutGraph, shapes: Map<string, Rect>): void {
  for (const host of graph.nodes.filter((n) => n.boundaries.length)) {
    const r = shapes.get(host.id)!;
    host.boundaries.forEach((id, i) => {
      const cx = r.x + r.width / 2 + Math.round((i - (host.boundaries.length - 1) / 2) * BOUNDARY_SPACING);
      shapes.set(id, { x: cx - 18, y: r.y + r.height - 18, width: 36, height: 36 });
    });
  }
}

/** Positions in each free interval: its middle, then 10 px steps outwards, `edge` px from its ends. */
function slots(intervals: [number, number][], avoid: number[], edge: number): number[] {
  const out = new Set<number>();
  for (const [a, b] of intervals) {
    const mid = Math.round((a + b) / 2);
    for (let d = 0; mid - d >= a + edge || mid + d <= b - edge; d += 10) {
      for (const v of [mid - d, mid + d]) {
        if (v >= a + edge && v <= b - edge && avoid.every((y) => Math.abs(v - y) >= 6)) out.add(v);
      }
    }
  }
  return [...out].sort((p, q) => p - q);
}

/** Horizontal corridors: above the first track, between tracks (across lane borders), below the last. */
function corridorSlots(
  graph: LayoutGraph,
  trackOf: Map<string, number>,
  centreY: (lane: string, track: number) => number,
  bands: LaneBand[],
): number[] {
  const rows = new Map<number, Extent>();
  for (const n of graph.nodes.filter((x) => trackOf.has(x.id))) {
    const cy = centreY(n.lane, trackOf.get(n.id)!);
    const e = extent(n, graph);
    const r = rows.get(cy) ?? { above: 0, below: 0 };
    rows.set(cy, { above: Math.max(r.above, e.above), below: Math.max(r.below, e.below) });
  }
  const sorted = [...rows].sort((a, b) => a[0] - b[0]);
  const intervals: [number, number][] = [];
  let top = 0;
  for (const [cy, e] of sorted) {
    intervals.push([top, cy - e.above]);
    top = cy + e.below;
  }
  const bottom = bands.length ? bands.at(-1)!.y + bands.at(-1)!.height : top;
  intervals.push([top, bottom]);
  return slots(intervals, bands.map((b) => b.y).concat([bottom]), 8);
}
