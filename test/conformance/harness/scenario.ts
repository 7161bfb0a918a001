/** Small helpers shared by the conformance specs; all go through the engine port. */
import type { EnginePort, LockedExternalTask, VariableMap } from '../../../src/engine/port.js';
import { formatCamundaDate } from '../../../src/engine/rest-server/wire/date-format.js';

/** Deploys resources under a fresh name and returns the deployment with its definitions. */
export function deploy(
  engine: EnginePort,
  name: string,
  resources: { name: string; content: string | Buffer }[],
) {
  return engine.deploy({
    name,
    source: 'conformance',
    resources: resources.map((r) => ({
      name: r.name,
      content: Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content),
    })),
  });
}

/**
 * Fetches and locks up to `maxTasks` tasks of `topic`, long-polling so a task still being
 * created is waited for (not slept for). Resolves with what arrived, possibly nothing.
 */
export function fetchTasks(
  engine: EnginePort,
  topic: string,
  options: {
    workerId?: string;
    maxTasks?: number;
    lockDuration?: number;
    wait?: number;
    localVariables?: boolean;
    includeExtensionProperties?: boolean;
    variables?: string[];
  } = {},
): Promise<LockedExternalTask[]> {
  return engine.fetchAndLock({
    workerId: options.workerId ?? 'conformance-worker',
    maxTasks: options.maxTasks ?? 1,
    asyncResponseTimeout: options.wait ?? 5_000,
    topics: [
      {
        topicName: topic,
        lockDuration: options.lockDuration ?? 60_000,
        ...(options.localVariables ? { localVariables: true } : {}),
        ...(options.includeExtensionProperties ? { includeExtensionProperties: true } : {}),
        ...(options.variables ? { variables: options.variables } : {}),
      },
    ],
  });
}

/** Fetches exactly one task of `topic` or fails the test. */
export async function fetchOne(
  engine: EnginePort,
  topic: string,
  options: Parameters<typeof fetchTasks>[2] = {},
): Promise<LockedExternalTask> {
  const [task] = await fetchTasks(engine, topic, options);
  if (!task) throw new Error(`no task arrived on topic ${topic}`);
  return task;
}

/** Expects `promise` to reject and returns the error (for asserting its class and message). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection, but the call succeeded');
}

/** A date with whole milliseconds, some days from now (Operaton's clock cannot be moved). */
export function daysFromNow(days: number): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000 + days * 86_400_000);
}

/**
 * {@link daysFromNow} in Camunda's wire format (UTC, `+0000`), for raw JSON bodies: a due date
 * that stays in the future on whatever day the suite runs (a literal one expires).
 */
export function camundaDateFromNow(days: number): string {
  return formatCamundaDate(daysFromNow(days), 'UTC');
}

/** One variable of each type the issue lists, as the port carries them. */
export function everyType(): VariableMap {
  return {
    aString: { type: 'String', value: 'Stage 2 escalation' },
    aBoolean: { type: 'Boolean', value: true },
    anInteger: { type: 'Integer', value: 42 },
    aLong: { type: 'Long', value: 9_007_199_254_740_991 },
    aDouble: { type: 'Double', value: 2.5 },
    aDate: { type: 'Date', value: new Date('2026-11-23T14:00:00.000Z') },
    aNull: { type: 'Null', value: null },
    aJson: { type: 'Json', value: '{"stage":2,"parties":["police","school"]}' },
    anObject: {
      type: 'Object',
      value: '{"level":"manager"}',
      valueInfo: { objectTypeName: 'java.util.LinkedHashMap', serializationDataFormat: 'application/json' },
    },
    someBytes: { type: 'Bytes', value: Buffer.from([0, 1, 2, 250]) },
    aFile: {
      type: 'File',
      value: Buffer.from('%PDF-1.4 monitoring form'),
      valueInfo: { filename: 'appendix-a.pdf', mimeType: 'application/pdf' },
    },
  };
}
