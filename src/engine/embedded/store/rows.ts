/** Row shapes of the runtime tables, as better-sqlite3 returns them. */

export interface DefinitionRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  version_tag: string | null;
  resource_name: string;
  resource_id: string;
  deployment_id: string;
  history_ttl: number | null;
  startable: number;
  /** The diagram's targetNamespace (schema v3). */
  category: string | null;
}

export interface InstanceRow {
  id: string;
  definition_id: string;
  business_key: string | null;
  start_time: number;
}

/** `wait`: at a wait state; `join`: waiting at a joining gateway; `scope`: a (event) sub-process. */
export type ActivityState = 'wait' | 'join' | 'scope';

export interface ActivityRow {
  id: string;
  process_instance_id: string;
  /** The enclosing sub-process's activity instance id, or the process instance id. */
  parent_id: string;
  activity_id: string;
  /**
   * The execution shown to callers: its own (and its variable scope's id) for scope activities,
   * the enclosing scope's execution otherwise.
   */
  execution_id: string;
  state: ActivityState;
  start_time: number;
}

export interface ExternalTaskRow {
  id: string;
  process_instance_id: string;
  execution_id: string;
  activity_instance_id: string;
  activity_id: string;
  topic: string;
  priority: number;
  worker_id: string | null;
  lock_expiration: number | null;
  retries: number | null;
  error_message: string | null;
  error_details: string | null;
  create_time: number;
  definition_id: string;
  definition_key: string;
  version_tag: string | null;
  business_key: string | null;
}

export interface UserTaskRow {
  id: string;
  process_instance_id: string;
  execution_id: string;
  activity_instance_id: string;
  activity_id: string;
  name: string | null;
  description: string | null;
  assignee: string | null;
  owner: string | null;
  create_time: number;
  due: number | null;
  follow_up: number | null;
  priority: number;
  form_key: string | null;
  form_ref: string | null;
  definition_id: string;
  business_key: string | null;
  /** JSON list (schema v2). */
  candidate_groups: string;
}

/** `catch`: intermediate catch; `boundary`; `eventSubProcess`; `eventGateway`. */
export type SubscriptionKind = 'catch' | 'boundary' | 'eventSubProcess' | 'eventGateway';

export interface SubscriptionRow {
  id: string;
  process_instance_id: string;
  /** The waiting activity instance, the boundary host, the event gateway or the enclosing scope. */
  owner_id: string;
  element_id: string;
  message_name: string;
  kind: SubscriptionKind;
  create_time: number;
}

export interface JobRow {
  id: string;
  process_instance_id: string;
  definition_id: string;
  definition_key: string;
  execution_id: string;
  owner_id: string;
  element_id: string;
  kind: SubscriptionKind;
  due_at: number | null;
  cycle: string | null;
  remaining: number | null;
  retries: number;
  exception_message: string | null;
  exception_stack: string | null;
  /** Where the last attempt failed (the timer's activity, or one after it). */
  failed_activity_id: string | null;
  create_time: number;
}

export interface IncidentRow {
  id: string;
  type: 'failedExternalTask' | 'failedJob';
  process_instance_id: string;
  definition_id: string;
  execution_id: string;
  activity_id: string;
  failed_activity_id: string | null;
  configuration: string;
  message: string | null;
  create_time: number;
}
