/** Deleting a deployment, with or without its instances (cascade), in one transaction. */
import { ProcessEngineError } from '../../errors/process-engine-error.js';
import type { EngineCore } from '../core.js';
import { StepEffects } from '../runtime/context.js';
import { HISTORY_CHILD_TABLES } from '../runtime/history.js';

const RUNTIME_TABLES = [
  'activity_instance',
  'variable',
  'external_task',
  'message_subscription',
  'job',
  'incident',
];

/** Deletes the deployment's rows; returns the ids of the definitions it removed. */
export function deleteDeploymentRows(core: EngineCore, deploymentId: string, cascade: boolean): string[] {
  const { store } = core;
  const definitions = (
    store.sql('SELECT id FROM process_definition WHERE deployment_id = ?').all(deploymentId) as {
      id: string;
    }[]
  ).map((r) => r.id);
  for (const definitionId of definitions) {
    const instances = (
      store.sql('SELECT id FROM process_instance WHERE definition_id = ?').all(definitionId) as {
        id: string;
      }[]
    ).map((r) => r.id);
    if (instances.length > 0 && !cascade) {
      throw new ProcessEngineError(
        `Deletion of process definition without cascading failed. There are ${instances.length} running ` +
          `process instances of process definition ${definitionId}.`,
      );
    }
    deleteInstances(core, instances);
    deleteHistory(core, definitionId);
    store.sql('DELETE FROM message_start WHERE definition_id = ?').run(definitionId);
    store.sql('DELETE FROM process_definition WHERE id = ?').run(definitionId);
  }
  store.sql('DELETE FROM resource WHERE deployment_id = ?').run(deploymentId);
  store.sql('DELETE FROM deployment WHERE id = ?').run(deploymentId);
  const effects = new StepEffects();
  effects.jobsChanged = true;
  core.publish(effects);
  return definitions;
}

function deleteInstances(core: EngineCore, instances: string[]): void {
  const { store } = core;
  for (const id of instances) {
    const tasks = store.sql('SELECT id FROM user_task WHERE process_instance_id = ?').all(id) as {
      id: string;
    }[];
    for (const task of tasks) store.sql('DELETE FROM task_candidate WHERE task_id = ?').run(task.id);
    store.sql('DELETE FROM user_task WHERE process_instance_id = ?').run(id);
    for (const table of RUNTIME_TABLES)
      store.sql(`DELETE FROM ${table} WHERE process_instance_id = ?`).run(id);
    store.sql('DELETE FROM process_instance WHERE id = ?').run(id);
  }
}

function deleteHistory(core: EngineCore, definitionId: string): void {
  const { store } = core;
  for (const table of HISTORY_CHILD_TABLES)
    store.sql(`DELETE FROM ${table} WHERE definition_id = ?`).run(definitionId);
  store.sql('DELETE FROM hist_process_instance WHERE definition_id = ?').run(definitionId);
}
