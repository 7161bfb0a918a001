/** Deployments and process definitions over Camunda's REST API. */
import type * as P from '../port.js';
import { NotFoundError } from '../errors/index.js';
import type { CamundaHttp } from './http-client.js';
import { seg } from './http-client.js';
import * as W from './from-wire.js';
import { countParams, queryParams } from './to-wire.js';

type Wire = Record<string, unknown>;

/** Deployments. */
function deploymentMethods(http: CamundaHttp) {
  return {
    async deploy(input: P.DeployInput): Promise<P.DeploymentWithDefinitions> {
      const form = new FormData();
      form.append('deployment-name', input.name);
      if (input.source) form.append('deployment-source', input.source);
      if (input.tenantId) form.append('tenant-id', input.tenantId);
      if (input.enableDuplicateFiltering) form.append('enable-duplicate-filtering', 'true');
      if (input.deployChangedOnly) form.append('deploy-changed-only', 'true');
      for (const r of input.resources) form.append(r.name, new Blob([new Uint8Array(r.content)]), r.name);
      return W.deploymentWithDefinitions(await http.json<Wire>('POST', '/deployment/create', { form }));
    },
    async listDeployments(query?: P.DeploymentQuery): Promise<P.Deployment[]> {
      return (await http.json<Wire[]>('GET', '/deployment', { query: queryParams(query) })).map(W.deployment);
    },
    async countDeployments(query?: P.DeploymentQuery): Promise<number> {
      return (await http.json<{ count: number }>('GET', '/deployment/count', { query: countParams(query) }))
        .count;
    },
    async getDeployment(id: string): Promise<P.Deployment> {
      return W.deployment(await http.json<Wire>('GET', `/deployment/${seg(id)}`));
    },
    async listDeploymentResources(deploymentId: string): Promise<P.DeploymentResource[]> {
      const list = await http.json<Wire[]>('GET', `/deployment/${seg(deploymentId)}/resources`);
      return list.map((r) => ({
        id: String(r.id),
        name: String(r.name),
        deploymentId: String(r.deploymentId),
      }));
    },
    async getDeploymentResourceData(deploymentId: string, resourceId: string): Promise<Buffer> {
      const path = `/deployment/${seg(deploymentId)}/resources/${seg(resourceId)}/data`;
      return (await http.bytes('GET', path)) ?? Buffer.alloc(0);
    },
    async deleteDeployment(id: string, options?: { cascade?: boolean }): Promise<void> {
      await http.command('DELETE', `/deployment/${seg(id)}`, {
        query: { cascade: options?.cascade ? true : undefined },
      });
    },
  };
}

/** Process definitions. */
function definitionMethods(http: CamundaHttp) {
  return {
    async listProcessDefinitions(query?: P.ProcessDefinitionQuery): Promise<P.ProcessDefinition[]> {
      const list = await http.json<Wire[]>('GET', '/process-definition', { query: queryParams(query) });
      return list.map(W.processDefinition);
    },
    async countProcessDefinitions(query?: P.ProcessDefinitionQuery): Promise<number> {
      return (
        await http.json<{ count: number }>('GET', '/process-definition/count', { query: countParams(query) })
      ).count;
    },
    async getProcessDefinition(id: string): Promise<P.ProcessDefinition> {
      return W.processDefinition(await http.json<Wire>('GET', `/process-definition/${seg(id)}`));
    },
    async getProcessDefinitionByKey(key: string): Promise<P.ProcessDefinition> {
      return W.processDefinition(await http.json<Wire>('GET', `/process-definition/key/${seg(key)}`));
    },
    async getProcessDefinitionXml(id: string): Promise<string> {
      const dto = await http.json<{ bpmn20Xml: string | null }>('GET', `/process-definition/${seg(id)}/xml`);
      if (dto.bpmn20Xml === null) throw new NotFoundError(`No BPMN XML for process definition ${id}`);
      return dto.bpmn20Xml;
    },
  };
}

export function repositoryMethods(http: CamundaHttp) {
  return { ...deploymentMethods(http), ...definitionMethods(http) };
}
