/**
 * Fuzz of signing in and out over real HTTP (issue 14, "Fuzz"): POST /session and DELETE /session,
 * each with RUNS generated bodies (fast-check, fixed seed) mutated from a valid one, and raw bodies
 * that are not JSON, sent with no credentials, a token, sessions with and without CSRF and a revoked
 * token. Never a 5xx; every 4xx a problem naming the field; a refused request changes nothing (a
 * wrong password counts towards the lockout, by design).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { PASSWORD } from './harness.js';
import { bodyCases, type BodyCase } from './fuzz/bodies.js';
import { describeTally, fuzz, FUZZ_SEED, send, type FuzzTarget } from './fuzz/run.js';
import type { Who } from './fuzz/people.js';
import { fuzzSuite, RUNS } from './fuzz/suite.js';

interface Case {
  body: BodyCase;
  who: Who;
}

describe(`API fuzz: POST and DELETE /session, ${RUNS} generated bodies each (seed ${FUZZ_SEED})`, function () {
  this.timeout(600_000);
  const s = fuzzSuite();

  it('Given POST /session, When it gets generated bodies, Then no 5xx, each 400 names a field, and a refused sign-in opens no session', async () => {
    const valid = fc.record({
      username: fc.constantFrom('lena', 'LENA', 'nobody', 'sam'),
      password: fc.constantFrom(PASSWORD, 'not the password at all'),
    });
    const cases = fc.record({
      body: bodyCases(valid, ['username', 'password']),
      who: s.people.pick(['anonymous', 6], ['sam', 1]),
    });
    const target: FuzzTarget<Case> = {
      name: 'POST /session',
      actions: ['session.create'],
      lockout: true,
      targets: () => [],
      send: (c) => send(s.h, 'POST', '/api/v1/session', s.people.of(c.who), c.body),
      accepted: async (_c, answer) => {
        expect(answer.status).to.equal(200);
      },
    };
    s.tallies.push(`POST /session: ${describeTally(await fuzz(s.h, target, cases, RUNS))}`);
  });

  it('Given DELETE /session, When it gets generated bodies, Then no 5xx, a body with fields is a 400 naming them, and a refused sign-out ends no session', async () => {
    const cases = fc.record({
      body: bodyCases(fc.constant({}), [], { validWeight: 4 }),
      who: s.people.pick(['sam', 3], ['lena+session', 3], ['lena+nocsrf', 2], ['rex', 1], ['anonymous', 1]),
    });
    const target: FuzzTarget<Case> = {
      name: 'DELETE /session',
      actions: [],
      targets: () => [],
      send: (c) => send(s.h, 'DELETE', '/api/v1/session', s.people.of(c.who), c.body),
      accepted: async (c, answer) => {
        expect(answer.status).to.equal(204);
        // Signed out: the next request as this session's holder signs in again.
        if (c.who.endsWith('+session')) {
          s.people.forget(c.who);
          s.people.of(c.who);
        }
      },
    };
    s.tallies.push(`DELETE /session: ${describeTally(await fuzz(s.h, target, cases, RUNS))}`);
  });
});
