/**
 * The Camunda 7 modeler from camunda-bpmn-js (bpmn-js with the Camunda Platform properties panel,
 * element templates and behaviours), with our element templates (`.camunda/element-templates/`),
 * and the lint problems shown on the canvas: each element with problems gets the marker class
 * `app-lint-problem` (a thick dashed outline) and an overlay that says "1 problem" in words, so
 * nothing is colour alone. This module holds no page state; the page asks it for the XML and tells
 * it the problems.
 */
import CamundaPlatformModeler from 'camunda-bpmn-js/lib/camunda-platform/Modeler.js';
import computeDeadline from '../../../../../.camunda/element-templates/compute-a-deadline.json' with { type: 'json' };
import generateForm from '../../../../../.camunda/element-templates/generate-a-form.json' with { type: 'json' };
import notifyRole from '../../../../../.camunda/element-templates/notify-a-role.json' with { type: 'json' };
import record from '../../../../../.camunda/element-templates/record.json' with { type: 'json' };
import type { LintProblem } from './lint.js';

/** Our element templates, as the Camunda Modeler reads them from `.camunda/element-templates/`. */
export const ELEMENT_TEMPLATES = [computeDeadline, generateForm, notifyRole, record];

/** What this module uses of the modeler (camunda-bpmn-js's types do not survive NodeNext's CJS view). */
interface ModelerApi {
  importXML(xml: string): Promise<{ warnings: unknown[] }>;
  saveXML(options: { format: boolean }): Promise<{ xml?: string }>;
  get(name: string): unknown;
  on(event: string, callback: () => void): void;
  destroy(): void;
}
const Modeler = CamundaPlatformModeler as unknown as new (options: object) => ModelerApi;

const MARKER = 'app-lint-problem';
const OVERLAY = 'app-lint';

interface Element {
  id: string;
  businessObject?: { name?: string };
}
interface Services {
  canvas: {
    zoom(level: 'fit-viewport'): void;
    addMarker(id: string, marker: string): void;
    removeMarker(id: string, marker: string): void;
    scrollToElement(element: Element): void;
    focus(): void;
    getContainer(): HTMLElement;
  };
  elementRegistry: { get(id: string): Element | undefined };
  overlays: {
    add(id: string, type: string, overlay: { position: object; html: HTMLElement }): void;
    remove(filter: { type: string }): void;
  };
  selection: { select(element: Element): void };
  commandStack: { canUndo(): boolean };
}

export interface Editor {
  /** The diagram as it is now. */
  xml(): Promise<string>;
  /** Whether anything was changed since the diagram was opened. */
  changed(): boolean;
  /** Marks the elements with problems (and clears the old marks). */
  showProblems(problems: readonly LintProblem[]): void;
  /** Selects the element (its properties open in the panel), brings it into view and focuses the canvas. */
  select(id: string): void;
  /** The element's name, for a list of problems. */
  nameOf(id: string): string | null;
  destroy(): void;
}

/**
 * Opens `xml` in a modeler drawn in `canvas` with its properties panel in `panel`; `onChange` is
 * called after every change of the diagram.
 * @returns the editor and the import's warnings (unknown elements or attributes).
 */
export async function openEditor(
  canvas: HTMLElement,
  panel: HTMLElement,
  xml: string,
  label: string,
  onChange: () => void,
): Promise<{ editor: Editor; warnings: string[] }> {
  const modeler = new Modeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    elementTemplates: ELEMENT_TEMPLATES,
  });
  const get = <K extends keyof Services>(name: K) => modeler.get(name) as Services[K];
  const { warnings } = await modeler.importXML(xml);
  get('canvas').zoom('fit-viewport');
  labelCanvas(get('canvas').getContainer(), label);
  modeler.on('commandStack.changed', onChange);
  let marked: string[] = [];
  const editor: Editor = {
    async xml() {
      return (await modeler.saveXML({ format: true })).xml ?? '';
    },
    changed: () => get('commandStack').canUndo(),
    showProblems(problems) {
      const canvasService = get('canvas');
      for (const id of marked) canvasService.removeMarker(id, MARKER);
      get('overlays').remove({ type: OVERLAY });
      const counts = new Map<string, number>();
      for (const p of problems)
        if (p.id && get('elementRegistry').get(p.id)) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
      marked = [...counts.keys()];
      for (const [id, count] of counts) {
        canvasService.addMarker(id, MARKER);
        get('overlays').add(id, OVERLAY, { position: { top: -14, left: -4 }, html: badge(count) });
      }
    },
    select(id) {
      const element = get('elementRegistry').get(id);
      if (!element) return;
      get('selection').select(element);
      get('canvas').scrollToElement(element);
      get('canvas').focus();
    },
    nameOf: (id) => get('elementRegistry').get(id)?.businessObject?.name ?? null,
    destroy: () => modeler.destroy(),
  };
  return { editor, warnings: warnings.map((w: unknown) => (w as Error).message ?? String(w)) };
}

/** The overlay's text: a count in words, not an icon or a colour. */
function badge(count: number): HTMLElement {
  const el = document.createElement('span');
  el.className = 'app-lint-badge';
  el.textContent = `${count} ${count === 1 ? 'problem' : 'problems'}`;
  return el;
}

/** The canvas's SVG (focusable, keyboard-operable) says what it is. */
function labelCanvas(container: HTMLElement, label: string): void {
  const svg = container.querySelector('svg');
  if (!svg) return;
  svg.setAttribute('role', 'application');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('aria-roledescription', 'diagram editor');
}
