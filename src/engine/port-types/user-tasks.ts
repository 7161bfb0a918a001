/** User tasks and their forms. */
import type { VariableMap } from '../variables.js';
import type { Page, Sorting } from './paging.js';

export interface UserTask {
  id: string;
  name: string | null;
  assignee: string | null;
  owner: string | null;
  created: Date;
  due: Date | null;
  followUp: Date | null;
  delegationState: string | null;
  description: string | null;
  executionId: string;
  parentTaskId: string | null;
  priority: number;
  processDefinitionId: string;
  processInstanceId: string;
  taskDefinitionKey: string;
  suspended: boolean;
  formKey: string | null;
  /** `camunda:formRef` binding, when the task uses a deployed Camunda Form. */
  camundaFormRef: {
    key: string;
    binding: 'latest' | 'deployment' | 'version';
    version: number | null;
  } | null;
  tenantId: string | null;
  candidateGroups: string[];
}

export interface UserTaskQuery
  extends
    Page,
    Sorting<'id' | 'name' | 'created' | 'dueDate' | 'assignee' | 'priority' | 'processInstanceId'> {
  taskId?: string;
  processInstanceId?: string;
  /** Tasks of any of these process instances (Camunda's `processInstanceIdIn`). */
  processInstanceIdIn?: string[];
  processInstanceBusinessKey?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  taskDefinitionKey?: string;
  assignee?: string;
  unassigned?: boolean;
  candidateGroup?: string;
  candidateGroups?: string[];
  dueBefore?: Date;
  dueAfter?: Date;
}

export interface CompleteUserTaskInput {
  variables?: VariableMap;
  withVariablesInReturn?: boolean;
}

/** GET /task/{id}/form: a form key or a deployed-form reference. */
export interface TaskForm {
  key: string | null;
  camundaFormRef: UserTask['camundaFormRef'];
  contextPath: string | null;
}
