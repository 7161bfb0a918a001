/**
 * The route modules beyond session, partnerships and health, in the order they are mounted. Each
 * module registers its routes (and so its part of the OpenAPI document) on the registry.
 */
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { registerRaise } from '../escalations/raise.js';
import { registerEscalationList } from '../escalations/list.js';
import { registerEscalationCounts } from '../escalations/counts.js';
import { registerEscalationDetail } from '../escalations/detail.js';
import { registerDocuments } from './documents.js';
import { registerMessages } from './messages.js';
import { registerRecords } from './records.js';
import { registerDiagrams } from './diagrams.js';
import { registerDeployments } from './deployments.js';
import { registerDiagramXml } from './diagram-xml.js';
import { registerSimulations } from './simulations.js';
import { registerEscalationTasks } from '../escalations/tasks.js';
import { registerEscalationActions } from '../escalations/actions.js';
import { registerEscalationInvites } from '../escalations/invites.js';
import { registerEscalationSubject } from '../escalations/subject.js';
import { registerSeriousConcern } from '../escalations/serious-concern.js';
import { registerReports } from './reports.js';
import { registerEscalationDiagram } from '../escalations/diagram.js';

export const API_ROUTES: ((api: RouteRegistry, deps: ApiDependencies) => void)[] = [
  registerRaise,
  registerEscalationList,
  // Before the detail, whose /escalations/:id would take `counts` for an id.
  registerEscalationCounts,
  registerEscalationDetail,
  registerDocuments,
  registerMessages,
  registerRecords,
  registerDiagrams,
  registerDeployments,
  registerDiagramXml,
  registerSimulations,
  registerEscalationTasks,
  registerEscalationActions,
  registerEscalationInvites,
  registerEscalationSubject,
  registerSeriousConcern,
  registerReports,
  registerEscalationDiagram,
];
