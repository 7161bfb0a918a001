/**
 * Writes the diagram interchange for a laid-out process as Camunda Modeler does: one BPMNDiagram
 * whose plane references the collaboration, the pool (participant) and its lanes as horizontal
 * shapes, then every flow node in document order (a sub-process before its content, so bpmn-js
 * draws the content on top), then every sequence flow. `<id>_di` ids, integer coordinates.
 */
import type { Point, Rect } from './geometry.js';
import type { LevelLayout } from './level.js';
import type { LayoutGraph, ProcessModel } from './model.js';

/** Where the pool's top-left corner goes (Camunda Modeler's usual margin). */
const POOL_X = 160;
const POOL_Y = 80;
/** The pool's header, left of the lanes. */
export const POOL_HEADER = 30;

/** The element prefixes to write, e.g. `bpmndi:` (empty for a default namespace). */
export interface Prefixes {
  bpmndi: string;
  dc: string;
  di: string;
}

/** Ids of the collaboration and participant the plane references (existing, or to be inserted). */
export function collaborationIds(model: ProcessModel): { id: string; participantId: string } {
  return (
    model.collaboration ?? {
      id: `Collaboration_${model.processId}`,
      participantId: `Participant_${model.processId}`,
    }
  );
}

/** The pool's bounds for a root level layout. */
export function poolBounds(level: LevelLayout): Rect {
  return { x: POOL_X, y: POOL_Y, width: POOL_HEADER + level.width, height: level.height };
}

/** The `<BPMNDiagram>` element text, indented by `indent` (the plane one level deeper). */
export function diagramXml(model: ProcessModel, level: LevelLayout, p: Prefixes, indent: string): string {
  const at = { ...level, ...moveAll(level) };
  const pool = poolBounds(level);
  const lines: string[] = [];
  const { id: collaborationId, participantId } = collaborationIds(model);
  lines.push(`<${p.bpmndi}BPMNDiagram id="${attr(model.diagramId ?? `BPMNDiagram_${model.processId}`)}">`);
  lines.push(
    `  <${p.bpmndi}BPMNPlane id="${attr(model.planeId ?? `BPMNPlane_${model.processId}`)}" bpmnElement="${attr(collaborationId)}">`,
  );
  lines.push(`    ${shapeXml(participantId, pool, p, ' isHorizontal="true"')}`);
  for (const lane of at.lanes) {
    const r = { x: pool.x + POOL_HEADER, y: lane.y, width: level.width, height: lane.height };
    lines.push(`    ${shapeXml(lane.id, r, p, ' isHorizontal="true"')}`);
  }
  for (const n of allNodes(model.graph)) {
    const extra = n.children
      ? ' isExpanded="true"'
      : n.type === 'bpmn:ExclusiveGateway'
        ? ' isMarkerVisible="true"'
        : '';
    lines.push(`    ${shapeXml(n.id, at.shapes.get(n.id)!, p, extra, at.labels.get(n.id))}`);
  }
  for (const f of allFlows(model.graph))
    lines.push(`    ${edgeXml(f.id, at.edges.get(f.id)!, p, at.labels.get(f.id))}`);
  lines.push(`  </${p.bpmndi}BPMNPlane>`);
  lines.push(`</${p.bpmndi}BPMNDiagram>`);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

/** The level moved so its origin is right of the pool's header. */
function moveAll(level: LevelLayout) {
  const dx = POOL_X + POOL_HEADER;
  const move = (r: Rect) => ({ ...r, x: r.x + dx, y: r.y + POOL_Y });
  return {
    lanes: level.lanes.map((l) => ({ ...l, y: l.y + POOL_Y })),
    shapes: new Map([...level.shapes].map(([id, r]) => [id, move(r)])),
    labels: new Map([...level.labels].map(([id, r]) => [id, move(r)])),
    edges: new Map(
      [...level.edges].map(([id, pts]) => [id, pts.map((q) => ({ x: q.x + dx, y: q.y + POOL_Y }))]),
    ),
  };
}

function allNodes(graph: LayoutGraph): LayoutGraph['nodes'] {
  return graph.nodes.flatMap((n) => [n, ...(n.children ? allNodes(n.children) : [])]);
}

function allFlows(graph: LayoutGraph): LayoutGraph['flows'] {
  return [...graph.flows, ...graph.nodes.flatMap((n) => (n.children ? allFlows(n.children) : []))];
}

function shapeXml(id: string, r: Rect, p: Prefixes, extra: string, label?: Rect): string {
  return (
    `<${p.bpmndi}BPMNShape id="${attr(id)}_di" bpmnElement="${attr(id)}"${extra}>${bounds(r, p)}` +
    `${label ? labelXml(label, p) : ''}</${p.bpmndi}BPMNShape>`
  );
}

function edgeXml(id: string, points: Point[], p: Prefixes, label?: Rect): string {
  const waypoints = points.map((q) => `<${p.di}waypoint x="${num(q.x)}" y="${num(q.y)}" />`).join('');
  return (
    `<${p.bpmndi}BPMNEdge id="${attr(id)}_di" bpmnElement="${attr(id)}">${waypoints}` +
    `${label ? labelXml(label, p) : ''}</${p.bpmndi}BPMNEdge>`
  );
}

function labelXml(r: Rect, p: Prefixes): string {
  return `<${p.bpmndi}BPMNLabel>${bounds(r, p)}</${p.bpmndi}BPMNLabel>`;
}

function bounds(r: Rect, p: Prefixes): string {
  return `<${p.dc}Bounds x="${num(r.x)}" y="${num(r.y)}" width="${num(r.width)}" height="${num(r.height)}" />`;
}

/** Coordinates are integers by construction; rounding guards the text against float noise. */
function num(v: number): string {
  return String(Math.round(v));
}

/** Escapes an attribute value. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
