/**
 * Shutdown while a worker's long poll waits (docs/camunda-rest.md, difference 7): our server answers the poll with
 * `[]`, so workers simply poll again after a restart; Operaton 1.0.3 (Spring Boot, SIGTERM) closes the connection
 * without an answer, which the official client reports as a poll error before it polls again. Needs a server of
 * each to stop, so it runs under `npm run test:reference` only (it starts its own JVM beside the suite's).
 */
import { expect } from 'chai';
import { openTarget } from '../conformance/harness/targets.js';
import { startReferenceEngine } from './launcher.js';

/** Sends a fetchAndLock that waits up to 30 s on a topic nobody feeds. */
function waitingPoll(url: string): Promise<{ status: number; body: string }> {
  return fetch(`${url}/external-task/fetchAndLock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      workerId: 'w',
      maxTasks: 1,
      asyncResponseTimeout: 30_000,
      topics: [{ topicName: 'nobody-feeds-this', lockDuration: 1000 }],
    }),
  }).then(async (res) => ({ status: res.status, body: await res.text() }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Shutdown with a long poll waiting: ours and Operaton', () => {
  it('Given a waiting long poll, When our server shuts down, Then the poll is answered 200 []', async () => {
    const ours = await openTarget('rest');
    const poll = waitingPoll(ours.engineRestUrl!);
    await sleep(200);
    const started = performance.now();
    await ours.close();
    const answer = await poll;
    expect(answer).to.deep.equal({ status: 200, body: '[]' });
    expect(performance.now() - started, 'answered at shutdown, not at the timeout').to.be.below(30_000);
  });

  it('Given a waiting long poll, When Operaton shuts down, Then the connection is closed without an answer', async () => {
    const engine = await startReferenceEngine();
    try {
      const poll = waitingPoll(engine.url);
      await sleep(500);
      const stopped = engine.stop();
      const outcome = await poll.then(
        (answer) => answer,
        (error: unknown) => error as Error & { cause?: { code?: string } },
      );
      await stopped;
      expect(outcome).to.be.instanceOf(Error);
      expect((outcome as Error & { cause?: { code?: string } }).cause?.code).to.equal('UND_ERR_SOCKET');
    } finally {
      await engine.stop();
    }
  });
});
