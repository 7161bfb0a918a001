/** Golden steps: version, engine and deployments (Modeler's calls, rejected diagrams), then the fixtures. */
import { fixtureBlob, type Recorder } from './recorder.js';

/** The multipart deploy Camunda Modeler 5 sends. */
const modelerDeploy = {
  'deployment-name': 'ref-external',
  'deployment-source': 'Camunda Modeler',
  'enable-duplicate-filtering': 'true',
  'ref-external.bpmn': '@ref-external.bpmn',
  'ref-outcome.form': '@ref-outcome.form',
};

async function engineInfo(r: Recorder): Promise<void> {
  await r.record('version', 'GET /version', 'GET', '/version', '/version');
  await r.record('engine', 'GET /engine', 'GET', '/engine', '/engine');
  await r.record(
    'deployment-list-empty',
    'Modeler connection check',
    'GET',
    '/deployment?maxResults=0',
    '/deployment?maxResults=0',
  );
}

async function modelerDeployments(r: Recorder): Promise<void> {
  await r.record(
    'deployment-create-modeler',
    'Deploy as Camunda Modeler 5 does',
    'POST',
    '/deployment/create',
    '/deployment/create',
    undefined,
    modelerDeploy,
  );
  await r.record(
    'deployment-create-duplicate',
    'The same deploy again: the old deployment, deployedProcessDefinitions null',
    'POST',
    '/deployment/create',
    '/deployment/create',
    undefined,
    modelerDeploy,
  );
}

async function rejectedDeployments(r: Recorder): Promise<void> {
  await r.record(
    'deployment-create-no-httl',
    'A process without historyTimeToLive: 400 ParseException with details',
    'POST',
    '/deployment/create',
    '/deployment/create',
    undefined,
    {
      'deployment-name': 'bad',
      'no-httl.bpmn': '@rejected/no-httl.bpmn',
    },
  );
  await r.record(
    'deployment-create-malformed',
    'Malformed XML: 500 ProcessEngineException',
    'POST',
    '/deployment/create',
    '/deployment/create',
    undefined,
    {
      'deployment-name': 'bad',
      'malformed.bpmn': '@rejected/malformed.bpmn',
    },
  );
}

async function processDefinitions(r: Recorder): Promise<void> {
  await r.record(
    'process-definition-by-key',
    'GET /process-definition/key/{key}',
    'GET',
    '/process-definition/key/ref-external',
    '/process-definition/key/{key}',
  );
  await r.record(
    'process-definition-start-unknown',
    'Start an unknown key: 404',
    'POST',
    '/process-definition/key/no-such/start',
    '/process-definition/key/{key}/start',
    {},
  );
  await r.record(
    'bad-json-body',
    'Malformed JSON: 400 text/plain',
    'POST',
    '/process-definition/key/ref-external/start',
    '/process-definition/key/{key}/start',
    '{"variables": {',
  );
}

/** Version, engine, deployments and process definitions; deploys ref-external with its form. */
export async function basics(r: Recorder): Promise<void> {
  await engineInfo(r);
  await modelerDeployments(r);
  await rejectedDeployments(r);
  await processDefinitions(r);
}

/** Deploys the other fixtures the later steps start (not recorded). */
export async function deployFixtures(r: Recorder): Promise<void> {
  for (const file of ['ref-timer-var.bpmn', 'ref-failing-timer.bpmn', 'ref-message.bpmn']) {
    const form = new FormData();
    form.append('deployment-name', file);
    form.append(file, fixtureBlob(file), file);
    const answer = await r.call('POST', '/deployment/create', undefined, form);
    if (answer.status !== 200) throw new Error(`deploying ${file}: ${answer.status} ${answer.text}`);
  }
}
