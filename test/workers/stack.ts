/**
 * The whole worker stack for end-to-end tests, with real parts only: the embedded engine on SQLite
 * with a fake clock and its `/engine-rest` on a random port (or, with ENGINE_URL set, as
 * `npm run test:reference` sets it, a real Operaton on the system clock), the real workers polling it
 * through the official client over HTTP, the application database and key in a temp DATA_DIR, and a
 * real SMTP server that parses what it receives. Helpers raise escalations, complete stage tasks,
 * fire timers and wait until the workers have nothing left to do.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeClock } from '../../src/clock/fake-clock.js';
import type { Clock } from '../../src/clock/clock.js';
import { systemClock } from '../../src/clock/system-clock.js';
import { createCamundaRestEngine } from '../../src/engine/camunda-rest/index.js';
import { silentLogger } from '../../src/log/logger.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../../src/engine/embedded/index.js';
import { createServer, listen, type RunningServer } from '../../src/engine/rest-server/index.js';
import type { EnginePort, ExternalTask } from '../../src/engine/port.js';
import { deployProcesses } from '../../processes/deploy.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import {
  parseStartVariables,
  startVariablesFor,
  toStageVariableMap,
  toStartVariableMap,
  type StartVariablesInput,
} from '../../processes/variables.js';
import { SAMPLE_ESCALATION } from '../../processes/scenarios/scenario.js';
import type { FormValue } from '../../processes/scenarios/scenario.js';
import { createWorkerApp, type WorkerApp } from '../../workers/app.js';
import type { WorkerConfig } from '../../workers/config.js';
import { exampleDirectory } from '../../workers/notify/example-directory.js';
import { startWorkers, type RunningWorkers } from '../../workers/runtime/runner.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { tempDir } from '../support/temp-dir.js';

/** Monday 2 November 2026, 10:00 in London: the stack's fake "now" when it starts. */
export const STACK_START = '2026-11-02T10:00:00.000Z';

export interface StackOptions {
  /** Start the SMTP sink and send through it (default true); false keeps messages in the outbox. */
  smtp?: boolean;
  /** Lock duration of the workers' tasks (ms of the fake clock). */
  lockDuration?: number;
  /** Run the workers in this process (default true); false: the test runs its own (e.g. child processes). */
  workers?: boolean;
}

export interface Raised {
  escalationId: string;
  processInstanceId: string;
}

let counter = 0;

export class Stack {
  private constructor(
    readonly dir: ReturnType<typeof tempDir>,
    /** The engine's clock: a FakeClock on the embedded engine, the system clock on a remote one. */
    readonly clock: Clock,
    readonly engine: EnginePort,
    /** Our own server (embedded only). */
    readonly server: RunningServer | null,
    /** The engine's REST base URL. */
    readonly restUrl: string,
    readonly smtp: SmtpSink | null,
    readonly app: WorkerApp,
    readonly workers: RunningWorkers | null,
    readonly config: WorkerConfig,
  ) {}

  /** Whether this run drives a remote engine (ENGINE_URL) rather than the embedded one. */
  static get remote(): boolean {
    return Boolean(process.env.ENGINE_URL);
  }

  static async start(options: StackOptions = {}): Promise<Stack> {
    const dir = tempDir('stack');
    const { clock, engine, server, restUrl, auth } = await Stack.openEngine(dir.path);
    await deployProcesses(engine);
    const smtp = options.smtp === false ? null : await new SmtpSink().up();
    const directoryFile = join(dir.path, 'directory.json');
    writeFileSync(directoryFile, JSON.stringify(exampleDirectory(loadPartnerships())));
    const config: WorkerConfig = {
      engineUrl: restUrl,
      auth,
      workerId: 'stack-worker',
      maxTasks: 10,
      lockDuration: options.lockDuration ?? 60_000,
      asyncResponseTimeout: 1_000,
      smtpUrl: smtp?.url ?? null,
      mailFrom: 'Escalations <escalations@lscp.example.org>',
      directoryFile,
      publicUrl: 'https://escalations.example.org',
      dataDir: join(dir.path, 'data'),
      holidaysFile: null,
      dataKey: null,
    };
    const app = await createWorkerApp({
      config,
      clock,
      logger: silentLogger,
      mayCreateKey: true,
      defaultPublicUrl: '',
    });
    const workers = options.workers === false ? null : Stack.run(app, config);
    return new Stack(dir, clock, engine, server, restUrl, smtp, app, workers, config);
  }

  private static async openEngine(dir: string): Promise<{
    clock: Clock;
    engine: EnginePort;
    server: RunningServer | null;
    restUrl: string;
    auth: { user: string; password: string } | null;
  }> {
    const url = process.env.ENGINE_URL;
    if (url) {
      const { ENGINE_REST_USER: user, ENGINE_REST_PASSWORD: password } = process.env;
      const auth = user && password ? { user, password } : null;
      return {
        clock: systemClock,
        engine: createCamundaRestEngine({ baseUrl: url, auth }),
        server: null,
        restUrl: url,
        auth,
      };
    }
    const clock = new FakeClock(STACK_START);
    const engine: EmbeddedEngine = await openEmbeddedEngine({
      databaseFile: join(dir, 'engine.sqlite'),
      clock,
    });
    const server = await listen(createServer({ engine, logger: silentLogger }), 0, '127.0.0.1');
    return { clock, engine, server, restUrl: server.engineRestUrl, auth: null };
  }

  /** Moves the embedded engine's fake clock (fires what falls due); refused on a remote engine. */
  async advance(ms: number): Promise<void> {
    if (!(this.clock instanceof FakeClock)) throw new Error('the clock of a remote engine cannot be moved');
    await this.clock.advance(ms);
  }

  static run(app: WorkerApp, config: WorkerConfig): RunningWorkers {
    return startWorkers({
      ...config,
      baseUrl: config.engineUrl!,
      workers: app.workers,
      logger: silentLogger,
    });
  }

  /** Raises an escalation on the diagram that handles its context, as the API will. */
  async raise(
    partnership: StartVariablesInput['partnership'],
    over: Partial<StartVariablesInput> = {},
  ): Promise<Raised> {
    counter += 1;
    const entry = loadPartnerships().find((p) => p.settings.id === partnership)!;
    const input = startVariablesFor(entry.settings, {
      ...SAMPLE_ESCALATION,
      partnership,
      escalationId: `stack-${counter}-${this.clock.now().toString(36)}`,
      raisedAt: new Date(this.clock.now()),
      caseReference: `CR-2026-${String(counter).padStart(5, '0')}`,
      ...over,
    });
    const vars = parseStartVariables(input);
    const diagram = entry.settings.diagrams.find((d) => d.contexts.includes(vars.disagreementContext))!;
    const pi = await this.engine.startProcessInstance({
      definitionKey: diagram.key,
      businessKey: vars.escalationId,
      variables: toStartVariableMap(vars),
    });
    return { escalationId: vars.escalationId, processInstanceId: pi.id };
  }

  /**
   * Waits until the escalation has no external task left that a worker could still take (every one
   * completed, or an incident with no retries), and no handler is running.
   */
  async settle(r: Raised, timeoutMs = 30_000): Promise<ExternalTask[]> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const open = await this.engine.listExternalTasks({ processInstanceId: r.processInstanceId });
      const waiting = open.filter((t) => t.retries === null || t.retries > 0);
      if (waiting.length === 0 && (this.workers?.inFlight() ?? 0) === 0) return open;
      if (performance.now() > deadline) {
        throw new Error(
          `still waiting for ${waiting.map((t) => `${t.activityId} (${t.topicName})`).join(', ')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Completes the open user task `taskKey` with form values, then waits for the workers. */
  async complete(r: Raised, taskKey: string, values: Record<string, FormValue>): Promise<void> {
    const [task] = await this.engine.listUserTasks({
      processInstanceId: r.processInstanceId,
      taskDefinitionKey: taskKey,
    });
    if (!task) throw new Error(`no open user task ${taskKey}`);
    await this.engine.completeUserTask(task.id, { variables: toStageVariableMap(values) });
    await this.settle(r);
  }

  /** Fires a timer boundary event now with `POST /job/{id}/execute` over HTTP, then waits for the workers. */
  async fire(r: Raised, timerId: string): Promise<void> {
    const [job] = await this.engine.listJobs({ processInstanceId: r.processInstanceId, activityId: timerId });
    if (!job) throw new Error(`no timer job ${timerId}`);
    const response = await fetch(`${this.restUrl}/job/${job.id}/execute`, {
      method: 'POST',
      headers: this.config.auth ? { authorization: basic(this.config.auth) } : {},
    });
    if (response.status !== 204) throw new Error(`executing ${timerId}'s job answered ${response.status}`);
    await this.settle(r);
  }

  /** Activity ids the escalation has passed, in order. */
  async path(r: Raised): Promise<string[]> {
    const history = await this.engine.listHistoricActivityInstances({
      processInstanceId: r.processInstanceId,
      sortBy: 'startTime',
      sortOrder: 'asc',
    });
    return history.map((h) => h.activityId);
  }

  async stop(): Promise<void> {
    await this.workers?.stop();
    this.app.close();
    await this.server?.close();
    await this.engine.close();
    await this.smtp?.down();
    this.dir.remove();
  }
}

const basic = (auth: { user: string; password: string }) =>
  `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
