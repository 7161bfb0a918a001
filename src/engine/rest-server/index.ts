/** The Camunda 7 REST surface over an engine port. */
export { createServer, listen, type RunningServer, type ServerOptions } from './server.js';
export { CAMUNDA_API_VERSION, type EngineRestOptions } from './engine-rest-router.js';
export type { BasicAuthCredentials } from './auth/basic-auth.js';
