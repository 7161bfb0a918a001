/**
 * Checks a laid-out diagram's DI, as read back by bpmn-moddle, against the layout rules: DI for
 * every element, no shape or label overlapping another, every shape inside its lane and the pool,
 * orthogonal flows from a side's midpoint to a side's midpoint, no flow through a shape it does
 * not connect. Returns one message per violation (empty when the diagram is fine).
 */
import { createModdle, type ModdleTree } from '../../processes/bpmn-moddle.js';
import { contains, overlaps, type Point, type Rect } from './geometry.js';

interface Drawn {
  element: ModdleTree;
  bounds?: Rect;
  label?: Rect;
  points?: Point[];
}

/** Every violation of the layout rules in `xml`. */
export async function checkLayout(xml: string): Promise<string[]> {
  const { rootElement } = await createModdle().fromXML(xml);
  const plane = rootElement.diagrams[0].plane;
  const di = new Map<string, Drawn>(
    plane.planeElement.map((d: ModdleTree) => [
      d.bpmnElement.id,
      { element: d.bpmnElement, bounds: d.bounds, label: d.label?.bounds, points: d.waypoint },
    ]),
  );
  const process = rootElement.rootElements.find(
    (e: ModdleTree) => e.$type === 'bpmn:Process' && e.isExecutable,
  );
  const elements = descendants(process);
  const nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
  const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const problems = elements.filter((e) => !di.has(e.id)).map((e) => `${e.id} has no DI`);
  if (problems.length) return problems;
  return [
    ...overlapProblems(nodes, flows, di),
    ...laneProblems(process, plane, di),
    ...flowProblems(nodes, flows, di),
  ];
}

function descendants(container: ModdleTree): ModdleTree[] {
  return (container.flowElements ?? []).flatMap((e: ModdleTree) => [
    e,
    ...(e.flowElements ? descendants(e) : []),
  ]);
}

/** Whether `a` is `b`'s boundary event, host, container or content. */
function related(a: ModdleTree, b: ModdleTree): boolean {
  const within = (x: ModdleTree, y: ModdleTree): boolean =>
    !!x.$parent && (x.$parent === y || within(x.$parent, y));
  return a.attachedToRef === b || b.attachedToRef === a || within(a, b) || within(b, a);
}

function overlapProblems(nodes: ModdleTree[], flows: ModdleTree[], di: Map<string, Drawn>): string[] {
  const items: { id: string; el: ModdleTree; r: Rect; what: string }[] = [];
  for (const e of nodes) items.push({ id: e.id, el: e, r: di.get(e.id)!.bounds!, what: 'shape' });
  for (const e of [...nodes, ...flows]) {
    const label = di.get(e.id)!.label;
    if (label) items.push({ id: e.id, el: e, r: label, what: 'label' });
  }
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i]!, items[j]!];
      if (a.el === b.el || !overlaps(a.r, b.r)) continue;
      const shapes = a.what === 'shape' && b.what === 'shape';
      // A label inside its sub-process, a boundary event on its host: drawn on top by design.
      const inside = (x: typeof a, y: typeof a) =>
        y.what === 'shape' && related(x.el, y.el) && contains(y.r, x.r);
      if ((shapes && related(a.el, b.el)) || inside(a, b) || inside(b, a)) continue;
      out.push(`${a.what} of ${a.id} overlaps ${b.what} of ${b.id}`);
    }
  }
  return out;
}

function laneProblems(process: ModdleTree, plane: ModdleTree, di: Map<string, Drawn>): string[] {
  const participant = plane.bpmnElement.participants?.find((p: ModdleTree) => p.processRef === process);
  if (!participant) return ['the plane does not show a pool for the process'];
  const pool = di.get(participant.id)?.bounds;
  const out: string[] = pool ? [] : [`${participant.id} has no DI`];
  for (const lane of process.laneSets?.[0]?.lanes ?? []) {
    const band = di.get(lane.id)?.bounds;
    if (!band) {
      out.push(`${lane.id} has no DI`);
      continue;
    }
    if (pool && !contains(pool, band)) out.push(`lane ${lane.id} is outside the pool`);
    const members = (lane.flowNodeRef ?? []).flatMap((n: ModdleTree) => [n, ...boundaries(process, n)]);
    for (const n of members) {
      const r = di.get(n.id)!.bounds!;
      if (!contains(band, r)) out.push(`${n.id} is outside its lane ${lane.id}`);
      const label = di.get(n.id)!.label;
      if (label && pool && !contains(pool, label)) out.push(`label of ${n.id} is outside the pool`);
    }
  }
  return out;
}

function boundaries(process: ModdleTree, host: ModdleTree): ModdleTree[] {
  return (process.flowElements ?? []).filter((e: ModdleTree) => e.attachedToRef === host);
}

function flowProblems(nodes: ModdleTree[], flows: ModdleTree[], di: Map<string, Drawn>): string[] {
  const out: string[] = [];
  for (const f of flows) {
    const pts = di.get(f.id)!.points ?? [];
    const from = di.get(f.sourceRef.id)!.bounds!;
    const to = di.get(f.targetRef.id)!.bounds!;
    if (pts.length < 2) out.push(`${f.id} has fewer than two waypoints`);
    if (pts.some((p, i) => i > 0 && p.x !== pts[i - 1]!.x && p.y !== pts[i - 1]!.y))
      out.push(`${f.id} is not orthogonal`);
    if (pts.length && !isSideMidpoint(pts[0]!, from))
      out.push(`${f.id} does not start on a side's midpoint of its source`);
    if (pts.length && !isSideMidpoint(pts.at(-1)!, to))
      out.push(`${f.id} does not end on a side's midpoint of its target`);
    for (const n of nodes) {
      // Its own ends too: a flow touches them only on their border.
      if (isContainer(n, f)) continue;
      if (pts.some((p, i) => i > 0 && crossesInterior(pts[i - 1]!, p, di.get(n.id)!.bounds!))) {
        out.push(`${f.id} passes through ${n.id}`);
      }
    }
  }
  return out;
}

function isContainer(n: ModdleTree, f: ModdleTree): boolean {
  for (let p = f.$parent; p; p = p.$parent) if (p === n) return true;
  return false;
}

function isSideMidpoint(p: Point, r: Rect): boolean {
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const onVertical = (p.x === r.x || p.x === r.x + r.width) && Math.abs(p.y - cy) <= 1;
  const onHorizontal = (p.y === r.y || p.y === r.y + r.height) && Math.abs(p.x - cx) <= 1;
  return onVertical || onHorizontal;
}

/** Whether the axis-parallel segment p–q enters the open interior of `r`. */
export function crossesInterior(p: Point, q: Point, r: Rect): boolean {
  const [x1, x2] = [Math.min(p.x, q.x), Math.max(p.x, q.x)];
  const [y1, y2] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
  return x1 < r.x + r.width && x2 > r.x && y1 < r.y + r.height && y2 > r.y;
}
