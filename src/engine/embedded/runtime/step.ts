/**
 * One transition of one process instance, run inside one SQLite transaction. Work is queued on
 * an agenda and run in order, so deep diagrams never deepen the stack. If anything throws, the
 * transaction rolls back and the step's in-memory state is dropped with it.
 */
import type { RuntimeContext } from './context.js';
import { StepEffects } from './context.js';
import type { InstanceState } from './instance-state.js';
import { ActivityHistory } from './activity-history.js';

export class Step {
  /** One instant for everything this step records. */
  readonly now: number;
  readonly effects = new StepEffects();
  /** Tokens queued to enter a node, by scope: a scope with pending tokens is not finished. */
  readonly pending = new Set<{ parentId: string; nodeId: string }>();
  /** The activity being worked on, to say where a failure happened (Camunda's failedActivityId). */
  current: string | null = null;
  private readonly agenda: (() => void)[] = [];

  /** Historic activity instances of this step, written when it ends. */
  readonly activityHistory: ActivityHistory;

  constructor(
    readonly ctx: RuntimeContext,
    readonly instance: InstanceState,
  ) {
    this.now = ctx.clock.now();
    this.activityHistory = new ActivityHistory(ctx.store, instance.definition, instance.id);
  }

  /** Queues an operation after the ones already queued. */
  then(operation: () => void): void {
    this.agenda.push(operation);
  }

  /** Runs queued operations until none are left. */
  drain(): void {
    for (let operation = this.agenda.shift(); operation; operation = this.agenda.shift()) operation();
  }

  /** True when a token is queued to enter a node inside `parentId`. */
  hasPending(parentId: string): boolean {
    for (const entry of this.pending) if (entry.parentId === parentId) return true;
    return false;
  }

  newId(): string {
    return this.ctx.newId();
  }

  get store() {
    return this.ctx.store;
  }
}
