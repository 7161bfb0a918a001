/**
 * Lays out one process level (the process in its lanes, or a sub-process's content) from the
 * semantic graph alone: sub-process contents first (they give the sub-process its size), then
 * columns, tracks, coordinates, node labels, flow routes and flow labels.
 */
import type { PortKind } from './candidates.js';
import { moved, type Point, type Rect } from './geometry.js';
import { flowLabels, nodeLabels } from './labels.js';
import { layer } from './layers.js';
import type { LaneInfo, LayoutGraph, LayoutNode } from './model.js';
import { place, SUB_FRAME, type LaneBand, type LevelFrame } from './place.js';
import { routeFlows } from './route.js';
import { assignTracks } from './tracks.js';

/** Everything drawn on one level and the levels inside it, in level coordinates. */
export interface LevelLayout {
  width: number;
  height: number;
  lanes: LaneBand[];
  /** Shapes of every flow node (nested ones included). */
  shapes: Map<string, Rect>;
  /** External labels of events, gateways and named flows (nested ones included). */
  labels: Map<string, Rect>;
  /** Waypoints of every sequence flow (nested ones included). */
  edges: Map<string, Point[]>;
}

/** Lays out `graph` in `lanes` framed by `frame`. */
export function layoutLevel(graph: LayoutGraph, lanes: LaneInfo[], frame: LevelFrame): LevelLayout {
  const nested = new Map<string, LevelLayout>();
  const sized: LayoutGraph = {
    flows: graph.flows,
    nodes: graph.nodes.map((n) => {
      if (!n.children) return n;
      const inner = layoutLevel(n.children, [{ id: '', name: '' }], SUB_FRAME);
      nested.set(n.id, inner);
      // Even sizes keep every centre, and so every coordinate, an integer.
      return {
        ...n,
        size: { width: inner.width + (inner.width % 2), height: inner.height + (inner.height % 2) },
      };
    }),
  };
  const layering = layer(sized);
  const tracks = assignTracks(
    sized,
    layering,
    lanes.map((l) => l.id),
  );
  const placement = place(sized, lanes, layering, tracks, frame);
  const shapes = placement.shapes;
  const labels = nodeLabels(sized, shapes);
  const edges = routeFlows(
    sized.flows.map((f) => ({ ...f, back: layering.backEdges.has(f.id), named: f.name !== '' })),
    {
      shapes,
      kinds: new Map(sized.nodes.map((n) => [n.id, kindOf(n)])),
      labels: [...labels.values()],
      channelsX: placement.channelsX,
      channelsY: placement.channelsY,
    },
  );
  for (const [id, r] of flowLabels(sized, edges, [...shapes.values()], [...labels.values()]))
    labels.set(id, r);
  const level = {
    width: placement.width,
    height: placement.height,
    lanes: placement.lanes,
    shapes,
    labels,
    edges,
  };
  for (const [id, inner] of nested) mergeInto(level, translate(inner, shapes.get(id)!.x, shapes.get(id)!.y));
  return level;
}

function kindOf(n: LayoutNode): PortKind {
  if (n.host) return 'boundary';
  if (n.type.endsWith('Gateway')) return 'gateway';
  if (n.type.endsWith('Event')) return 'event';
  return 'activity';
}

/** The layout moved by (dx, dy). */
export function translate(level: LevelLayout, dx: number, dy: number): LevelLayout {
  const move = (m: Map<string, Rect>) => new Map([...m].map(([id, r]) => [id, moved(r, dx, dy)]));
  return {
    width: level.width,
    height: level.height,
    lanes: level.lanes.map((l) => ({ ...l, y: l.y + dy })),
    shapes: move(level.shapes),
    labels: move(level.labels),
    edges: new Map([...level.edges].map(([id, pts]) => [id, pts.map((p) => ({ x: p.x + dx, y: p.y + dy }))])),
  };
}

function mergeInto(level: LevelLayout, inner: LevelLayout): void {
  for (const [id, r] of inner.shapes) level.shapes.set(id, r);
  for (const [id, r] of inner.labels) level.labels.set(id, r);
  for (const [id, pts] of inner.edges) level.edges.set(id, pts);
}
