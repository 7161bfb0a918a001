/**
 * A small typed wrapper over camunda-external-task-client-js 3.x: its published typings lag its
 * ESM release (no `includeExtensionProperties`, no `createTime`), so the project sees only these
 * shapes. The same code polls the embedded engine or a Camunda 7 / Operaton cluster.
 */
import { BasicAuthInterceptor, Client, Variables } from 'camunda-external-task-client-js';
import type { VariableMap } from '../../src/engine/variables.js';
import type { RawTask } from './task.js';

/** How the client polls. */
export interface ClientOptions {
  /** The REST API's base URL including /engine-rest. */
  baseUrl: string;
  auth: { user: string; password: string } | null;
  workerId: string;
  maxTasks: number;
  /** ms a fetched task stays locked to this worker. */
  lockDuration: number;
  /** ms a long poll waits for work. */
  asyncResponseTimeout: number;
}

/** The client's task service, as far as the runner uses it. */
export interface TaskService {
  complete(task: RawTask, variables?: unknown): Promise<void>;
  handleFailure(
    task: RawTask,
    options: { errorMessage: string; errorDetails?: string; retries: number; retryTimeout: number },
  ): Promise<void>;
  handleBpmnError(task: RawTask, errorCode: string, errorMessage?: string): Promise<void>;
  unlock(task: RawTask): Promise<void>;
}

export type Handler = (args: { task: RawTask; taskService: TaskService }) => Promise<void>;

/** The client, as far as the runner uses it. */
export interface PollingClient {
  subscribe(topic: string, options: { includeExtensionProperties?: boolean }, handler: Handler): void;
  on(event: 'poll:error' | 'handler:error', listener: (error: unknown) => void): void;
  start(): void;
  stop(): void;
}

/** Starts nothing: the runner subscribes, then calls `start()`. */
export function createClient(options: ClientOptions): PollingClient {
  const client = new Client({
    baseUrl: options.baseUrl,
    workerId: options.workerId,
    maxTasks: options.maxTasks,
    lockDuration: options.lockDuration,
    asyncResponseTimeout: options.asyncResponseTimeout,
    // Long polling waits server-side; a pause between polls would only add latency to every step (300 ms by
    // default). 25 ms keeps a refused connection from being retried in a tight loop.
    interval: 25,
    autoPoll: false,
    // The client logs to the console only through `use: logger`; we leave it out and log ourselves.
    ...(options.auth
      ? {
          interceptors: new BasicAuthInterceptor({
            username: options.auth.user,
            password: options.auth.password,
          }),
        }
      : {}),
  });
  return client as unknown as PollingClient;
}

/** The client's Variables for a typed map (Date stays a Date; the client formats it for the wire). */
export function toClientVariables(map: VariableMap | undefined): unknown {
  if (!map || Object.keys(map).length === 0) return undefined;
  const variables = new Variables();
  for (const [name, typed] of Object.entries(map)) {
    variables.setTyped(name, { type: typed.type, value: typed.value, valueInfo: typed.valueInfo ?? {} });
  }
  return variables;
}
