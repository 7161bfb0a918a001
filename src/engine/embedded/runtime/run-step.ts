/**
 * Runs one step of one instance in one transaction: hydrate the instance from its rows, apply the
 * work, drain the agenda, write the difference. On any error the transaction rolls back and the
 * hydrated state is simply dropped, so the instance is exactly as it was before the step.
 */
import { NotFoundError } from '../../errors/not-found-error.js';
import type { LoadedDefinition } from '../model/model-cache.js';
import type { InstanceRow } from '../store/rows.js';
import type { RuntimeContext, StepEffects } from './context.js';
import { InstanceState } from './instance-state.js';
import { Step } from './step.js';

export interface StepResult<T> {
  result: T;
  effects: StepEffects;
}

/** Reads an instance row; undefined when it does not exist (any more). */
export function findInstance(ctx: RuntimeContext, instanceId: string): InstanceRow | undefined {
  return ctx.store.sql('SELECT * FROM process_instance WHERE id = ?').get(instanceId) as
    InstanceRow | undefined;
}

export function instanceNotFound(instanceId: string): NotFoundError {
  return new NotFoundError(`Process instance with id ${instanceId} does not exist`);
}

/** Runs `work` on the instance inside one transaction (the caller has loaded its definition). */
export function runStep<T>(
  ctx: RuntimeContext,
  instanceId: string,
  loaded: LoadedDefinition,
  work: (step: Step) => T,
): StepResult<T> {
  return ctx.store.transaction(() => {
    const row = findInstance(ctx, instanceId);
    if (!row) throw instanceNotFound(instanceId);
    return runOn(ctx, InstanceState.load(ctx.store, row, loaded.definition, loaded.model), work);
  });
}

/** Runs `work` on an already hydrated (or freshly created) instance; call inside a transaction. */
export function runOn<T>(
  ctx: RuntimeContext,
  instance: InstanceState,
  work: (step: Step) => T,
): StepResult<T> {
  const step = new Step(ctx, instance);
  try {
    const result = work(step);
    step.drain();
    instance.flush(ctx.store);
    step.activityHistory.flush(null);
    return { result, effects: step.effects };
  } catch (error) {
    if (error instanceof Error && step.current) failedActivities.set(error, step.current);
    throw error;
  }
}

const failedActivities = new WeakMap<Error, string>();

/** The activity a failed step was working on when it threw, if known. */
export function failedActivityOf(error: unknown): string | null {
  return error instanceof Error ? (failedActivities.get(error) ?? null) : null;
}
