/**
 * Fuzz of `POST /escalations` over real HTTP (issue 14, "Fuzz"): RUNS generated bodies (fast-check,
 * fixed seed): valid raises mutated (wrong types, missing and extra fields, huge and strange strings,
 * numbers where dates go, deep nesting, `__proto__` and `constructor` keys, the child's details
 * changed), raw bodies that are not JSON, sent as a practitioner, a user of two partnerships,
 * partnership staff, sessions with and without CSRF, a revoked token and no one. Never a 5xx; every
 * 4xx a problem naming the field; a refused raise stores and starts nothing (fuzz/run.ts,
 * fuzz/snapshot.ts). What an accepted one starts is left to the workers before the next case. The
 * other escalation writes are fuzzed in fuzz-task-complete, fuzz-withdraw and fuzz-immediate-risk.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { CHILD, raise } from './acting.fixtures.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';
import { bodyCases, type BodyCase } from './fuzz/bodies.js';
import { describeTally, fuzz, FUZZ_SEED, send, type FuzzTarget } from './fuzz/run.js';
import type { Who } from './fuzz/people.js';
import { fuzzSuite, RUNS } from './fuzz/suite.js';

interface Case {
  body: BodyCase;
  who: Who;
}

describe(`API fuzz: POST /escalations, ${RUNS} generated bodies (seed ${FUZZ_SEED})`, function () {
  this.timeout(600_000);
  const s = fuzzSuite();

  it('Given POST /escalations, When it gets generated bodies, Then no 5xx, each 400 names a field, and a refused raise stores and starts nothing', async () => {
    const existing = await raise(s.h, 'liverpool');
    const valid = fc
      .record({
        caseReference: fc.oneof(
          fc.constant(existing.caseReference),
          fc.nat({ max: 40 }).map((n) => `FUZZ/${String(n).padStart(4, '0')}`),
        ),
        otherOrganisation: fc.option(fc.constant('liverpool-csc'), { nil: undefined }),
        levelOfNeed: fc.option(fc.constantFrom('S17', 'S47', 'Early Help'), { nil: undefined }),
        subject: fc.option(
          fc.constantFrom({ ...CHILD }, { ...CHILD, address: '9 Other Road, Liverpool L1 1AA' }),
          { nil: undefined },
        ),
      })
      .map((over) => {
        const body: Record<string, unknown> = { ...SCHOOL_RAISE, caseReference: over.caseReference };
        for (const [k, v] of Object.entries(over)) if (v !== undefined) body[k] = v;
        return body;
      });
    const fields = [
      ...Object.keys(SCHOOL_RAISE),
      'caseReference',
      'otherOrganisation',
      'levelOfNeed',
      'subject',
      'partnership',
    ];
    // `mo` belongs to two partnerships, so a raise of theirs names one (unless a mutation removes it).
    const validFor = (who: Who) =>
      who === 'mo' ? valid.map((b) => ({ ...b, partnership: 'liverpool' })) : valid;
    const cases = s.people
      .pick(
        ['sam', 12],
        ['mo', 2],
        ['bea', 1],
        ['sam+session', 1],
        ['sam+nocsrf', 1],
        ['rex', 1],
        ['anonymous', 1],
      )
      .chain((who) =>
        fc.record({
          who: fc.constant(who),
          body: bodyCases(validFor(who), fields, { nestedFields: ['subject'] }),
        }),
      );
    const target: FuzzTarget<Case> = {
      name: 'POST /escalations',
      actions: ['escalation.raise'],
      targets: () => [existing.processInstanceId],
      send: (c) => send(s.h, 'POST', '/api/v1/escalations', s.people.of(c.who), c.body),
      accepted: async (_c, answer) => {
        expect(answer.status).to.equal(201);
        const id = (answer.body as { id: string }).id;
        await s.h.settle(s.h.product.stores.escalations.get(id)!.processInstanceId);
      },
    };
    s.tallies.push(`POST /escalations: ${describeTally(await fuzz(s.h, target, cases, RUNS))}`);
  });
});
