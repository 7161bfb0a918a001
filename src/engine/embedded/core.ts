/**
 * What every service of the embedded engine shares: the runtime context, the step runner with
 * its after-commit notifications, and the in-flight counter behind `idle()`.
 */
import type { LoadedDefinition } from './model/model-cache.js';
import type { RuntimeContext, StepEffects } from './runtime/context.js';
import { findInstance, instanceNotFound, runStep } from './runtime/run-step.js';
import type { Step } from './runtime/step.js';

export type CommitListener = (effects: StepEffects) => void;

export class EngineCore {
  private readonly listeners: CommitListener[] = [];
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  closed = false;

  constructor(readonly ctx: RuntimeContext) {}

  get store() {
    return this.ctx.store;
  }

  onCommit(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /** Tells long polls and the scheduler what a committed step changed. */
  publish(effects: StepEffects): void {
    for (const listener of this.listeners) listener(effects);
  }

  /** Loads the definition of an instance (NotFound when the instance does not exist). */
  async definitionOf(instanceId: string): Promise<LoadedDefinition> {
    const row = findInstance(this.ctx, instanceId);
    if (!row) throw instanceNotFound(instanceId);
    return this.ctx.models.ensure(row.definition_id);
  }

  /**
   * Runs one step on an instance, in one transaction, then publishes its effects. A caller that
   * already read the instance's definition id (a task row carries it) passes it and saves a read.
   */
  async step<T>(instanceId: string, work: (step: Step) => T, definitionId?: string): Promise<T> {
    return this.track(async () => {
      const loaded = definitionId
        ? await this.ctx.models.ensure(definitionId)
        : await this.definitionOf(instanceId);
      const { result, effects } = runStep(this.ctx, instanceId, loaded, work);
      this.publish(effects);
      return result;
    });
  }

  /** Counts `work` as in flight until it settles (for `idle()`). */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.wakeIdle();
    }
  }

  /** Resolves when no tracked work is running. */
  whenSettled(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
