/**
 * Types for the parts of the official `camunda-external-task-client-js` (3.1, plain JS) that the
 * conformance suite and `bench/rest.ts` use. Ambient, so it applies project-wide; whoever writes
 * the workers may move it to a shared place.
 */
declare module 'camunda-external-task-client-js' {
  export type Interceptor = (config: Record<string, unknown>) => Record<string, unknown>;

  export interface ClientOptions {
    baseUrl: string;
    workerId?: string;
    maxTasks?: number;
    maxParallelExecutions?: number;
    interval?: number;
    lockDuration?: number;
    autoPoll?: boolean;
    asyncResponseTimeout?: number;
    usePriority?: boolean;
    interceptors?: Interceptor | Interceptor[];
    use?: unknown;
  }

  export interface SubscribeOptions {
    lockDuration?: number;
    variables?: string[];
    businessKey?: string;
    processDefinitionKey?: string;
    localVariables?: boolean;
    includeExtensionProperties?: boolean;
  }

  export interface TypedValue {
    type: string;
    value: unknown;
    valueInfo?: Record<string, unknown>;
  }

  export class Variables {
    constructor();
    get(name: string): unknown;
    getTyped(name: string): TypedValue;
    getAll(): Record<string, unknown>;
    getAllTyped(): Record<string, TypedValue>;
    set(name: string, value: unknown): Variables;
    setTyped(name: string, typed: TypedValue): Variables;
    setAll(values: Record<string, unknown>): Variables;
  }

  export class File {
    constructor(options: { localPath?: string; filename?: string; mimetype?: string; encoding?: string });
    filename: string;
    mimeType?: string;
    remotePath?: string;
    content: Buffer | string;
    load(): Promise<File>;
  }

  export interface Task {
    id: string;
    topicName: string;
    workerId: string;
    processInstanceId: string;
    activityId: string;
    businessKey: string | null;
    retries: number | null;
    errorMessage: string | null;
    lockExpirationTime: string;
    extensionProperties?: Record<string, string>;
    variables: Variables;
  }

  export interface TaskService {
    complete(task: Task, variables?: Variables, localVariables?: Variables): Promise<void>;
    handleFailure(
      task: Task,
      options: { errorMessage?: string; errorDetails?: string; retries?: number; retryTimeout?: number },
    ): Promise<void>;
    handleBpmnError(
      task: Task,
      errorCode: string,
      errorMessage?: string,
      variables?: Variables,
    ): Promise<void>;
    extendLock(task: Task, newDuration: number): Promise<void>;
    lock(task: Task, duration: number): Promise<void>;
    unlock(task: Task): Promise<void>;
  }

  export type Handler = (args: { task: Task; taskService: TaskService }) => Promise<void> | void;

  export interface TopicSubscription {
    unsubscribe(): void;
  }

  export class Client {
    constructor(options: ClientOptions);
    subscribe(topic: string, handler: Handler): TopicSubscription;
    subscribe(topic: string, options: SubscribeOptions, handler: Handler): TopicSubscription;
    start(): void;
    stop(): void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  /** Its constructor returns the interceptor function itself. */
  export const BasicAuthInterceptor: new (options: { username: string; password: string }) => Interceptor;

  export const logger: unknown;
}
