/** Process definitions: queries, the latest version of a key, the deployed XML. */
import type { ProcessDefinition, ProcessDefinitionQuery, StartInput } from '../../port.js';
import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import type { EngineCore } from '../core.js';
import { orderBy, SqlQuery } from '../queries/sql-query.js';
import type { DefinitionRow } from '../store/rows.js';
import { toDefinition } from './mappers.js';

const SORT = {
  key: 'key',
  name: 'name',
  version: 'version',
  id: 'id',
  deploymentId: 'deployment_id',
} as const;

export class DefinitionService {
  constructor(private readonly core: EngineCore) {}

  private query(query: ProcessDefinitionQuery = {}): SqlQuery {
    return new SqlQuery('process_definition d')
      .when(query.processDefinitionId, 'd.id = ?', query.processDefinitionId)
      .when(query.key, 'd.key = ?', query.key)
      .when(query.keyLike, 'd.key LIKE ?', query.keyLike)
      .when(query.name, 'd.name = ?', query.name)
      .when(query.deploymentId, 'd.deployment_id = ?', query.deploymentId)
      .when(query.version, 'd.version = ?', query.version)
      .if(
        query.latestVersion,
        'd.version = (SELECT max(version) FROM process_definition x WHERE x.key = d.key)',
      );
  }

  async listProcessDefinitions(query: ProcessDefinitionQuery = {}): Promise<ProcessDefinition[]> {
    const order = orderBy(SORT, query.sortBy, query.sortOrder, 'd.rowid');
    return this.query(query).list<DefinitionRow>(this.core.store, 'd.*', order, query).map(toDefinition);
  }

  async countProcessDefinitions(query: ProcessDefinitionQuery = {}): Promise<number> {
    return this.query(query).count(this.core.store);
  }

  async getProcessDefinition(id: string): Promise<ProcessDefinition> {
    return toDefinition(this.row(id));
  }

  row(id: string): DefinitionRow {
    const row = this.core.store.sql('SELECT * FROM process_definition WHERE id = ?').get(id) as
      DefinitionRow | undefined;
    if (!row) throw new NotFoundError(`No matching definition with id ${id}`);
    return row;
  }

  latestRow(key: string): DefinitionRow {
    const row = this.core.store
      .sql('SELECT * FROM process_definition WHERE key = ? ORDER BY version DESC LIMIT 1')
      .get(key) as DefinitionRow | undefined;
    if (!row) throw new NotFoundError(`No matching process definition with key: ${key} and no tenant-id`);
    return row;
  }

  async getProcessDefinitionByKey(key: string): Promise<ProcessDefinition> {
    return toDefinition(this.latestRow(key));
  }

  async getProcessDefinitionXml(id: string): Promise<string> {
    const row = this.row(id);
    const resource = this.core.store
      .sql('SELECT content FROM resource WHERE id = ?')
      .get(row.resource_id) as {
      content: Buffer;
    };
    return resource.content.toString('utf8');
  }

  /** The definition a start request names: by id, or the latest version of a key. */
  async resolveForStart(input: StartInput): Promise<string> {
    if (input.definitionId && input.definitionKey) {
      throw new InvalidRequestError('Give either definitionId or definitionKey, not both', 'definitionId');
    }
    if (input.definitionId) return this.row(input.definitionId).id;
    if (input.definitionKey) return this.latestRow(input.definitionKey).id;
    throw new InvalidRequestError('A start needs a definitionId or a definitionKey', 'definitionKey');
  }
}
