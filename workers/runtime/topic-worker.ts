/**
 * The contract of one topic's worker: a factory builds it with its dependencies, the runner
 * subscribes it. `handle` returns what to complete the task with, or a BPMN error where a diagram
 * models one; every fault is thrown as a TransientError or PermanentError (anything else counts as
 * transient, so a bug ends as a visible incident after the retries, never as a silent loss).
 */
import type { VariableMap } from '../../src/engine/variables.js';
import type { TaskView } from './task.js';

/** What a handler ends a task with. */
export type TaskResult =
  | { kind: 'complete'; variables?: VariableMap }
  | { kind: 'bpmnError'; errorCode: string; errorMessage?: string };

export interface TopicWorker {
  topic: string;
  /** Extra fetch options for the topic (e.g. extension properties for the deadline worker). */
  fetch?: { includeExtensionProperties?: boolean };
  handle(task: TaskView): Promise<TaskResult>;
}

/** The common case: complete with these variables. */
export const complete = (variables?: VariableMap): TaskResult => ({ kind: 'complete', variables });
