/**
 * Fuzz of `POST /escalations/:id/immediate-risk` over real HTTP (issue 14, "Fuzz"): RUNS generated
 * bodies (fast-check, fixed seed) for a route that takes none: fields added, raw bodies that are not
 * JSON, sent as the parties, partnership staff, a session without CSRF, a revoked token and no one.
 * Never a 5xx; a body with fields is a 400 naming them; a refused report routes nothing.
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

describe(`API fuzz: POST …/immediate-risk, ${RUNS} generated bodies (seed ${FUZZ_SEED})`, function () {
  this.timeout(600_000);
  const s = fuzzSuite();

  it('Given an open escalation, When immediate-risk reports get generated bodies, Then no 5xx, a body with fields is a 400 naming them, and a refused one routes nothing', async () => {
    const current = await raise(s.h, 'liverpool');
    const cases = fc.record({
      body: bodyCases(fc.constant({}), [], { validWeight: 1 }),
      who: s.people.pick(['sam', 6], ['olu', 3], ['pat', 1], ['sam+nocsrf', 1], ['rex', 1], ['anonymous', 1]),
    });
    const target: FuzzTarget<Case> = {
      name: 'POST …/immediate-risk',
      actions: ['escalation.immediate-risk'],
      targets: () => [current.processInstanceId],
      send: (c) =>
        send(s.h, 'POST', `/api/v1/escalations/${current.id}/immediate-risk`, s.people.of(c.who), c.body),
      accepted: async (_c, answer) => {
        expect(answer.status).to.equal(202);
        await s.h.settle(current.processInstanceId);
      },
    };
    s.tallies.push(`POST …/immediate-risk: ${describeTally(await fuzz(s.h, target, cases, RUNS))}`);
  });
});
