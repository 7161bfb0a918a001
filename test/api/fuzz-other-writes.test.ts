/**
 * Fuzz of every write operation `/api/openapi.json` documents that no other fuzz file names (e.g.
 * POST /simulations, POST …/serious-concern, and any write added later), over real HTTP (issue 14,
 * "Fuzz"): RUNS generated bodies each (fast-check, fixed seed) mutated from a body built from the
 * operation's request schema (fuzz/openapi-cases.ts), sent to real escalations of Liverpool and
 * Wiltshire, an unknown one and malformed ids, as parties, partnership staff, a session without CSRF
 * and no one. Never a 5xx; every 4xx a problem naming the field; a refused request changes nothing.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { raise, type Raised } from './acting.fixtures.js';
import { bodiesOf, writeOperations } from './fuzz/openapi-cases.js';
import { bodyCases, type BodyCase } from './fuzz/bodies.js';
import { describeTally, fuzz, FUZZ_SEED, send, type FuzzTarget } from './fuzz/run.js';
import type { Who } from './fuzz/people.js';
import { fuzzSuite, RUNS } from './fuzz/suite.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';

interface Case {
  body: BodyCase;
  who: Who;
}

/** The write operations other fuzz files name (fuzz-session, fuzz-escalations, fuzz-task-complete, fuzz-withdraw, fuzz-immediate-risk, fuzz-deployments). */
const NAMED = [
  'post /session',
  'delete /session',
  'post /escalations',
  'post /escalations/{id}/tasks/{taskId}/complete',
  'post /escalations/{id}/withdraw',
  'post /escalations/{id}/immediate-risk',
  'post /deployments',
];

describe(`API fuzz: every other write of /api/openapi.json, ${RUNS} generated bodies each (seed ${FUZZ_SEED})`, function () {
  this.timeout(900_000);
  const s = fuzzSuite(async (h) => {
    await h.user('wren', {
      partnership: 'wiltshire',
      agency: 'school',
      organisation: 'ash-school',
      roles: ['raising-professional'],
    });
  });

  it('Given every other write operation of /api/openapi.json, When each gets generated bodies, Then no 5xx, each 400 names a field, and a refused one changes nothing', async () => {
    const document = (await s.h.call('GET', '/api/openapi.json', null)).body as Parameters<
      typeof writeOperations
    >[0];
    const operations = writeOperations(document);
    expect(operations.map((o) => o.key)).to.include.members(NAMED);
    const liverpool = await raise(s.h, 'liverpool');
    const wiltshire = await raiseWiltshire();
    const escalations: Raised[] = [liverpool, wiltshire];
    for (const op of operations.filter((o) => !NAMED.includes(o.key))) {
      const { valid, fields } = bodiesOf(op.schema);
      const cases = fc.record({
        body: bodyCases(valid, fields),
        who: s.people.pick(
          ['sam', 4],
          ['wren', 4],
          ['olu', 1],
          ['bea', 1],
          ['sam+nocsrf', 1],
          ['anonymous', 1],
        ),
        escalation: fc.constantFrom(0, 0, 1, 1, 2),
        task: fc.constantFrom('no-such-task', '..%2F'),
      });
      const pathOf = (c: { escalation: number; task: string }) =>
        `/api/v1${op.path}`
          .replace('{id}', escalations[c.escalation]?.id ?? 'no-such-escalation')
          .replace(/\{[A-Za-z]+\}/g, c.task);
      const target: FuzzTarget<Case & { escalation: number; task: string }> = {
        name: op.key,
        actions: [`escalation.${op.path.split('/').at(-1)}`, 'escalation.view'],
        targets: () => escalations.map((e) => e.processInstanceId),
        send: (c) => send(s.h, op.method.toUpperCase(), pathOf(c), s.people.of(c.who), c.body),
        accepted: async () => {
          for (const e of escalations) await s.h.settle(e.processInstanceId);
        },
      };
      s.tallies.push(`${op.key}: ${describeTally(await fuzz(s.h, target, cases, RUNS))}`);
    }
  });

  let cases = 0;
  /** A Wiltshire escalation raised by `wren` (Ash School against Wiltshire Children's Services). */
  async function raiseWiltshire(): Promise<Raised> {
    cases += 1;
    const caseReference = `FUZZ-W/${cases}`;
    const res = await s.h.call<{ id: string }>('POST', '/api/v1/escalations', s.people.of('wren'), {
      ...SCHOOL_RAISE,
      caseReference,
      otherOrganisation: 'wilts-csc',
    });
    expect(res.status, res.text).to.equal(201);
    const processInstanceId = s.h.product.stores.escalations.get(res.body.id)!.processInstanceId;
    await s.h.settle(processInstanceId);
    return { id: res.body.id, processInstanceId, caseReference };
  }
});
