/**
 * Plain geometry for the BPMN layout: points, rectangles, segment tests, and the sizes Camunda
 * Modeler uses for shapes and labels. Every coordinate the layout writes is an integer.
 */

/** A point in diagram coordinates (y grows downwards, as in BPMN DI). */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned rectangle, as in `dc:Bounds`. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Width and height of a shape. */
export interface Size {
  width: number;
  height: number;
}

/** Camunda Modeler's default sizes (bpmn-js ElementFactory). */
export const TASK: Size = { width: 100, height: 80 };
export const EVENT: Size = { width: 36, height: 36 };
export const GATEWAY: Size = { width: 50, height: 50 };

/** Estimated width of one character of an 11 px label (bpmn-js external labels), rounded up. */
export const CHAR_WIDTH = 7;
/** Camunda Modeler writes 14, 27, 40 … for one, two, three lines: 13 px a line plus one. */
const LINE_HEIGHT = 13;
/** bpmn-js wraps an external label in a 90 px box. */
export const LABEL_WRAP = 90;

/** The size of a flow node of the given BPMN type (sub-processes are sized by their content). */
export function shapeSize(type: string): Size {
  if (type.endsWith('Gateway')) return GATEWAY;
  if (type.endsWith('Event')) return EVENT;
  return TASK;
}

/** Greedy word wrap at `maxWidth`, measuring `CHAR_WIDTH` per character; a long word keeps its own line. */
export function wrapText(text: string, maxWidth = LABEL_WRAP): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && next.length * CHAR_WIDTH > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The bounds size of an external label showing `text`, as bpmn-js would wrap it. */
export function labelSize(text: string, maxWidth = LABEL_WRAP): Size {
  const lines = wrapText(text, maxWidth);
  const longest = Math.max(...lines.map((l) => l.length));
  return {
    // A few pixels spare: bpmn-js wraps at the bounds' width, and short words measure wider.
    width: Math.min(maxWidth, Math.max(20, longest * CHAR_WIDTH + 4)),
    height: lines.length * LINE_HEIGHT + 1,
  };
}

/** Whether two rectangles share interior area, each grown by `margin` on every side. */
export function overlaps(a: Rect, b: Rect, margin = 0): boolean {
  return (
    a.x - margin < b.x + b.width &&
    b.x - margin < a.x + a.width &&
    a.y - margin < b.y + b.height &&
    b.y - margin < a.y + a.height
  );
}

/** Whether `inner` lies within `outer` (borders may touch). */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Whether the axis-parallel segment p–q passes through `r` grown by `margin` (touching counts). */
export function segmentHits(p: Point, q: Point, r: Rect, margin = 0): boolean {
  const [x1, x2] = p.x <= q.x ? [p.x, q.x] : [q.x, p.x];
  const [y1, y2] = p.y <= q.y ? [p.y, q.y] : [q.y, p.y];
  return (
    x1 <= r.x + r.width + margin && x2 >= r.x - margin && y1 <= r.y + r.height + margin && y2 >= r.y - margin
  );
}

/** The rectangle moved by (dx, dy). */
export function moved(r: Rect, dx: number, dy: number): Rect {
  return { x: r.x + dx, y: r.y + dy, width: r.width, height: r.height };
}

/** The centre of a rectangle. */
export function centre(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** The smallest rectangle around all of `rects`. */
export function union(rects: Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}
