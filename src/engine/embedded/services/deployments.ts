/**
 * Deployments: guarded parsing (the whole deployment or nothing), Camunda's versioning (a new
 * version per deploy of a key; instances keep theirs), duplicate filtering and deploy-changed-only.
 */
import { createHash } from 'node:crypto';
import type {
  DeployInput,
  Deployment,
  DeploymentQuery,
  DeploymentResource,
  DeploymentWithDefinitions,
  ProcessDefinition,
} from '../../port.js';
import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import type { ParsedDeployment, ParsedResource } from '../../deploy/model.js';
import type { EngineCore } from '../core.js';
import type { DefinitionLoader } from '../model/definition-loader.js';
import { orderBy, SqlQuery } from '../queries/sql-query.js';
import type { DefinitionRow } from '../store/rows.js';
import { toDefinition, toDeployment, type DeploymentRow } from './mappers.js';
import { previousResources } from './duplicate-filter.js';
import { deleteDeploymentRows } from './deployment-deletion.js';
import { writeResource } from './definition-writer.js';

interface ResourceRow {
  id: string;
  name: string;
  deployment_id: string;
  content: Buffer;
}

export class DeploymentService {
  constructor(
    private readonly core: EngineCore,
    private readonly loader: DefinitionLoader,
  ) {}

  async deploy(input: DeployInput): Promise<DeploymentWithDefinitions> {
    if (!input.resources || input.resources.length === 0) {
      throw new InvalidRequestError('A deployment must contain at least one resource', 'resources');
    }
    return this.core.track(async () => {
      // Duplicate filtering compares bytes, so an unchanged redeploy (every `npm start`) needs no parsing.
      if (this.nothingChanged(input)) return this.unchanged(input);
      const parsed = await this.loader.parse(input.resources);
      const kept = this.filterUnchanged(input, parsed);
      if (kept === null) return this.unchanged(input);
      const { deployment, definitions } = this.core.store.transaction(() => this.write(input, kept));
      for (const definition of definitions) await this.loader.cache(definition, kept);
      const deployed: Record<string, ProcessDefinition> = {};
      for (const definition of definitions) deployed[definition.id] = toDefinition(definition);
      return { ...toDeployment(deployment), deployedProcessDefinitions: deployed };
    });
  }

  /**
   * With duplicate filtering: true when every resource equals (by name and content hash) the one
   * in the latest deployment of the same name and source, as Camunda checks before parsing.
   */
  private nothingChanged(input: DeployInput): boolean {
    if (!input.enableDuplicateFiltering && !input.deployChangedOnly) return false;
    const previous = previousResources(this.core.store, input.name, input.source ?? null);
    return input.resources.every((r) => previous.get(r.name) === hash(r.content));
  }

  /** The resources to deploy; null when duplicate filtering finds nothing changed. */
  private filterUnchanged(input: DeployInput, parsed: ParsedDeployment): ParsedResource[] | null {
    if (!input.enableDuplicateFiltering && !input.deployChangedOnly) return parsed.resources;
    const previous = previousResources(this.core.store, input.name, input.source ?? null);
    const changed = parsed.resources.filter((r) => previous.get(r.name) !== hash(r.content));
    if (changed.length === 0) return null;
    return input.deployChangedOnly ? changed : parsed.resources;
  }

  /** Duplicate filtering: Camunda answers with the latest deployment of that name, defining nothing new. */
  private unchanged(input: DeployInput): DeploymentWithDefinitions {
    const row = this.core.store
      .sql(
        'SELECT * FROM deployment WHERE name IS ? AND source IS ? ORDER BY deploy_time DESC, rowid DESC LIMIT 1',
      )
      .get(input.name, input.source ?? null) as DeploymentRow;
    return { ...toDeployment(row), deployedProcessDefinitions: {} };
  }

  private write(
    input: DeployInput,
    resources: ParsedResource[],
  ): { deployment: DeploymentRow; definitions: DefinitionRow[] } {
    const { store } = this.core;
    const deployment: DeploymentRow = {
      id: this.core.ctx.newId(),
      name: input.name,
      source: input.source ?? null,
      tenant_id: input.tenantId ?? null,
      deploy_time: this.core.ctx.clock.now(),
    };
    store
      .sql('INSERT INTO deployment (id, name, source, tenant_id, deploy_time) VALUES (?,?,?,?,?)')
      .run(deployment.id, deployment.name, deployment.source, deployment.tenant_id, deployment.deploy_time);
    const definitions: DefinitionRow[] = [];
    for (const resource of resources) {
      const newId = this.core.ctx.newId;
      definitions.push(
        ...writeResource(this.core.store, newId, deployment.id, resource, hash(resource.content)),
      );
    }
    return { deployment, definitions };
  }

  private query(query: DeploymentQuery = {}): SqlQuery {
    return new SqlQuery('deployment')
      .when(query.id, 'id = ?', query.id)
      .when(query.name, 'name = ?', query.name)
      .when(query.nameLike, 'name LIKE ?', query.nameLike)
      .when(query.source, 'source = ?', query.source);
  }

  async listDeployments(query: DeploymentQuery = {}): Promise<Deployment[]> {
    const order = orderBy(
      { id: 'id', name: 'name', deploymentTime: 'deploy_time' },
      query.sortBy,
      query.sortOrder,
      'rowid',
    );
    return this.query(query).list<DeploymentRow>(this.core.store, '*', order, query).map(toDeployment);
  }

  async countDeployments(query: DeploymentQuery = {}): Promise<number> {
    return this.query(query).count(this.core.store);
  }

  async getDeployment(id: string): Promise<Deployment> {
    const row = this.core.store.sql('SELECT * FROM deployment WHERE id = ?').get(id) as
      DeploymentRow | undefined;
    if (!row) throw new NotFoundError(`Deployment with id '${id}' does not exist`);
    return toDeployment(row);
  }

  async listDeploymentResources(deploymentId: string): Promise<DeploymentResource[]> {
    await this.getDeployment(deploymentId);
    const rows = this.core.store
      .sql('SELECT id, name, deployment_id FROM resource WHERE deployment_id = ? ORDER BY rowid')
      .all(deploymentId) as ResourceRow[];
    return rows.map((r) => ({ id: r.id, name: r.name, deploymentId: r.deployment_id }));
  }

  async getDeploymentResourceData(deploymentId: string, resourceId: string): Promise<Buffer> {
    const row = this.core.store
      .sql('SELECT content FROM resource WHERE deployment_id = ? AND id = ?')
      .get(deploymentId, resourceId) as ResourceRow | undefined;
    if (!row)
      throw new NotFoundError(
        `Deployment resource '${resourceId}' for deployment '${deploymentId}' doesn't exist`,
      );
    return row.content;
  }

  async deleteDeployment(id: string, options: { cascade?: boolean } = {}): Promise<void> {
    await this.getDeployment(id);
    const definitionIds = this.core.store.transaction(() =>
      deleteDeploymentRows(this.core, id, options.cascade === true),
    );
    for (const definitionId of definitionIds) this.core.ctx.models.forget(definitionId);
  }
}

export function hash(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
