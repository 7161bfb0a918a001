/**
 * The modeler's workspace: the canvas and its properties panel, then the lint problems and Deploy
 * beside the deadline preview. Lint runs on the diagram's XML after every change (debounced), as
 * the server will run it on the upload; the canvas marks what the list says.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { deployDiagram } from '../../api/process-owners.js';
import { ApiError } from '../../api/problem.js';
import { DeadlinePreview } from './deadline-preview.js';
import { DeployPanel, type DeployState } from './deploy-panel.js';
import { openEditor, type Editor } from './editor.js';
import { lintDiagram, type LintProblem } from './lint.js';
import { londonDate } from './preview-logic.js';
import { ProblemsPanel } from './problems-panel.js';
import { serverNow } from '../../api/server-clock.js';

export interface WorkspaceProps {
  xml: string;
  processKey: string;
  /** The diagram's file name in partnership.json (the deployment's resource name). */
  file: string;
  version: number;
  username: string;
}

/** Quiet time after a change before the diagram is checked again. */
const LINT_DELAY_MS = 300;

export function Workspace(props: WorkspaceProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const editor = useRef<Editor | null>(null);
  const [status, setStatus] = useState<'opening' | 'ready' | 'failed'>('opening');
  const [problems, setProblems] = useState<LintProblem[] | null>(null);
  const [checking, setChecking] = useState(true);
  const [changed, setChanged] = useState(false);
  const [deploy, setDeploy] = useState<DeployState>({ status: 'idle' });

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let run = 0;
    const check = async () => {
      const e = editor.current;
      if (!e) return;
      const mine = ++run;
      const found = await lintDiagram(await e.xml());
      // A newer change started another check: this one's answer is stale.
      if (cancelled || mine !== run) return;
      e.showProblems(found);
      setProblems(found);
      setChecking(false);
    };
    const onChange = () => {
      setChanged(true);
      setChecking(true);
      clearTimeout(timer);
      timer = setTimeout(() => void check(), LINT_DELAY_MS);
    };
    const label = `Diagram editor: ${props.processKey} version ${props.version}`;
    openEditor(canvas.current!, panel.current!, props.xml, label, onChange).then(
      ({ editor: opened }) => {
        if (cancelled) return opened.destroy();
        editor.current = opened;
        setStatus('ready');
        void check();
      },
      () => !cancelled && setStatus('failed'),
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
      editor.current?.destroy();
      editor.current = null;
    };
  }, []);

  async function deployNow() {
    const e = editor.current;
    if (!e) return;
    setDeploy({ status: 'deploying' });
    // The XML to send, checked once more: a field committed by the click on Deploy (its blur)
    // changed the diagram after the last check. The server checks it again either way.
    const xml = await e.xml();
    const found = await lintDiagram(xml);
    if (found.length > 0) {
      e.showProblems(found);
      setProblems(found);
      setDeploy({ status: 'idle' });
      return;
    }
    try {
      const name = `${props.processKey} edited in the browser by ${props.username}`;
      const deployed = await deployDiagram(props.file, xml, name);
      setDeploy({ status: 'deployed', deployed });
      setChanged(false);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setDeploy({ status: 'refused', error });
    }
  }

  const xml = () => editor.current?.xml() ?? Promise.resolve(props.xml);
  return (
    <>
      <h2 class="govuk-visually-hidden">Diagram and properties</h2>
      {status === 'failed' && (
        <p class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> This diagram cannot be opened in the modeler.
        </p>
      )}
      <p class="govuk-hint" id="modeler-keys">
        Keyboard: Tab to the diagram, then arrow keys move it, Ctrl+F finds an element, Ctrl and + or − zoom,
        Ctrl+Z undoes. A property changes when you leave its field. Select an element from the list of
        problems to edit it in the properties panel.
      </p>
      <div class="app-modeler" aria-busy={status === 'opening' ? 'true' : 'false'}>
        <div class="app-modeler__canvas" ref={canvas} />
        <div
          class="app-modeler__panel"
          ref={panel}
          role="region"
          aria-label="Properties of the selected element"
        />
      </div>
      <div class="govuk-grid-row app-modeler__below">
        <div class="govuk-grid-column-one-half">
          <ProblemsPanel
            problems={problems}
            checking={checking}
            nameOf={(id) => editor.current?.nameOf(id) ?? null}
            onSelect={(id) => editor.current?.select(id)}
          />
        </div>
        <div class="govuk-grid-column-one-half">
          <DeployPanel
            processKey={props.processKey}
            version={props.version}
            problems={checking ? null : (problems?.length ?? null)}
            changed={changed}
            state={deploy}
            onDeploy={() => void deployNow()}
          />
        </div>
      </div>
      {/* Full width: the table compares two dates per stage, with their timescales. */}
      <DeadlinePreview xml={xml} today={londonDate(serverNow())} />
    </>
  );
}
