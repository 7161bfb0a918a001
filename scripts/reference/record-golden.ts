/**
 * npm run reference:record-golden
 * Starts a fresh reference engine (Operaton), makes the main calls of our REST surface against it and
 * writes one normalised golden file per call to test/conformance/golden/<name>.json (see README there).
 * The steps are in ./golden/, called here in recording order.
 */
import { mkdirSync } from 'node:fs';
import { startReferenceEngine } from '../../test/reference-engine/launcher.js';
import { basics, deployFixtures } from './golden/basics-and-deploy.js';
import { callEngine, createRecorder, GOLDEN_DIR } from './golden/recorder.js';
import { timersAndTasks, userTasksAndMessages } from './golden/timers-tasks-messages.js';
import { externalTasks, variables } from './golden/variables-and-external-tasks.js';

const engine = await startReferenceEngine();
try {
  const version = (await callEngine(engine.url, 'GET', '/version')).json as { version: string };
  const recordedOn = `Operaton ${version.version}`;
  const r = createRecorder(engine.url, recordedOn);
  mkdirSync(GOLDEN_DIR, { recursive: true });
  await basics(r);
  await deployFixtures(r);
  const pi = await variables(r);
  await externalTasks(r);
  await timersAndTasks(r);
  await userTasksAndMessages(r, pi);
  process.stderr.write(`Golden files written to ${GOLDEN_DIR} (${recordedOn}).\n`);
} finally {
  await engine.stop();
}
