/**
 * Runs one scenario through the engine port, acting as the workers (`worker.ts`) and as the
 * people completing stage forms. Returns what happened; `assertScenario` checks it.
 */
import type { EnginePort } from '../../src/engine/port.js';
import { loadPartnerships } from '../catalogue.js';
import {
  parseStartVariables,
  startVariablesFor,
  toStageVariableMap,
  toStartVariableMap,
  type StartVariablesInput,
} from '../variables.js';
import { SAMPLE_ESCALATION, type Scenario, type Step } from './scenario.js';
import { drainExternalTasks, type HandledTask } from './worker.js';

export interface ScenarioRun {
  processInstanceId: string;
  raisedAt: Date;
  /** External tasks, user tasks and fired timers in the order the scenario met them, then end events. */
  path: string[];
  handled: HandledTask[];
  ended: boolean;
  /** Timer id → [job due date, value of its due variable]. */
  timers: Record<string, [Date | null, Date | null]>;
}

let counter = 0;

const partnerships = loadPartnerships();

/** The raise, with what the partnership's settings add to every raise (as the API builds it). */
function startInput(s: Scenario, now: Date): StartVariablesInput {
  counter += 1;
  const input: StartVariablesInput = {
    ...SAMPLE_ESCALATION,
    escalationId: `scenario-${now.getTime().toString(36)}-${counter}`,
    raisedAt: now,
    caseReference: 'CR-2026-00042',
    ...s.start,
  };
  const settings = partnerships.find((p) => p.settings.id === input.partnership)?.settings;
  return settings ? startVariablesFor(settings, input) : input;
}

async function step(engine: EnginePort, run: ScenarioRun, s: Step): Promise<void> {
  const pi = run.processInstanceId;
  if ('complete' in s) {
    const tasks = await engine.listUserTasks({ processInstanceId: pi, taskDefinitionKey: s.complete });
    if (tasks.length !== 1)
      throw new Error(`expected one open user task ${s.complete}, found ${tasks.length}`);
    await engine.completeUserTask(tasks[0]!.id, { variables: toStageVariableMap(s.with) });
    run.path.push(s.complete);
  } else if ('timer' in s) {
    const jobs = await engine.listJobs({ processInstanceId: pi, activityId: s.timer });
    if (jobs.length !== 1) throw new Error(`expected one timer job for ${s.timer}, found ${jobs.length}`);
    const variable = await engine.getProcessVariable(pi, s.due);
    run.timers[s.timer] = [jobs[0]!.dueDate, variable.value instanceof Date ? variable.value : null];
    await engine.executeJob(jobs[0]!.id);
    run.path.push(s.timer);
  } else {
    await engine.correlateMessage({
      messageName: s.message,
      processInstanceId: pi,
      processVariables: toStageVariableMap(s.variables ?? {}),
    });
    run.path.push(`message:${s.message}`);
  }
}

/** Starts the scenario's escalation at `now()` and plays its steps. */
export async function runScenario(engine: EnginePort, s: Scenario, now: () => Date): Promise<ScenarioRun> {
  const vars = parseStartVariables(startInput(s, now()));
  const pi = await engine.startProcessInstance({
    definitionKey: s.key,
    businessKey: vars.escalationId,
    variables: toStartVariableMap(vars),
  });
  const run: ScenarioRun = {
    processInstanceId: pi.id,
    raisedAt: vars.raisedAt,
    path: [],
    handled: [],
    ended: false,
    timers: {},
  };
  const drain = async () => {
    const done = await drainExternalTasks(engine, vars.escalationId, now);
    run.handled.push(...done);
    run.path.push(...done.map((t) => t.activityId));
  };
  await drain();
  for (const st of s.steps) {
    await step(engine, run, st);
    await drain();
  }
  const history = await engine.listHistoricActivityInstances({
    processInstanceId: pi.id,
    activityType: 'noneEndEvent',
  });
  run.path.push(...history.map((h) => h.activityId).sort());
  const [historic] = await engine.listHistoricProcessInstances({ processInstanceId: pi.id });
  run.ended = historic?.state === 'COMPLETED';
  return run;
}
