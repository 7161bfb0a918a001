/**
 * The workload bench:reference runs on each engine, over HTTP only, so both engines get exactly the same
 * requests: deployments of a one-task diagram, parallel starts, the official client draining a topic,
 * start → fetchable samples, and long-poll wake-ups through the official client.
 */
import { Client } from 'camunda-external-task-client-js';
import { bpmn } from '../../test/conformance/fixtures/bpmn-builder.js';
import { ms, sleep } from '../figures.js';

export async function call<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** start → one external task (topic `bench-<name>`) → end; the same XML for both engines. */
export async function deploy(url: string, name: string): Promise<{ key: string; topic: string }> {
  const key = `bench_${name}`;
  const topic = `bench-${name}`;
  const xml = bpmn({
    key,
    name: `Benchmark: ${name}`,
    elements: [
      { id: 'Start', tag: 'startEvent', col: 0, row: 0 },
      {
        id: 'Work',
        tag: 'serviceTask',
        col: 1,
        row: 0,
        attrs: { 'camunda:type': 'external', 'camunda:topic': topic },
      },
      { id: 'End', tag: 'endEvent', col: 2, row: 0 },
    ],
    flows: [
      { from: 'Start', to: 'Work' },
      { from: 'Work', to: 'End' },
    ],
  });
  const form = new FormData();
  form.append('deployment-name', key);
  form.append(`${key}.bpmn`, new Blob([xml]), `${key}.bpmn`);
  const res = await fetch(`${url}/deployment/create`, { method: 'POST', body: form });
  if (!res.ok) throw new Error(`deploy ${key}: ${res.status} ${await res.text()}`);
  return { key, topic };
}

export const startUrl = (url: string, key: string) => `${url}/process-definition/key/${key}/start`;
export const fetchOnce = (url: string, topic: string, workerId: string) =>
  call<{ id: string }[]>(`${url}/external-task/fetchAndLock`, {
    workerId,
    maxTasks: 1,
    topics: [{ topicName: topic, lockDuration: 600_000 }],
  });

/**
 * Starts `count` instances of `key` with `parallel` starts in flight (the fastest honest way to load an engine
 * over REST: one start per request, as any client would); reports progress every 10,000. Resolves with the ms.
 */
export async function startManyWith(
  url: string,
  key: string,
  count: number,
  options: { parallel: number; onProgress: (line: string) => void },
): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < count) {
      next++;
      await call(startUrl(url, key), {});
      if (++done % 10_000 === 0 && count >= 20_000) {
        const rate = Math.round((done / ms(t0)) * 1000);
        options.onProgress(
          `${done.toLocaleString('en-GB')} / ${count.toLocaleString('en-GB')} started (${rate}/s)`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, lane));
  return ms(t0);
}

/** The official client completes `count` tasks of `topic`; resolves with the elapsed ms. */
export function drain(url: string, topic: string, count: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = new Client({
      baseUrl: url,
      workerId: 'bench',
      maxTasks: 100,
      interval: 0,
      asyncResponseTimeout: 5_000,
      autoPoll: false,
    });
    let done = 0;
    const t0 = performance.now();
    client.subscribe(topic, { lockDuration: 600_000 }, async ({ task, taskService }) => {
      // A refused completion would leave the drain short: fail the bench loudly instead.
      await taskService.complete(task).catch(reject);
      if (++done === count) {
        client.stop();
        resolve(ms(t0));
      }
    });
    client.start();
  });
}

/** start → first task fetchable: start, then fetch without a long poll until the task is there. */
export async function fetchable(url: string, key: string, topic: string, samples: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await call(startUrl(url, key), {});
    let tasks = await fetchOnce(url, topic, 'bench-fetchable');
    while (tasks.length === 0) tasks = await fetchOnce(url, topic, 'bench-fetchable');
    out.push(ms(t0));
    await call(`${url}/external-task/${tasks[0]!.id}/complete`, { workerId: 'bench-fetchable' });
  }
  return out;
}

/**
 * Long-poll wake-up through the official client: instance start sent → the waiting poll delivers its task.
 * Also returns each start call's own round trip: the task can only be delivered once the start has committed.
 */
export async function wakeUps(
  url: string,
  key: string,
  topic: string,
  samples: number,
): Promise<{ latency: number[]; startCall: number[] }> {
  const client = new Client({
    baseUrl: url,
    workerId: 'bench-wake',
    maxTasks: 1,
    interval: 0,
    asyncResponseTimeout: 30_000,
    autoPoll: false,
  });
  let pollingSince: number | null = null;
  let delivered: ((at: number) => void) | null = null;
  client.on('poll:start', () => (pollingSince = performance.now()));
  client.on('poll:success', (tasks: unknown[]) => {
    pollingSince = null;
    if (tasks.length > 0) delivered?.(performance.now());
  });
  client.subscribe(topic, { lockDuration: 60_000 }, async ({ task, taskService }) =>
    taskService.complete(task),
  );
  client.start();
  const out = { latency: [] as number[], startCall: [] as number[] };
  try {
    for (let i = 0; i < samples; i++) {
      // Let the poll reach the engine and wait there before the instance is started.
      while (pollingSince === null || ms(pollingSince) < 50) await sleep(5);
      const arrived = new Promise<number>((r) => (delivered = r));
      const t0 = performance.now();
      await Promise.all([
        call(startUrl(url, key), {}).then(() => out.startCall.push(ms(t0))),
        arrived.then((at) => out.latency.push(at - t0)),
      ]);
    }
  } finally {
    client.stop();
  }
  return out;
}
