/**
 * The whole product for the operations tests, in this process: `startProduct` on a fresh DATA_DIR
 * (the embedded engine on SQLite, the API, the web UI, the workers polling over loopback, messages
 * kept in the outbox), a fake clock, and the JSON log lines it wrote.
 */
import { join } from 'node:path';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { jsonLineLogger } from '../../src/log/logger.js';
import { loadConfig } from '../../src/config.js';
import { startProduct, type Product } from '../../src/app/product.js';
import { loadWorkerConfig } from '../../workers/config.js';
import { tempDir } from '../support/temp-dir.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { resolved, SAMPLE_ESCALATION } from '../../processes/scenarios/scenario.js';
import { appendix1 } from '../../processes/scenarios/liverpool.scenarios.js';
import {
  parseStartVariables,
  startVariablesFor,
  toStageVariableMap,
  toStartVariableMap,
} from '../../processes/variables.js';

export interface OpsProduct {
  product: Product;
  clock: FakeClock;
  /** `http://127.0.0.1:<port>` */
  base: string;
  dataDir: string;
  /** Every log line written so far, parsed. */
  logs: Record<string, unknown>[];
  rawLogs: string[];
  stop(): Promise<void>;
}

export interface OpsOptions {
  env?: Record<string, string>;
  /** Default: a fresh temporary directory (removed by stop). */
  dataDir?: string;
  clock?: FakeClock;
  workers?: boolean;
  retentionIntervalMs?: number;
}

export async function startOpsProduct(options: OpsOptions = {}): Promise<OpsProduct> {
  const dir = options.dataDir ? null : tempDir('ops');
  const dataDir = options.dataDir ?? join(dir!.path, 'data');
  const clock = options.clock ?? new FakeClock('2026-11-02T10:00:00.000Z');
  const rawLogs: string[] = [];
  const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, WORKER_ASYNC_RESPONSE_TIMEOUT: '1000', ...options.env }; // prettier-ignore
  const product = await startProduct({
    config: loadConfig(env),
    workers: options.workers === false ? null : loadWorkerConfig(env),
    clock,
    logger: jsonLineLogger((line) => rawLogs.push(line)),
    retentionIntervalMs: options.retentionIntervalMs,
  });
  return {
    product,
    clock,
    base: `http://127.0.0.1:${product.running.port}`,
    dataDir,
    rawLogs,
    get logs() {
      return rawLogs.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    async stop() {
      await product.stop();
      dir?.remove();
    },
  };
}

/** Waits until the workers have ended every external task of the instance (they poll for real). */
export async function settled(
  product: Product,
  processInstanceId: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const open = await product.engine.listExternalTasks({ processInstanceId });
    if (open.every((t) => t.retries === 0)) return;
    if (performance.now() > deadline)
      throw new Error(`still waiting for ${open.map((t) => t.activityId).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A child for the operations tests: made-up details found in no other text of the product. */
export interface Child {
  name: string;
  dateOfBirth: string;
  address: string;
  parents?: string;
}

export interface RaisedCase {
  escalationId: string;
  processInstanceId: string;
  caseReference: string;
}

let raised = 0;

/**
 * Stores the child's details and raises a Liverpool escalation through the engine port, as the
 * API does; the workers (polling for real) record it, tell the parties and compute Stage 1's deadline.
 */
export async function raiseLiverpool(
  ops: OpsProduct,
  caseReference: string,
  child: Child,
): Promise<RaisedCase> {
  raised += 1;
  const now = new Date(ops.clock.now());
  ops.product.stores.subjects.put('liverpool', caseReference, { ...child }, now);
  const entry = loadPartnerships().find((p) => p.settings.id === 'liverpool')!;
  const vars = parseStartVariables(
    startVariablesFor(entry.settings, {
      ...SAMPLE_ESCALATION,
      partnership: 'liverpool',
      escalationId: `ops-${raised}-${now.getTime().toString(36)}`,
      raisedAt: now,
      caseReference,
    }),
  );
  const diagram = entry.settings.diagrams.find((d) => d.contexts.includes(vars.disagreementContext))!;
  const pi = await ops.product.engine.startProcessInstance({
    definitionKey: diagram.key,
    businessKey: vars.escalationId,
    variables: toStartVariableMap(vars),
  });
  await settled(ops.product, pi.id);
  return { escalationId: vars.escalationId, processInstanceId: pi.id, caseReference };
}

/**
 * Liverpool Stage 1 resolved in the workers' discussion, with the Summary Log's fields (LSCB
 * Resolution & Escalation Procedure, Stage 1 Attempt Resolution, RECORD): the form worker writes
 * Appendix 1 (with the child's name and date of birth), the escalation ends resolved.
 */
export async function resolveAtStage1(
  ops: OpsProduct,
  run: RaisedCase,
  answers: Partial<typeof appendix1> = {},
): Promise<void> {
  const [task] = await ops.product.engine.listUserTasks({
    processInstanceId: run.processInstanceId,
    taskDefinitionKey: 'Stage1_RecordOutcome',
  });
  if (!task) throw new Error('no open Stage1_RecordOutcome');
  await ops.product.engine.completeUserTask(task.id, {
    variables: toStageVariableMap({ ...resolved, ...appendix1, ...answers }),
  });
  await settled(ops.product, run.processInstanceId);
}
