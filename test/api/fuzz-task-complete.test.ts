/**
 * Fuzz of `POST /escalations/:id/tasks/:taskId/complete` over real HTTP (issue 14, "Fuzz"): RUNS
 * generated bodies (fast-check, fixed seed) for Liverpool's and Northamptonshire's Stage 1 forms:
 * valid outcomes mutated, raw bodies that are not JSON, sent to the open task, an unknown or
 * malformed task id or the other escalation's task, as the parties, a third party, partnership staff,
 * a session without CSRF and no one. Never a 5xx; every 4xx a problem naming the field; a refused
 * completion leaves the task and its variables as they were (fuzz/run.ts, fuzz/snapshot.ts).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { openTask, raise, type Raised } from './acting.fixtures.js';
import { bodyCases, type BodyCase } from './fuzz/bodies.js';
import { describeTally, fuzz, FUZZ_SEED, send, type FuzzTarget } from './fuzz/run.js';
import type { Who } from './fuzz/people.js';
import { fuzzSuite, RUNS } from './fuzz/suite.js';

interface Case {
  body: BodyCase;
  who: Who;
}

/** A short text a form or a reason takes. */
const text = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0);

describe(`API fuzz: POST …/tasks/:taskId/complete, ${RUNS} generated bodies (seed ${FUZZ_SEED})`, function () {
  this.timeout(600_000);
  const s = fuzzSuite();

  it('Given an open stage task in Liverpool and in Northamptonshire, When completions get generated bodies, Then no 5xx, each 400 names a field, and a refused one leaves the task and its variables as they were', async () => {
    const open: Record<string, Raised> = {
      liverpool: await raise(s.h, 'liverpool'),
      northamptonshire: await raise(s.h, 'northamptonshire'),
    };
    const valid = {
      liverpool: fc.oneof(
        fc.record({
          outcome: fc.constant('unresolved'),
          unresolvedReason: text,
          agencyEscalationNumber: fc.constantFrom('SCH/2026/014', 'A1'),
        }),
        fc.record({ outcome: fc.constant('resolved'), agreedOutcome: text, actionPlan: text, concern: text }),
      ),
      northamptonshire: fc.record({
        outcome: fc.constant('unresolved'),
        discussionDate: fc.constantFrom('2026-11-03', '2026-10-30'),
        actionPlan: text,
        unresolvedReason: text,
      }),
    };
    const fields = {
      liverpool: [
        'outcome',
        'agreedOutcome',
        'actionPlan',
        'outstandingIssues',
        'unresolvedReason',
        'agencyEscalationNumber',
        'concern',
        'actionsUndertaken',
      ],
      northamptonshire: [
        'outcome',
        'discussionDate',
        'agreedOutcome',
        'actionPlan',
        'outstandingIssues',
        'unresolvedReason',
      ],
    };
    const taskIds: Record<string, string> = {};
    const refresh = async (p: 'liverpool' | 'northamptonshire') => {
      taskIds[p] = (await openTask(s.h, open[p]!, 'Stage1_RecordOutcome')).id;
    };
    await refresh('liverpool');
    await refresh('northamptonshire');
    type TaskCase = Case & {
      partnership: 'liverpool' | 'northamptonshire';
      task: 'open' | 'unknown' | 'bad' | 'other';
    };
    const who = {
      liverpool: s.people.pick(
        ['sam', 8],
        ['olu', 3],
        ['lena', 1],
        ['pat', 1],
        ['sam+nocsrf', 1],
        ['anonymous', 1],
      ),
      northamptonshire: s.people.pick(['ned', 8], ['nia', 3], ['sam', 1]),
    };
    const task = fc.constantFrom<TaskCase['task']>(
      'open',
      'open',
      'open',
      'open',
      'open',
      'open',
      'unknown',
      'bad',
      'other',
    );
    const cases = fc.constantFrom('liverpool' as const, 'northamptonshire' as const).chain((partnership) =>
      fc.record({
        partnership: fc.constant(partnership),
        body: bodyCases(valid[partnership], fields[partnership], { validWeight: 1 }),
        who: who[partnership],
        task,
      }),
    );
    const pathOf = (c: TaskCase) => {
      const other = c.partnership === 'liverpool' ? 'northamptonshire' : 'liverpool';
      const task = {
        open: taskIds[c.partnership],
        other: taskIds[other],
        unknown: 'no-such-task',
        bad: '..%2F%00',
      }[c.task];
      return `/api/v1/escalations/${open[c.partnership]!.id}/tasks/${task}/complete`;
    };
    const target: FuzzTarget<TaskCase> = {
      name: 'POST …/tasks/:taskId/complete',
      actions: ['task.complete'],
      targets: () => Object.values(open).map((r) => r.processInstanceId),
      send: (c) => send(s.h, 'POST', pathOf(c), s.people.of(c.who), c.body),
      accepted: async (c, answer) => {
        expect(answer.status).to.equal(200);
        await s.h.settle(open[c.partnership]!.processInstanceId);
        open[c.partnership] = await raise(s.h, c.partnership);
        await refresh(c.partnership);
      },
    };
    s.tallies.push(`POST …/tasks/:taskId/complete: ${describeTally(await fuzz(s.h, target, cases, RUNS))}`);
  });
});
