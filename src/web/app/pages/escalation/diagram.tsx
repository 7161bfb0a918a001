/**
 * The partnership's diagram, as the escalation runs on it, in bpmn-js's NavigatedViewer (loaded
 * on its own, in parallel with the page's data): the path taken (thick solid lines), the open
 * stage (marker class `current`: a thick dashed outline and the label "Current stage") and a stage
 * past its deadline (marker class `overdue`: a hatched fill, a heavier outline and the label
 * "Overdue"). None of it is colour alone, and the legend says so in words. The canvas is focusable
 * (arrow keys move it; the buttons zoom), is an image named by what it shows, and the list of
 * stages below is its text equivalent.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { getDiagram } from '../../api/escalation-actions.js';
import type { Escalation } from '../../api/types.js';
import { prefetched } from '../../hooks/prefetched.js';
import { diagramMarks, type DiagramMarks, type Flow } from './escalation-view.js';
import { earlyKeys } from './prefetch.js';

/** The parts of bpmn-js's NavigatedViewer and diagram-js's services the page uses. */
interface Viewer {
  importXML(xml: string): Promise<{ warnings: unknown[] }>;
  get<T>(service: 'canvas' | 'elementRegistry' | 'overlays'): T;
  destroy(): void;
}
type ViewerClass = new (options: { container: HTMLElement }) => Viewer;
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Canvas {
  zoom(level?: number | 'fit-viewport', center?: 'auto'): number;
  viewbox(box?: Box): Box;
  addMarker(id: string, marker: string): void;
  getContainer(): HTMLElement;
}
interface DiagramElement extends Partial<Box> {
  id: string;
  type: string;
  businessObject?: { sourceRef?: { id: string }; targetRef?: { id: string } };
}
interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  filter(fn: (element: DiagramElement) => boolean): DiagramElement[];
  getGraphics(id: string): SVGElement | undefined;
}
interface Overlays {
  add(
    id: string,
    type: string,
    overlay: { position: { top: number; left: number }; html: HTMLElement },
  ): string;
}

let viewerModule: Promise<ViewerClass> | null = null;

/** bpmn-js, fetched once per page load; called as soon as the page's code runs, so it loads alongside the data. */
export function loadViewer(): Promise<ViewerClass> {
  return (viewerModule ??= import('bpmn-js/lib/NavigatedViewer.js').then(
    (m) => (m as unknown as { default: ViewerClass }).default,
  ));
}

type Status = 'loading' | 'ready' | 'failed';

/** Resolves when the browser is next idle (at most 300 ms later), or on the next task without requestIdleCallback. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 300 });
    else setTimeout(resolve, 0);
  });
}

export function ProcedureDiagram({ escalation }: { escalation: Escalation }) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<Viewer | null>(null);
  // Each status is kept with where the escalation stood when it was set: in the render where that
  // changes (an outcome recorded), the diagram is already busy, not one paint later with old marks.
  const [held, setHeld] = useState<{ status: Status; for: string }>({ status: 'loading', for: '' });
  const [label, setLabel] = useState('');
  /** The stage the view centres on: the current one, else an overdue one. */
  const current = useRef<string | undefined>(undefined);

  // Drawn again only when where it stands changes, not on every fresh copy of the same answer.
  const latest = useRef(escalation);
  latest.current = escalation;
  const where = signature(escalation);
  const drawing = `${escalation.id} ${where}`;
  const status: Status = held.for === drawing ? held.status : 'loading';
  const setStatus = (status: Status) => setHeld({ status, for: drawing });

  useEffect(() => {
    const escalation = latest.current;
    const controller = new AbortController();
    setStatus('loading');
    const diagram = prefetched(earlyKeys.diagram(escalation.id), () =>
      getDiagram(escalation.id, controller.signal),
    );
    Promise.all([diagram, loadViewer()])
      .then(async ([diagram, ViewerOf]) => {
        // Drawing the diagram takes the main thread for a few hundred ms (bpmn-js import and
        // layout): let the stage form and the actions become usable first, then draw.
        await whenIdle();
        if (controller.signal.aborted || !container.current) return;
        const v = (viewer.current ??= new ViewerOf({ container: container.current }));
        await v.importXML(diagram.bpmn20Xml);
        if (controller.signal.aborted) return;
        const canvas = v.get<Canvas>('canvas');
        const registry = v.get<ElementRegistry>('elementRegistry');
        const marks = diagramMarks(diagram, escalation, flowsOf(registry));
        mark(canvas, registry, v.get<Overlays>('overlays'), marks);
        current.current = [...marks.current, ...marks.overdue].find((id) => registry.get(id));
        showCurrent(canvas, registry, current.current);
        setLabel(describe(escalation, marks));
        setStatus('ready');
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setStatus((error as Error).name === 'AbortError' ? 'loading' : 'failed');
      });
    return () => controller.abort();
  }, [drawing]);

  useEffect(() => () => viewer.current?.destroy(), []);

  // The canvas (an SVG diagram-js makes focusable) is an image named by what it shows.
  useEffect(() => {
    const svg = container.current?.querySelector('svg');
    if (!svg || status !== 'ready') return;
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    svg.setAttribute('aria-describedby', 'diagram-legend diagram-keys');
  }, [status, label]);

  const zoom = (by: number | 'fit' | 'current') => {
    const v = viewer.current;
    if (!v) return;
    const canvas = v.get<Canvas>('canvas');
    if (by === 'fit') canvas.zoom('fit-viewport', 'auto');
    else if (by === 'current')
      showCurrent(canvas, v.get<ElementRegistry>('elementRegistry'), current.current);
    else canvas.zoom(canvas.zoom() * by, 'auto');
  };

  return (
    <section aria-labelledby="diagram-heading" aria-busy={status === 'loading'} class="app-diagram">
      <h2 class="govuk-heading-m" id="diagram-heading">
        Where it is in the procedure
      </h2>
      <Legend />
      {status === 'failed' && (
        <p class="govuk-body">
          The diagram cannot be shown just now. The stages below say where the escalation is.
        </p>
      )}
      <div class="app-diagram__toolbar" hidden={status !== 'ready'}>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => zoom(1.25)}>
          Zoom in
        </button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => zoom(0.8)}>
          Zoom out
        </button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => zoom('fit')}>
          Show all of it
        </button>
        {current.current && (
          <button type="button" class="govuk-button govuk-button--secondary" onClick={() => zoom('current')}>
            Show the current stage
          </button>
        )}
      </div>
      <div class="app-diagram__canvas" ref={container} hidden={status === 'failed'} />
      <p class="govuk-hint" id="diagram-keys">
        Select the diagram and use the arrow keys to move it. The list of stages below says the same in words.
      </p>
    </section>
  );
}

function Legend() {
  return (
    <ul class="govuk-list app-diagram__legend" id="diagram-legend" aria-label="Key to the diagram">
      <li>
        <span class="app-diagram__key app-diagram__key--completed" aria-hidden="true" /> Thick solid line: the
        path taken so far
      </li>
      <li>
        <span class="app-diagram__key app-diagram__key--current" aria-hidden="true" /> Thick dashed outline
        and the label “Current stage”: the stage waiting for someone now
      </li>
      <li>
        <span class="app-diagram__key app-diagram__key--overdue" aria-hidden="true" /> Hatched, with the label
        “Overdue”: its deadline passed before an outcome was recorded
      </li>
    </ul>
  );
}

function flowsOf(registry: ElementRegistry): Flow[] {
  return registry
    .filter((e) => e.type === 'bpmn:SequenceFlow')
    .map((e) => ({
      id: e.id,
      source: e.businessObject?.sourceRef?.id ?? '',
      target: e.businessObject?.targetRef?.id ?? '',
    }));
}

const LABELS = { current: 'Current stage', overdue: 'Overdue' } as const;

/** Marker classes on the shapes, and a label above each current or overdue stage. */
function mark(canvas: Canvas, registry: ElementRegistry, overlays: Overlays, marks: DiagramMarks): void {
  const exists = (id: string) => !!registry.get(id);
  for (const id of marks.completed.filter(exists)) canvas.addMarker(id, 'completed');
  for (const kind of ['current', 'overdue'] as const) {
    marks[kind].filter(exists).forEach((id) => {
      canvas.addMarker(id, kind);
      const label = document.createElement('span');
      label.className = `app-diagram__label app-diagram__label--${kind}`;
      label.textContent = LABELS[kind];
      label.setAttribute('aria-hidden', 'true');
      overlays.add(id, kind, { position: { top: kind === 'current' ? -30 : -58, left: 0 }, html: label });
    });
  }
  hatch(canvas, registry, marks.overdue.filter(exists));
}

/** A hatched fill for overdue shapes: an SVG pattern set as an attribute (not CSS, so no `url(` in the stylesheet). */
function hatch(canvas: Canvas, registry: ElementRegistry, ids: string[]): void {
  if (!ids.length) return;
  const svg = canvas.getContainer().querySelector('svg');
  if (!svg) return;
  const ns = 'http://www.w3.org/2000/svg';
  const defs =
    svg.querySelector('defs') ?? svg.insertBefore(document.createElementNS(ns, 'defs'), svg.firstChild);
  if (!svg.querySelector('#app-overdue-hatch')) {
    const pattern = document.createElementNS(ns, 'pattern');
    for (const [k, v] of Object.entries({
      id: 'app-overdue-hatch',
      width: '8',
      height: '8',
      patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)',
    }))
      pattern.setAttribute(k, v);
    const background = document.createElementNS(ns, 'rect');
    for (const [k, v] of Object.entries({ width: '8', height: '8', fill: '#ffffff' }))
      background.setAttribute(k, v);
    const line = document.createElementNS(ns, 'rect');
    for (const [k, v] of Object.entries({ width: '3', height: '8', fill: '#f4c7c3' }))
      line.setAttribute(k, v);
    pattern.append(background, line);
    defs.append(pattern);
  }
  for (const id of ids) {
    const shape = registry.getGraphics(id)?.querySelector('.djs-visual > rect');
    shape?.setAttribute('fill', 'url(#app-overdue-hatch)');
  }
}

/** What the diagram's view shows at first: the stage at a readable size, centred; else all of it. */
function showCurrent(canvas: Canvas, registry: ElementRegistry, id: string | undefined): void {
  const element = id ? registry.get(id) : undefined;
  if (!element || element.x === undefined || element.y === undefined) {
    canvas.zoom('fit-viewport', 'auto');
    return;
  }
  canvas.zoom(0.8);
  const box = canvas.viewbox();
  canvas.viewbox({
    x: element.x + (element.width ?? 0) / 2 - box.width / 2,
    y: element.y + (element.height ?? 0) / 2 - box.height / 2,
    width: box.width,
    height: box.height,
  });
}

/** Where the escalation stands, as far as the diagram shows it. */
function signature(e: Escalation): string {
  return [e.status, e.timeline.length, ...e.openTasks.map((t) => `${t.id}:${t.overdue}`)].join('|');
}

/** The canvas's name: what the diagram shows, in a sentence. */
function describe(escalation: Escalation, marks: DiagramMarks): string {
  const names = (ids: string[]) =>
    ids.map((id) => escalation.stages.find((s) => s.elementId === id)?.name ?? id).join(', ');
  const parts = ['Diagram of the procedure'];
  if (marks.current.length) parts.push(`current stage: ${names(marks.current)}`);
  else parts.push('no stage is open');
  if (marks.overdue.length) parts.push(`overdue: ${names(marks.overdue)}`);
  return `${parts.join('; ')}.`;
}
