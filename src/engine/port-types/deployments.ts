/** Deployments and process definitions, as the engine port carries them. */
import type { ResourceReport } from '../errors/parse-error.js';
import type { Page, Sorting } from './paging.js';

export interface DeploymentResourceInput {
  /** File name as uploaded, e.g. `east-riding.bpmn` or `stage-record.form`. */
  name: string;
  content: Buffer;
}

export interface DeployInput {
  name: string;
  source?: string | null;
  tenantId?: string | null;
  resources: DeploymentResourceInput[];
  /** Skip the whole deployment when every resource equals the latest deployment of the same name. */
  enableDuplicateFiltering?: boolean;
  /** Redeploy only changed resources; unchanged ones keep their previous definition version. */
  deployChangedOnly?: boolean;
}

export interface Deployment {
  id: string;
  name: string | null;
  source: string | null;
  tenantId: string | null;
  deploymentTime: Date;
}

export interface ProcessDefinition {
  id: string;
  key: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  category: string;
  description: string | null;
  resource: string;
  deploymentId: string;
  diagram: string | null;
  suspended: boolean;
  tenantId: string | null;
  historyTimeToLive: number | null;
  startableInTasklist: boolean;
}

export interface DeploymentWithDefinitions extends Deployment {
  /** Definitions created by this deploy, keyed by id (empty when duplicate filtering skipped it). */
  deployedProcessDefinitions: Record<string, ProcessDefinition>;
}

export interface DeploymentResource {
  id: string;
  name: string;
  deploymentId: string;
}

export interface DeploymentQuery extends Page, Sorting<'id' | 'name' | 'deploymentTime'> {
  id?: string;
  name?: string;
  nameLike?: string;
  source?: string;
}

export interface ProcessDefinitionQuery
  extends Page, Sorting<'key' | 'name' | 'version' | 'id' | 'deploymentId'> {
  processDefinitionId?: string;
  key?: string;
  keyLike?: string;
  name?: string;
  deploymentId?: string;
  version?: number;
  latestVersion?: boolean;
}

/** The result of a parse attempt, for callers that want problems without throwing. */
export type DeployReport = Record<string, ResourceReport>;
