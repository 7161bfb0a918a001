/**
 * Fuzz of `POST /escalations/:id/withdraw` over real HTTP (issue 14, "Fuzz"): RUNS generated bodies
 * (fast-check, fixed seed): a reason mutated, raw bodies that are not JSON, sent as the raiser, the
 * other party, partnership staff, a third party, a session without CSRF and no one. Never a 5xx;
 * each 400 names `reason`; a refused withdrawal leaves the escalation running as it was.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { raise } from './acting.fixtures.js';
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

describe(`API fuzz: POST …/withdraw, ${RUNS} generated bodies (seed ${FUZZ_SEED})`, function () {
  this.timeout(600_000);
  const s = fuzzSuite();

  it('Given an open escalation, When withdrawals get generated bodies, Then no 5xx, each 400 names `reason`, and a refused one leaves it running as it was', async () => {
    let current = await raise(s.h, 'liverpool');
    const valid = fc.record({ reason: text });
    const cases = fc.record({
      body: bodyCases(valid, ['reason'], { validWeight: 1 }),
      who: s.people.pick(['sam', 8], ['olu', 2], ['bea', 1], ['pat', 1], ['sam+nocsrf', 1], ['anonymous', 1]),
    });
    const target: FuzzTarget<Case> = {
      name: 'POST …/withdraw',
      actions: ['escalation.withdraw'],
      targets: () => [current.processInstanceId],
      send: (c) =>
        send(s.h, 'POST', `/api/v1/escalations/${current.id}/withdraw`, s.people.of(c.who), c.body),
      accepted: async (_c, answer) => {
        expect(answer.status).to.equal(202);
        await s.h.settle(current.processInstanceId);
        current = await raise(s.h, 'liverpool');
      },
    };
    s.tallies.push(`POST …/withdraw: ${describeTally(await fuzz(s.h, target, cases, RUNS))}`);
  });
});
