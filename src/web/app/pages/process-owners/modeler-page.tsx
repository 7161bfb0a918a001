/**
 * The in-browser modeler (`/diagrams/:partnership/:key/versions/:version`), for the partnership's
 * process owners only (anyone else gets the not-found page, as from the API): a deployed version
 * opened in the Camunda 7 modeler with its properties panel and our element templates; the lint
 * rules of `npm run lint:bpmn` run after every change and show on the canvas and in a list; Deploy
 * (refused while there are problems, here and again by the server); and the deadline preview.
 * Loaded on demand: camunda-bpmn-js and the lint rules are in this page's chunk only.
 */
// Each library's own stylesheet, from the package whose code is bundled, so CSS and JS are one
// version: camunda-bpmn-js's dist/assets copies lag behind, and its bundle embeds the icon font as a
// data: URL, which font-src 'self' refuses (here it is a file).
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import 'diagram-js-minimap/assets/diagram-js-minimap.css';
import 'bpmn-js-color-picker/colors/color-picker.css';
import 'camunda-bpmn-js/dist/assets/popup-menu.css';
import './modeler.css';
import { useRoute } from 'preact-iso';
import { getDiagramXml, listDiagrams } from '../../api/process-owners.js';
import { useResource } from '../../hooks/use-resource.js';
import { isModelerPath } from '../../route-paths.js';
import { useUser } from '../../session/session.js';
import { Page } from '../../shell/page.js';
import { NotFoundPage } from '../not-found.js';
import { FailedPage } from '../problem.js';
import { ownsDiagramsOf } from './ownership.js';
import { Workspace } from './workspace.js';

/** Whether this document was loaded at the modeler's address (and so has the modeler's CSP). */
function loadedAsModeler(): boolean {
  const entry = performance.getEntriesByType('navigation')[0];
  return isModelerPath(new URL(entry?.name ?? location.href).pathname);
}

export default function ModelerPage() {
  const { params } = useRoute();
  const { user, partnerships } = useUser();
  const partnership = params.partnership ?? '';
  const key = params.key ?? '';
  const version = params.version ?? '';
  const owner = ownsDiagramsOf(user, partnership);
  const loaded = useResource(
    async (signal) => {
      if (!owner) return null;
      const [xml, diagrams] = await Promise.all([
        getDiagramXml(partnership, key, version, signal),
        listDiagrams(partnership, signal),
      ]);
      return { xml, diagram: diagrams.diagrams.find((d) => d.key === key)! };
    },
    [partnership, key, version, owner],
  );
  if (!owner) return <NotFoundPage />;
  if (!loadedAsModeler()) {
    // Reached within the app from another page: load it as its own page, for its CSP.
    location.replace(location.href);
    return <Page title="Edit a diagram" loading />;
  }
  if (loaded.state === 'loading') return <Page title="Edit a diagram" loading />;
  // A member who is not a process owner (403) sees what anyone else does: not found.
  if (loaded.state === 'failed')
    return loaded.error.status === 403 ? <NotFoundPage /> : <FailedPage error={loaded.error} />;
  const { xml, diagram } = loaded.data!;
  const name = partnerships.find((p) => p.id === partnership)?.name ?? partnership;
  return (
    <Page title={`Edit ${key} version ${version}`} heading={`Edit ${key}`} caption={name} width="full">
      <p class="govuk-body">
        Version {version} of {diagram.file}. Select an element to change its properties in the panel; a
        stage’s timescale is the <strong>timescale</strong> extension property of its “Compute the … deadline”
        task (the “Compute a deadline” template).
      </p>
      <Workspace
        key={`${partnership}/${key}/${version}`}
        xml={xml}
        processKey={key}
        file={diagram.file}
        version={Number(version)}
        username={user.username}
      />
    </Page>
  );
}
