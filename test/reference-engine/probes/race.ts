/**
 * Two concurrent completions of the same external task, N times: what does the loser get?
 * Also: long-polling wake-up and an empty long poll. Usage: ENGINE_URL=... npx tsx race.ts [rounds]
 */
const url = process.env.ENGINE_URL!;
const rounds = Number(process.argv[2] ?? 200);
const json = { 'content-type': 'application/json' };

async function post(path: string, body: unknown): Promise<{ status: number; body: string }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

async function raceOnce(): Promise<string[]> {
  await post('/process-definition/key/ref-external/start', { businessKey: 'RACE' });
  const fetched = await post('/external-task/fetchAndLock', {
    workerId: 'racer',
    maxTasks: 1,
    topics: [{ topicName: 'ref-work', lockDuration: 60000, businessKey: 'RACE' }],
  });
  const [task] = JSON.parse(fetched.body) as { id: string }[];
  const both = await Promise.all(
    [1, 2].map(() => post(`/external-task/${task!.id}/complete`, { workerId: 'racer' })),
  );
  return both.map((r) => `${r.status} ${r.body.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>')}`);
}

const outcomes = new Map<string, number>();
for (let i = 0; i < rounds; i++) {
  for (const outcome of await raceOnce()) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}
console.log(`Concurrent double completion, ${rounds} rounds (${rounds * 2} calls):`);
for (const [outcome, count] of outcomes) console.log(`  ${count} x ${outcome}`);

// Long polling: a waiting fetch is woken by a new task.
const before = performance.now();
const waiting = post('/external-task/fetchAndLock', {
  workerId: 'poller',
  maxTasks: 1,
  asyncResponseTimeout: 20000,
  topics: [{ topicName: 'ref-work', lockDuration: 60000, businessKey: 'POLL' }],
});
await new Promise((r) => setTimeout(r, 1000));
const startedAt = performance.now();
await post('/process-definition/key/ref-external/start', { businessKey: 'POLL' });
const woke = await waiting;
console.log(
  `Long poll woken by a new instance: status ${woke.status}, tasks ${JSON.parse(woke.body).length}, ` +
    `${Math.round(performance.now() - startedAt)} ms after the start call began (poll open ${Math.round(startedAt - before)} ms)`,
);
const emptyStart = performance.now();
const empty = await post('/external-task/fetchAndLock', {
  workerId: 'poller',
  maxTasks: 1,
  asyncResponseTimeout: 2000,
  topics: [{ topicName: 'nobody-publishes-this', lockDuration: 1000 }],
});
console.log(
  `Empty long poll (asyncResponseTimeout 2000): status ${empty.status}, body ${empty.body}, returned after ${Math.round(performance.now() - emptyStart)} ms`,
);
