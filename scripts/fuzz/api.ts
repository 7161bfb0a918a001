/**
 * The escalations API half of `npm run fuzz`: seeds the running server with a user and a personal
 * access token made by the CLI, as README says (`escalation users add`, `tokens create`), and two
 * escalations raised through `/api/v1` with their Stage 1 tasks open; then turns the server's own
 * `/api/openapi.json` into the document schemathesis fuzzes, its path parameters drawn from the
 * seeded ids (and one unknown id), so that requests reach the handlers rather than stop at a 404.
 */
import { apiRequest, runEscalation } from '../../test/support/product-client.js';
import { SCHOOL_RAISE } from '../../test/support/raise-body.js';

type Json = Record<string, unknown>;

/** The seeded user's username (a Liverpool school's DSL who also sees reports and deploys). */
export const API_USER = 'fuzz';

/** What the API fuzz runs with. */
export interface ApiSeed {
  token: string;
  escalations: string[];
  tasks: string[];
}

/** Seeds the server at `origin` (http://host:port) whose DATA_DIR is `dataDir`. */
export async function seedApi(origin: string, dataDir: string): Promise<ApiSeed> {
  // A random password nobody uses: the fuzz signs in with the token only.
  runEscalation(
    dataDir,
    [
      'users', 'add', API_USER, '--email', 'fuzz@stmarys.example.org', '--partnership', 'liverpool',
      '--agency', 'school', '--organisation', 'st-marys', '--roles', 'raising-professional,line-manager',
      '--reports', '--process-owner', '--password-stdin',
    ], // prettier-ignore
    `${crypto.randomUUID()}\n`,
  );
  const token = runEscalation(dataDir, ['tokens', 'create', API_USER]);
  const call = async (method: string, p: string, body?: unknown): Promise<Json> => {
    const res = await apiRequest(origin, token, method, p, body);
    if (res.status >= 300)
      throw new Error(`seeding: ${method} ${p} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as Json;
  };
  const escalations: string[] = [];
  const tasks: string[] = [];
  // The first with a (made-up) child's details, so GET …/subject has something to answer.
  const subject = {
    name: 'Fuzz Example',
    dateOfBirth: '2016-04-21',
    address: '1 Example Street, Liverpool L1 1AA',
  };
  for (const [caseReference, more] of [
    ['FUZZ/0001', { subject }],
    ['FUZZ/0002', {}],
  ] as const) {
    const body = { ...SCHOOL_RAISE, caseReference, ...more };
    const { id } = (await call('POST', '/escalations', body)) as { id: string };
    escalations.push(id);
    // The workers compute Stage 1's deadline before the engine opens its task.
    for (let tries = 0; ; tries++) {
      const { openTasks } = (await call('GET', `/escalations/${id}`)) as { openTasks: { id: string }[] };
      if (openTasks.length > 0) {
        tasks.push(openTasks[0]!.id);
        break;
      }
      if (tries > 600) throw new Error(`seeding: ${id} has no open task after 60 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { token, escalations, tasks };
}

/** Real values for each path parameter by name, and one unknown value. */
function valuesOf(seed: ApiSeed, p: string, name: string): string[] | null {
  if (name === 'taskId') return [...seed.tasks, 'no-such-task'];
  if (name === 'id' && p.startsWith('/escalations/')) return [...seed.escalations, 'no-such-escalation'];
  if (name === 'id' && p.startsWith('/partnerships/'))
    return ['liverpool', 'wiltshire', 'no-such-partnership'];
  return null;
}

/** `/api/openapi.json` with the seeded ids as the values of path parameters; and its operation count. */
export function apiFuzzingDocument(document: Json, seed: ApiSeed): { document: Json; operations: number } {
  const paths = document.paths as Record<string, Record<string, { parameters?: Json[] }>>;
  let operations = 0;
  for (const [p, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations++;
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'path') continue;
        const values = valuesOf(seed, p, String(parameter.name));
        if (values) parameter.schema = { type: 'string', enum: values };
      }
    }
  }
  return { document, operations };
}
