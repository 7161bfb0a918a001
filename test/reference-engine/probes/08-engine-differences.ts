/**
 * Probe 08 (issue 5, the engine differences): execution ids of external tasks, parallel branches and joins; a
 * top-level terminate end event; timer cycles executed early, run late and with a start ahead; history removal
 * time across DST. Prints Markdown (request → answer) for FINDINGS.md §13. Takes about 1.5 minutes (real-time
 * cycles). Usage: ENGINE_URL=… npx tsx test/reference-engine/probes/08-engine-differences.ts > probes/out/08-engine-differences.md
 * The same diagrams are pinned on both engines by test/conformance/engine-differences.test.ts.
 */
import { DateTime } from 'luxon';
import {
  cycleDiagram,
  parallelDiagram,
  terminateDiagram,
} from '../../conformance/fixtures/difference-diagrams.js';
import { externalTaskDiagram, runSuffix } from '../../conformance/fixtures/diagrams.js';

const URL = process.env.ENGINE_URL!;
type Json = Record<string, unknown> & { id: string };

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(URL + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : `${res.status}`;
}

/** Prints one call and its (trimmed) answer as Markdown. */
async function show(
  title: string,
  method: string,
  path: string,
  pick?: (x: never) => unknown,
): Promise<unknown> {
  const answer = await call(method, path);
  process.stdout.write(
    `**${title}**\n\n\`\`\`http\n${method} /engine-rest${path.replace(/[?&].*$/, (q) => q)}\n\`\`\`\n\n`,
  );
  process.stdout.write(
    `\`\`\`json\n${JSON.stringify(pick ? pick(answer as never) : answer, null, 2)}\n\`\`\`\n\n`,
  );
  return answer;
}

async function deploy(d: { file: string; xml: string }): Promise<void> {
  const form = new FormData();
  form.append('deployment-name', d.file);
  form.append(d.file, new Blob([d.xml]), d.file);
  await fetch(`${URL}/deployment/create`, { method: 'POST', body: form });
}

const start = async (key: string) =>
  ((await call('POST', `/process-definition/key/${key}/start`, {})) as Json).id;
const lock = async (topic: string) =>
  (
    (await call('POST', '/external-task/fetchAndLock', {
      workerId: 'probe',
      maxTasks: 1,
      topics: [{ topicName: topic, lockDuration: 60_000 }],
    })) as Json[]
  )[0]!;
const complete = (id: string, body = {}) =>
  call('POST', `/external-task/${id}/complete`, { workerId: 'probe', ...body });
const tree = (x: {
  executionIds: string[];
  childActivityInstances: { activityId: string; executionIds: string[] }[];
}) => ({
  executionIds: x.executionIds,
  children: x.childActivityInstances.map((c) => ({ activityId: c.activityId, executionIds: c.executionIds })),
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function executions(): Promise<void> {
  process.stdout.write('### Execution ids\n\n');
  const plain = externalTaskDiagram(runSuffix());
  await deploy(plain);
  const pi = await start(plain.key);
  const task = await lock(plain.topic);
  process.stdout.write(
    `A plain start → external task → end: instance \`${pi}\`, task executionId \`${String(task.executionId)}\`.\n\n`,
  );
  const d = parallelDiagram(runSuffix());
  await deploy(d);
  const p = await start(d.key);
  const a = await lock(d.topics.a);
  const b = await lock(d.topics.b);
  process.stdout.write(
    `Parallel A ‖ B: instance \`${p}\`, A on \`${String(a.executionId)}\`, B on \`${String(b.executionId)}\`.\n\n`,
  );
  await show(
    'activity instances with A and B waiting',
    'GET',
    `/process-instance/${p}/activity-instances`,
    tree,
  );
  await complete(a.id);
  await show(
    'after A completed (A’s token waits at Join)',
    'GET',
    `/process-instance/${p}/activity-instances`,
    tree,
  );
  await complete(b.id);
  await lock(d.topics.c);
  await show(
    'history',
    'GET',
    `/history/activity-instance?processInstanceId=${p}&sortBy=startTime&sortOrder=asc`,
    (h: Json[]) => h.map((x) => `${String(x.activityId)} ${String(x.executionId)}`),
  );
}

async function terminate(): Promise<void> {
  process.stdout.write('### Top-level terminate end event\n\n');
  const d = terminateDiagram(runSuffix());
  await deploy(d);
  const p = await start(d.key);
  await complete((await lock(d.topic)).id);
  await show('historic process instance', 'GET', `/history/process-instance/${p}`, (h: Json) => ({
    state: h.state,
    deleteReason: h.deleteReason,
    endTime: h.endTime,
    removalTime: h.removalTime,
  }));
  await show(
    'historic activities',
    'GET',
    `/history/activity-instance?processInstanceId=${p}&sortBy=startTime&sortOrder=asc`,
    (h: Json[]) =>
      h.map((x) => ({
        activityId: x.activityId,
        activityType: x.activityType,
        canceled: x.canceled,
        completeScope: x.completeScope,
      })),
  );
}

async function cycles(): Promise<void> {
  process.stdout.write('### Timer cycles\n\n');
  const early = cycleDiagram(runSuffix(), 'R2/PT1H');
  await deploy(early);
  const p = await start(early.key);
  const jobs = (x: Json[]) => x.map((j) => ({ id: j.id, dueDate: j.dueDate, createTime: j.createTime }));
  await show('R2/PT1H: the job after the start', 'GET', `/job?processInstanceId=${p}`, jobs);
  for (let i = 1; i <= 4; i++) {
    const [job] = (await call('GET', `/job?processInstanceId=${p}`)) as Json[];
    await call('POST', `/job/${job!.id}/execute`);
    await show(`after POST /job/{id}/execute #${i}`, 'GET', `/job?processInstanceId=${p}`, jobs);
  }
  await show('Remind tasks created (one per firing)', 'GET', `/external-task/count?processInstanceId=${p}`);
  // The explicit start is computed when its turn comes, 4 s ahead.
  const ahead = () =>
    DateTime.now().setZone('Europe/London').plus({ seconds: 4 }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
  for (const cycleOf of [() => 'R3/PT2S', () => `R1/${ahead()}/PT20S`]) {
    const cycle = cycleOf();
    const d = cycleDiagram(runSuffix(), cycle);
    await deploy(d);
    const q = await start(d.key);
    process.stdout.write(
      `**${cycle}, left to the job executor for 45 s** (count of Remind tasks, due dates of the cycle's job):\n\n\`\`\`\n`,
    );
    for (let s = 0; s <= 45; s += 3) {
      const n = (await call('GET', `/external-task/count?processInstanceId=${q}`)) as { count: number };
      const due = ((await call('GET', `/job?processInstanceId=${q}`)) as Json[]).map((j) => j.dueDate);
      process.stdout.write(`${String(s).padStart(2)} s: ${n.count} fired, job due ${JSON.stringify(due)}\n`);
      await sleep(3000);
    }
    process.stdout.write('```\n\n');
  }
}

process.stdout.write(
  `## Probe 08: engine differences (${URL.replace(/:\d+/, ':<port>')}, ${new Date().toISOString()})\n\n`,
);
await executions();
await terminate();
await cycles();
