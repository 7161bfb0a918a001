import { expect } from 'chai';
import { FakeClock } from '../../../clock/fake-clock.js';
import type { FetchAndLockInput, LockedExternalTask } from '../../port.js';
import { LongPoll } from './long-poll.js';

/** A queue of task ids per topic standing in for the store, so the waiter logic is tested alone. */
function setup() {
  const clock = new FakeClock('2026-11-23T09:00:00.000Z');
  const queues = new Map<string, string[]>();
  let lockExpiry: number | null = null;
  const poll = new LongPoll({
    clock,
    fetchNow: (input) => {
      const out: LockedExternalTask[] = [];
      for (const topic of input.topics) {
        const id = queues.get(topic.topicName)?.shift();
        if (id && out.length < input.maxTasks)
          out.push({ id, topicName: topic.topicName } as LockedExternalTask);
      }
      return out;
    },
    nextLockExpiry: () => lockExpiry,
  });
  const add = (topic: string, id: string) => queues.set(topic, [...(queues.get(topic) ?? []), id]);
  return { clock, poll, add, setLockExpiry: (at: number | null) => (lockExpiry = at) };
}

const input = (topic: string, timeout = 60_000): FetchAndLockInput => ({
  workerId: 'w',
  maxTasks: 1,
  asyncResponseTimeout: timeout,
  topics: [{ topicName: topic, lockDuration: 1000 }],
});

describe('embedded/long-poll: waiting fetches', () => {
  it('Given two waiters on different topics, when a task of one topic arrives, then only its waiter is answered', async () => {
    const { poll, add } = setup();
    const a = poll.fetch(input('a'));
    const b = poll.fetch(input('b'));
    add('b', 'task-1');
    poll.notify(new Set(['b']));
    expect((await b).map((t) => t.id)).to.deep.equal(['task-1']);
    expect(poll.waiting).to.equal(1);
    poll.close();
    expect(await a).to.deep.equal([]);
  });

  it('Given two waiters on one topic, when one task arrives, then the first waiter gets it and the second keeps waiting', async () => {
    const { poll, add } = setup();
    const first = poll.fetch(input('a'));
    const second = poll.fetch(input('a'));
    add('a', 'task-1');
    poll.notify(new Set(['a']));
    expect((await first).map((t) => t.id)).to.deep.equal(['task-1']);
    expect(poll.waiting).to.equal(1);
    poll.close();
    expect(await second).to.deep.equal([]);
  });

  it('Given a waiter and a lock expiring on the engine clock, when the clock reaches it, then the waiter is offered the task', async () => {
    const { poll, add, clock, setLockExpiry } = setup();
    setLockExpiry(clock.now() + 5000);
    const waiting = poll.fetch(input('a'));
    add('a', 'expired-task');
    setLockExpiry(null);
    await clock.advance(5000);
    expect((await waiting).map((t) => t.id)).to.deep.equal(['expired-task']);
  });

  it('Given no timeout, when nothing is there, then the fetch answers [] at once', async () => {
    const { poll } = setup();
    expect(await poll.fetch(input('a', 0))).to.deep.equal([]);
    expect(poll.waiting).to.equal(0);
  });
});
