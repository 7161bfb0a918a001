/** Starting a process instance at its none start event or at a message start event. */
import type { VariableMap } from '../../variables.js';
import type { LoadedDefinition } from '../model/model-cache.js';
import type { FlowNode } from '../model/process-model.js';
import type { InstanceRow } from '../store/rows.js';
import { enqueueEnter } from './activities.js';
import type { RuntimeContext } from './context.js';
import { recordProcessStart } from './history.js';
import { InstanceState } from './instance-state.js';
import { runOn, type StepResult } from './run-step.js';
import { armEventSubProcesses } from './subscriptions.js';
import { insertVariable, instanceScope } from './variables.js';

export interface StartRequest {
  businessKey: string | null;
  variables?: VariableMap;
  /** The start event; the none start event of the process when omitted. */
  start: FlowNode;
}

/** Creates and runs a new instance up to its first wait states; call inside a transaction. */
export function startInstance(
  ctx: RuntimeContext,
  loaded: LoadedDefinition,
  request: StartRequest,
): StepResult<InstanceState> {
  const row: InstanceRow = {
    id: ctx.newId(),
    definition_id: loaded.definition.id,
    business_key: request.businessKey,
    start_time: ctx.clock.now(),
  };
  ctx.store
    .sql('INSERT INTO process_instance (id, definition_id, business_key, start_time) VALUES (?,?,?,?)')
    .run(row.id, row.definition_id, row.business_key, row.start_time);
  const instance = new InstanceState(row, loaded.definition, loaded.model);
  return runOn(ctx, instance, (step) => {
    recordProcessStart(step, request.start.id);
    const root = instanceScope(row.id);
    for (const [name, value] of Object.entries(request.variables ?? {}))
      insertVariable(step, root, name, value);
    armEventSubProcesses(step, row.id, loaded.model.root);
    enqueueEnter(step, request.start, row.id);
    return instance;
  });
}
