/**
 * Deployments and process definitions as Camunda's DTOs serialise them (DeploymentDto,
 * DeploymentWithDefinitionsDto, ProcessDefinitionDto, DeploymentResourceDto), field for field.
 */
import type {
  Deployment,
  DeploymentResource,
  DeploymentWithDefinitions,
  ProcessDefinition,
} from '../../port.js';
import type { AtomLink, DateFmt } from './date-fmt.js';

export function deploymentDto(d: Deployment, fmt: DateFmt, links: AtomLink[] = []) {
  return {
    links,
    id: d.id,
    name: d.name,
    source: d.source,
    deploymentTime: fmt(d.deploymentTime),
    tenantId: d.tenantId,
  };
}

export function processDefinitionDto(p: ProcessDefinition) {
  return {
    id: p.id,
    key: p.key,
    category: p.category,
    description: p.description,
    name: p.name,
    version: p.version,
    resource: p.resource,
    deploymentId: p.deploymentId,
    diagram: p.diagram,
    suspended: p.suspended,
    tenantId: p.tenantId,
    versionTag: p.versionTag,
    historyTimeToLive: p.historyTimeToLive,
    startableInTasklist: p.startableInTasklist,
  };
}

/** Camunda sends `null` rather than `{}` for a kind of definition the deployment has none of. */
export function deploymentWithDefinitionsDto(d: DeploymentWithDefinitions, fmt: DateFmt, links: AtomLink[]) {
  const defs = Object.entries(d.deployedProcessDefinitions);
  return {
    ...deploymentDto(d, fmt, links),
    deployedProcessDefinitions: defs.length
      ? Object.fromEntries(defs.map(([id, p]) => [id, processDefinitionDto(p)]))
      : null,
    deployedCaseDefinitions: null,
    deployedDecisionDefinitions: null,
    deployedDecisionRequirementsDefinitions: null,
  };
}

export function deploymentResourceDto(r: DeploymentResource) {
  return { id: r.id, name: r.name, deploymentId: r.deploymentId };
}
