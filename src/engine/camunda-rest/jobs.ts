/**
 * Jobs (timers) over Camunda's REST API. Camunda's JobDto has no activity id; the port's Job
 * does, so we read it from the job's definition (immutable, hence cached).
 */
import type * as P from '../port.js';
import { formatCamundaDate } from '../rest-server/wire/date-format.js';
import type { CamundaHttp, QueryValue } from './http-client.js';
import { seg } from './http-client.js';
import * as W from './from-wire.js';

type Wire = Record<string, unknown>;

export function jobMethods(
  http: CamundaHttp,
  jobParams: (q?: P.JobQuery, count?: boolean) => Record<string, QueryValue>,
) {
  const activityOf = new Map<string, string>();
  const activityId = async (w: Wire): Promise<string> => {
    const defId = w.jobDefinitionId as string | null;
    if (!defId) return (w.failedActivityId as string | null) ?? '';
    if (!activityOf.has(defId)) {
      const [def] = await http.json<Wire[]>('GET', '/job-definition', { query: { jobDefinitionId: defId } });
      activityOf.set(defId, (def?.activityId as string | undefined) ?? '');
    }
    return activityOf.get(defId)!;
  };
  const toJob = async (w: Wire): Promise<P.Job> => W.job(w, await activityId(w));

  return {
    async listJobs(query?: P.JobQuery): Promise<P.Job[]> {
      const list = await http.json<Wire[]>('GET', '/job', { query: jobParams(query) });
      return Promise.all(list.map(toJob));
    },
    async countJobs(query?: P.JobQuery): Promise<number> {
      return (await http.json<{ count: number }>('GET', '/job/count', { query: jobParams(query, true) }))
        .count;
    },
    async getJob(id: string): Promise<P.Job> {
      return toJob(await http.json<Wire>('GET', `/job/${seg(id)}`));
    },
    async executeJob(id: string): Promise<void> {
      await http.command('POST', `/job/${seg(id)}/execute`);
    },
    async setJobDueDate(id: string, dueDate: Date | null): Promise<void> {
      const json = { duedate: dueDate ? formatCamundaDate(dueDate, 'UTC') : null };
      await http.command('PUT', `/job/${seg(id)}/duedate`, { json });
    },
    async setJobRetries(id: string, retries: number): Promise<void> {
      await http.command('PUT', `/job/${seg(id)}/retries`, { json: { retries } });
    },
  };
}
