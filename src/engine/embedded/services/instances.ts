/** Starting, querying and deleting process instances; their variables and activity trees. */
import type {
  ActivityInstance,
  ProcessInstance,
  ProcessInstanceQuery,
  ProcessInstanceWithVariables,
  StartInput,
  VariableModification,
} from '../../port.js';
import type { TypedValue, VariableMap } from '../../variables.js';
import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import { ProcessEngineError } from '../../errors/process-engine-error.js';
import type { EngineCore } from '../core.js';
import { orderBy } from '../queries/sql-query.js';
import { findInstance, instanceNotFound } from '../runtime/run-step.js';
import { startInstance } from '../runtime/start.js';
import { endInstance } from '../runtime/scopes.js';
import {
  deleteVariable,
  instanceScope,
  readVariable,
  setLocalVariable,
  visibleVariables,
} from '../runtime/variables.js';
import type { InstanceRow } from '../store/rows.js';
import { validateVariables } from '../values/validate-variables.js';
import { activityTree } from './activity-tree.js';
import type { DefinitionService } from './definitions.js';
import { INSTANCE_SORT, instanceQuery } from './instance-query.js';
import { toInstance } from './mappers.js';
import { finishedVariables } from './finished-variables.js';

export class InstanceService {
  constructor(
    private readonly core: EngineCore,
    private readonly definitions: DefinitionService,
  ) {}

  async startProcessInstance(input: StartInput): Promise<ProcessInstanceWithVariables> {
    validateVariables(input.variables, 'variables');
    const definitionId = await this.definitions.resolveForStart(input);
    return this.core.track(async () => {
      const loaded = await this.core.ctx.models.ensure(definitionId);
      const start = loaded.model.root.noneStart;
      if (!start) {
        throw new ProcessEngineError(
          `Process definition ${definitionId} has no none start event to start from`,
        );
      }
      const businessKey = input.businessKey ?? null;
      const { result, effects } = this.core.store.transaction(() =>
        startInstance(this.core.ctx, loaded, { businessKey, variables: input.variables, start }),
      );
      this.core.publish(effects);
      const instance: ProcessInstanceWithVariables = toInstance(result.row, result.ended);
      if (input.withVariablesInReturn) instance.variables = this.rootVariables(result.row.id, result.ended);
      return instance;
    });
  }

  /** The process-level variables, also of an instance that has already ended (from history). */
  rootVariables(instanceId: string, ended: boolean): VariableMap {
    if (ended) return finishedVariables(this.core.store, instanceId);
    return visibleVariables(this.core.store, [instanceScope(instanceId)]);
  }

  async listProcessInstances(query: ProcessInstanceQuery = {}): Promise<ProcessInstance[]> {
    const order = orderBy(INSTANCE_SORT, query.sortBy, query.sortOrder, 'pi.rowid');
    const rows = instanceQuery(query).list<InstanceRow>(this.core.store, 'pi.*', order, query);
    return rows.map((r) => toInstance(r));
  }

  async countProcessInstances(query: ProcessInstanceQuery = {}): Promise<number> {
    return instanceQuery(query).count(this.core.store);
  }

  async getProcessInstance(id: string): Promise<ProcessInstance> {
    const row = findInstance(this.core.ctx, id);
    if (!row) throw instanceNotFound(id);
    return toInstance(row);
  }

  async deleteProcessInstance(id: string, options: { reason?: string } = {}): Promise<void> {
    await this.core.step(id, (step) => endInstance(step, 'EXTERNALLY_TERMINATED', options.reason ?? null));
  }

  async getActivityInstanceTree(processInstanceId: string): Promise<ActivityInstance> {
    const loaded = await this.core.definitionOf(processInstanceId);
    return activityTree(this.core.store, processInstanceId, loaded);
  }

  async getProcessVariables(processInstanceId: string): Promise<VariableMap> {
    await this.getProcessInstance(processInstanceId);
    return this.rootVariables(processInstanceId, false);
  }

  async getProcessVariable(processInstanceId: string, name: string): Promise<TypedValue> {
    await this.getProcessInstance(processInstanceId);
    const value = readVariable(this.core.store, [instanceScope(processInstanceId)], name);
    if (!value) throw new NotFoundError(`process instance variable with name ${name} does not exist`);
    return value;
  }

  async modifyProcessVariables(processInstanceId: string, change: VariableModification): Promise<void> {
    validateVariables(change.modifications, 'modifications');
    if (change.deletions !== undefined && !Array.isArray(change.deletions)) {
      throw new InvalidRequestError('deletions must be a list of variable names', 'deletions');
    }
    await this.core.step(processInstanceId, (step) => {
      const root = instanceScope(processInstanceId);
      for (const [name, value] of Object.entries(change.modifications ?? {}))
        setLocalVariable(step, root, name, value);
      for (const name of change.deletions ?? []) deleteVariable(step, [root], name);
    });
  }

  async getExecutionLocalVariable(executionId: string, name: string): Promise<TypedValue> {
    const value = readVariable(
      this.core.store,
      [{ scopeId: executionId, activityInstanceId: executionId }],
      name,
    );
    if (!value) throw new NotFoundError(`execution variable with name ${name} does not exist`);
    return value;
  }
}
