/**
 * The official camunda-external-task-client-js, wired for tests: tasks the handler receives are
 * queued so a test can await "the next task of topic X" and decide what to do with it.
 */
import {
  BasicAuthInterceptor,
  Client,
  type ClientConfig,
  type SubscribeOptions,
  type Task,
  type TaskService,
} from 'camunda-external-task-client-js';
import type { Credentials } from './targets.js';

/** One task the official client handed to the subscription handler. */
export interface Delivery {
  task: Task;
  taskService: TaskService;
}

/** A FIFO of deliveries with async take(). */
class DeliveryQueue {
  private items: Delivery[] = [];
  private waiters: ((d: Delivery) => void)[] = [];
  push(d: Delivery): void {
    const w = this.waiters.shift();
    if (w) w(d);
    else this.items.push(d);
  }
  take(): Promise<Delivery> {
    const d = this.items.shift();
    return d ? Promise.resolve(d) : new Promise((resolve) => this.waiters.push(resolve));
  }
}

/**
 * What the client (3.1) accepts per subscription; `@types/camunda-external-task-client-js` lags
 * behind it (no `localVariables`, no `includeExtensionProperties`).
 */
export type Subscription = SubscribeOptions & {
  localVariables?: boolean;
  includeExtensionProperties?: boolean;
};

/** An official client started for a test, with its deliveries and poll counts. */
export interface TestClient {
  /**
   * Subscribes to `topic`; each delivery is queued. The handler returns at once without ending the
   * task, so it stays locked until the test completes, fails or extends it through the delivery.
   */
  subscribe(topic: string, options?: Subscription): DeliveryQueue;
  /** How many polls the client has started. */
  polls(): number;
  /** Errors the client reported while polling (e.g. 401). */
  pollErrors: unknown[];
  stop(): void;
}

/** Starts the official client against `baseUrl` (with Basic auth when `auth` is set). */
export function startClient(
  baseUrl: string,
  auth: Credentials | null,
  options: Partial<ClientConfig> = {},
): TestClient {
  const client = new Client({
    baseUrl,
    workerId: 'official-client',
    interval: 50,
    asyncResponseTimeout: 10_000,
    lockDuration: 60_000,
    autoPoll: false,
    ...(auth
      ? { interceptors: new BasicAuthInterceptor({ username: auth.user, password: auth.password }) }
      : {}),
    ...options,
  });
  let polls = 0;
  const pollErrors: unknown[] = [];
  client.on('poll:start', () => polls++);
  client.on('poll:error', (e) => pollErrors.push(e));
  // The client logs through its own events only; nothing is printed.
  client.start();
  return {
    subscribe(topic, subscribeOptions = {}) {
      const queue = new DeliveryQueue();
      client.subscribe(topic, subscribeOptions as SubscribeOptions, (d) => queue.push(d));
      return queue;
    },
    polls: () => polls,
    pollErrors,
    stop: () => client.stop(),
  };
}
