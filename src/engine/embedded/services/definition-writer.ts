/** Writes one deployed resource and the process definitions it holds (inside the deploy transaction). */
import type { ParsedProcess, ParsedResource } from '../../deploy/model.js';
import type { Store } from '../store/database.js';
import type { DefinitionRow } from '../store/rows.js';
import { targetNamespaceOf } from '../model/target-namespace.js';

export function writeResource(
  store: Store,
  newId: () => string,
  deploymentId: string,
  resource: ParsedResource,
  contentHash: string,
): DefinitionRow[] {
  const row = {
    id: newId(),
    deployment_id: deploymentId,
    name: resource.name,
    kind: resource.kind,
    form_id: resource.formId ?? null,
    content: resource.content,
    content_hash: contentHash,
  };
  store
    .sql(
      `INSERT INTO resource (id, deployment_id, name, kind, form_id, content, content_hash)
        VALUES (@id, @deployment_id, @name, @kind, @form_id, @content, @content_hash)`,
    )
    .run(row);
  return resource.processes.map((process) => writeDefinition(store, newId, row, process));
}

/** A new version of the process's key (Camunda: the latest version + 1, whatever changed). */
function writeDefinition(
  store: Store,
  newId: () => string,
  resource: { id: string; deployment_id: string; name: string },
  process: ParsedProcess,
): DefinitionRow {
  const latest = store
    .sql('SELECT max(version) AS v FROM process_definition WHERE key = ?')
    .get(process.key) as {
    v: number | null;
  };
  const version = (latest.v ?? 0) + 1;
  const row: DefinitionRow = {
    id: `${process.key}:${version}:${newId()}`,
    key: process.key,
    version,
    name: process.name,
    version_tag: process.versionTag,
    resource_name: resource.name,
    resource_id: resource.id,
    deployment_id: resource.deployment_id,
    history_ttl: process.historyTimeToLive,
    startable: process.isStartableInTasklist ? 1 : 0,
    category: targetNamespaceOf(process.source),
  };
  store
    .sql(
      `INSERT INTO process_definition (id, key, version, name, version_tag, resource_name, resource_id,
        deployment_id, history_ttl, startable, category) VALUES (@id, @key, @version, @name, @version_tag,
        @resource_name, @resource_id, @deployment_id, @history_ttl, @startable, @category)`,
    )
    .run(row);
  writeMessageStarts(store, row.id, process);
  return row;
}

/** Message start events of the process itself (not of its event sub-processes), for correlation. */
function writeMessageStarts(store: Store, definitionId: string, process: ParsedProcess): void {
  for (const info of process.elements.values()) {
    if (info.type !== 'bpmn:StartEvent' || !info.messageName || info.parentId !== process.key) continue;
    store
      .sql('INSERT INTO message_start (definition_id, message_name, element_id) VALUES (?,?,?)')
      .run(definitionId, info.messageName, info.id);
  }
}
