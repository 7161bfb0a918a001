/**
 * Which component each path of route-paths.ts shows, and who may see it: `signed-in` pages send a
 * signed-out visitor to sign in (and back afterwards), `signed-out` pages send a signed-in user on.
 * Heavy pages are `lazy`: their code (and libraries such as bpmn-js) loads only when first opened.
 */
import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';
import type { PageName } from './route-paths.js';
import { DashboardPage } from './pages/dashboard/dashboard-page.js';
import { SignInPage } from './pages/sign-in.js';
import { SignedOutPage } from './pages/signed-out.js';
import { DiagramsPage } from './pages/process-owners/diagrams-page.js';

export type Access = 'signed-in' | 'signed-out' | 'anyone';

export interface PageRoute {
  component: ComponentType;
  access: Access;
}

export const ROUTES: Record<PageName, PageRoute> = {
  dashboard: { component: DashboardPage, access: 'signed-in' },
  signIn: { component: SignInPage, access: 'signed-out' },
  signedOut: { component: SignedOutPage, access: 'anyone' },
  escalation: { component: lazy(() => import('./pages/escalation/escalation-page.js')), access: 'signed-in' },
  diagrams: { component: DiagramsPage, access: 'signed-in' },
  // The modeler (camunda-bpmn-js, the lint rules) loads only when a process owner opens it.
  diagramEditor: {
    component: lazy(() => import('./pages/process-owners/modeler-page.js')),
    access: 'signed-in',
  },
  escalationWithdraw: {
    component: lazy(() => import('./pages/escalation/withdraw-page.js')),
    access: 'signed-in',
  },
  raise: { component: lazy(() => import('./pages/raise/raise-page.js')), access: 'signed-in' },
  messages: { component: lazy(() => import('./pages/messages/messages-page.js')), access: 'signed-in' },
  conferences: {
    component: lazy(() => import('./pages/conferences/conferences-page.js')),
    access: 'signed-in',
  },
  reports: { component: lazy(() => import('./pages/reports/reports-page.js')), access: 'signed-in' },
};
