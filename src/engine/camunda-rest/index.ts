/**
 * The second adapter of the engine port: a typed HTTP client of Camunda 7's REST API. Point it at
 * our own `/engine-rest` or at a Camunda 7 / Operaton cluster, and the escalations API and UI run
 * unchanged. File variables' content is fetched from `…/data`, as Camunda never inlines it.
 */
import type { EnginePort } from '../port.js';
import { CamundaHttp, type CamundaHttpOptions } from './http-client.js';
import { fileDataOf } from './file-data.js';
import { repositoryMethods } from './repository.js';
import { runtimeMethods } from './runtime.js';
import { jobMethods } from './jobs.js';
import { externalTaskMethods, userTaskMethods } from './tasks.js';
import { historyMethods } from './history.js';

/** Options of {@link createCamundaRestEngine}. */
export type CamundaRestEngineOptions = CamundaHttpOptions;
export { RemoteEngineError } from './errors/remote-engine-error.js';

/** An {@link EnginePort} that talks to a Camunda 7 / Operaton (or our own) `/engine-rest`. */
export function createCamundaRestEngine(options: CamundaRestEngineOptions): EnginePort {
  const http = new CamundaHttp(options);
  const polls = new Set<AbortController>();
  const fileData = fileDataOf(http);
  const { jobParams, ...runtime } = runtimeMethods(http, fileData);
  return {
    ...repositoryMethods(http),
    ...runtime,
    ...jobMethods(http, jobParams),
    ...externalTaskMethods(http, polls),
    ...userTaskMethods(http, fileData),
    ...historyMethods(http),
    async close(): Promise<void> {
      // Our own waiting long polls end with []; the remote engine itself keeps running.
      for (const poll of polls) poll.abort();
    },
  };
}
