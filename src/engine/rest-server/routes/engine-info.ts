/** GET /version and GET /engine: what Camunda Modeler and clients ask first. */
import type { Router } from 'express';
import { sendJson } from '../wire/send.js';
import type { RouteContext } from './context.js';

export function registerEngineInfo(router: Router, ctx: RouteContext): void {
  router.get('/version', (_req, res) => sendJson(res, 200, { version: ctx.version }));
  // One embedded engine, named as Camunda names its default engine.
  router.get('/engine', (_req, res) => sendJson(res, 200, [{ name: 'default' }]));
}
