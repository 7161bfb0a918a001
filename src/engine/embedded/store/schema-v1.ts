/**
 * Schema version 1: the first durable layout. Never edit a released migration; add the next one.
 * Instants are epoch milliseconds (INTEGER); ids are TEXT; insertion order is the rowid.
 */
export const SCHEMA_V1 = `
CREATE TABLE deployment (
  id TEXT PRIMARY KEY, name TEXT, source TEXT, tenant_id TEXT, deploy_time INTEGER NOT NULL
);
CREATE TABLE resource (
  id TEXT PRIMARY KEY, deployment_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
  form_id TEXT, content BLOB NOT NULL, content_hash TEXT NOT NULL
);
CREATE INDEX resource_deployment ON resource(deployment_id);
CREATE INDEX resource_form ON resource(form_id);
CREATE TABLE process_definition (
  id TEXT PRIMARY KEY, key TEXT NOT NULL, version INTEGER NOT NULL, name TEXT, version_tag TEXT,
  resource_name TEXT NOT NULL, resource_id TEXT NOT NULL, deployment_id TEXT NOT NULL,
  history_ttl INTEGER, startable INTEGER NOT NULL, UNIQUE (key, version)
);
CREATE INDEX definition_deployment ON process_definition(deployment_id);
CREATE TABLE message_start (
  definition_id TEXT NOT NULL, message_name TEXT NOT NULL, element_id TEXT NOT NULL
);
CREATE INDEX message_start_name ON message_start(message_name);

CREATE TABLE process_instance (
  id TEXT PRIMARY KEY, definition_id TEXT NOT NULL, business_key TEXT, start_time INTEGER NOT NULL
);
CREATE INDEX instance_definition ON process_instance(definition_id);
CREATE INDEX instance_business_key ON process_instance(business_key);
CREATE TABLE activity_instance (
  id TEXT PRIMARY KEY, process_instance_id TEXT NOT NULL, parent_id TEXT NOT NULL,
  activity_id TEXT NOT NULL, execution_id TEXT NOT NULL,
  state TEXT NOT NULL, start_time INTEGER NOT NULL
);
CREATE INDEX activity_instance_process ON activity_instance(process_instance_id);
CREATE INDEX activity_instance_activity ON activity_instance(activity_id);
CREATE TABLE variable (
  id TEXT PRIMARY KEY, process_instance_id TEXT NOT NULL, scope_id TEXT NOT NULL,
  activity_instance_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
  text_value TEXT, number_value REAL, bytes_value BLOB, value_info TEXT, create_time INTEGER NOT NULL,
  UNIQUE (scope_id, name)
);
CREATE INDEX variable_process ON variable(process_instance_id);
CREATE INDEX variable_name ON variable(name);

CREATE TABLE external_task (
  id TEXT PRIMARY KEY, process_instance_id TEXT NOT NULL, execution_id TEXT NOT NULL,
  activity_instance_id TEXT NOT NULL, activity_id TEXT NOT NULL, topic TEXT NOT NULL,
  priority INTEGER NOT NULL, worker_id TEXT, lock_expiration INTEGER, retries INTEGER,
  error_message TEXT, error_details TEXT, create_time INTEGER NOT NULL, definition_id TEXT NOT NULL,
  definition_key TEXT NOT NULL, version_tag TEXT, business_key TEXT
);
CREATE INDEX external_task_topic ON external_task(topic, lock_expiration);
CREATE INDEX external_task_lock ON external_task(lock_expiration);
CREATE INDEX external_task_process ON external_task(process_instance_id);
CREATE INDEX external_task_activity_instance ON external_task(activity_instance_id);

CREATE TABLE user_task (
  id TEXT PRIMARY KEY, process_instance_id TEXT NOT NULL, execution_id TEXT NOT NULL,
  activity_instance_id TEXT NOT NULL, activity_id TEXT NOT NULL, name TEXT, description TEXT,
  assignee TEXT, owner TEXT, create_time INTEGER NOT NULL, due INTEGER, follow_up INTEGER,
  priority INTEGER NOT NULL, form_key TEXT, form_ref TEXT, definition_id TEXT NOT NULL,
  business_key TEXT
);
CREATE INDEX user_task_process ON user_task(process_instance_id);
CREATE INDEX user_task_assignee ON user_task(assignee);
CREATE INDEX user_task_activity_instance ON user_task(activity_instance_id);
CREATE TABLE task_candidate (task_id TEXT NOT NULL, group_id TEXT NOT NULL);
CREATE INDEX task_candidate_task ON task_candidate(task_id);
CREATE INDEX task_candidate_group ON task_candidate(group_id);

CREATE TABLE message_subscription (
  id TEXT PRIMARY KEY, process_instance_id TEXT NOT NULL, owner_id TEXT NOT NULL,
  element_id TEXT NOT NULL, message_name TEXT NOT NULL, kind TEXT NOT NULL, create_time INTEGER NOT NULL
);
CREATE INDEX message_subscription_name ON message_subscription(message_name);
CREATE INDEX message_subscription_owner ON message_subscription(owner_id);
CREATE INDEX message_subscription_process ON message_subscription(process_instance_id);

CREATE TABLE job (
  id TEXT PRIMARY KEY, process_instance_id TEXT NOT NULL, definition_id TEXT NOT NULL,
  definition_key TEXT NOT NULL, execution_id TEXT NOT NULL, owner_id TEXT NOT NULL,
  element_id TEXT NOT NULL, kind TEXT NOT NULL, due_at INTEGER, cycle TEXT, remaining INTEGER,
  retries INTEGER NOT NULL, exception_message TEXT, exception_stack TEXT, failed_activity_id TEXT,
  create_time INTEGER NOT NULL
);
CREATE INDEX job_due ON job(due_at);
CREATE INDEX job_owner ON job(owner_id);
CREATE INDEX job_process ON job(process_instance_id);

CREATE TABLE incident (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, process_instance_id TEXT NOT NULL,
  definition_id TEXT NOT NULL, execution_id TEXT NOT NULL, activity_id TEXT NOT NULL,
  failed_activity_id TEXT, configuration TEXT NOT NULL, message TEXT, create_time INTEGER NOT NULL
);
CREATE INDEX incident_process ON incident(process_instance_id);
CREATE INDEX incident_configuration ON incident(configuration);

CREATE TABLE hist_process_instance (
  id TEXT PRIMARY KEY, business_key TEXT, definition_id TEXT NOT NULL, definition_key TEXT NOT NULL,
  definition_name TEXT, definition_version INTEGER NOT NULL, start_time INTEGER NOT NULL,
  end_time INTEGER, removal_time INTEGER, start_activity_id TEXT, delete_reason TEXT,
  state TEXT NOT NULL
);
CREATE INDEX hist_process_instance_removal ON hist_process_instance(removal_time);
CREATE INDEX hist_process_instance_key ON hist_process_instance(definition_key);
CREATE TABLE hist_activity_instance (
  id TEXT PRIMARY KEY, parent_id TEXT, activity_id TEXT NOT NULL, activity_name TEXT,
  activity_type TEXT NOT NULL, definition_key TEXT NOT NULL, definition_id TEXT NOT NULL,
  process_instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, task_id TEXT, assignee TEXT,
  start_time INTEGER NOT NULL, end_time INTEGER, canceled INTEGER NOT NULL DEFAULT 0,
  complete_scope INTEGER NOT NULL DEFAULT 0, removal_time INTEGER
);
CREATE INDEX hist_activity_instance_process ON hist_activity_instance(process_instance_id);
CREATE TABLE hist_variable (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, text_value TEXT, number_value REAL,
  bytes_value BLOB, value_info TEXT, definition_key TEXT NOT NULL, definition_id TEXT NOT NULL,
  process_instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, activity_instance_id TEXT NOT NULL,
  task_id TEXT, state TEXT NOT NULL, create_time INTEGER NOT NULL, removal_time INTEGER
);
CREATE INDEX hist_variable_process ON hist_variable(process_instance_id);
CREATE TABLE hist_incident (
  id TEXT PRIMARY KEY, definition_key TEXT NOT NULL, definition_id TEXT NOT NULL,
  process_instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, create_time INTEGER NOT NULL,
  end_time INTEGER, removal_time INTEGER, type TEXT NOT NULL, activity_id TEXT NOT NULL,
  failed_activity_id TEXT, configuration TEXT NOT NULL, message TEXT, state TEXT NOT NULL
);
CREATE INDEX hist_incident_process ON hist_incident(process_instance_id);
CREATE TABLE hist_task (
  id TEXT PRIMARY KEY, definition_key TEXT NOT NULL, definition_id TEXT NOT NULL,
  process_instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, activity_instance_id TEXT NOT NULL,
  name TEXT, description TEXT, delete_reason TEXT, owner TEXT, assignee TEXT,
  start_time INTEGER NOT NULL, end_time INTEGER, task_definition_key TEXT NOT NULL,
  priority INTEGER NOT NULL, due INTEGER, follow_up INTEGER, removal_time INTEGER
);
CREATE INDEX hist_task_process ON hist_task(process_instance_id);
`;
