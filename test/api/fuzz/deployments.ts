/**
 * Fuzz of `POST /deployments` over real HTTP (issue 14, "Fuzz"), run by fuzz-deployments.test.ts
 * and fuzz-deployments-2.test.ts, RUNS each (1,000 in all): generated multipart uploads
 * (fuzz/multipart.ts: the Liverpool diagram as it is or mutated, refused file names, fields the
 * server sets or does not take, broken envelopes) sent as Liverpool's process owner (most), a
 * practitioner, Wiltshire's process owner, a session without CSRF and no one. Never a 5xx; every
 * 4xx a problem, each 400 naming the part or field; a refused upload deploys nothing and changes
 * nothing else. An accepted one (the diagram as it is, or changed in a way that still lints) is a
 * new version, or none with deploy-changed-only.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { ApiHarness } from '../harness.js';
import { raise } from '../acting.fixtures.js';
import { uploads, type UploadCase } from './multipart.js';
import { describeTally, fuzz, FUZZ_SEED, type FuzzTarget } from './run.js';
import { People, type Who } from './people.js';

/**
 * Uploads per half: the thousand are sent by two test files (this one with FUZZ_SEED, the other
 * with the next seed), each half as long, since every upload that reads as a diagram is parsed
 * and linted.
 */
export const RUNS = Number(process.env.FUZZ_DEPLOY_RUNS ?? 500);

/** Registers the deployments fuzz: `half` 1 with FUZZ_SEED, 2 with FUZZ_SEED + 1. */
export function deploymentFuzz(half: 1 | 2): void {
  const seed = FUZZ_SEED + half - 1;
  describe(`API fuzz: POST /deployments (${half} of 2), ${RUNS} generated uploads (seed ${seed})`, function () {
    this.timeout(600_000);
    let h: ApiHarness;
    let people: People;
    let tally = '';

    before(async () => {
      h = await ApiHarness.start();
      people = await People.create(h);
      await h.user('piper', {
        partnership: 'liverpool',
        agency: null,
        roles: ['lscb-team'],
        processOwner: true,
      });
      await h.user('wanda', { partnership: 'wiltshire', agency: null, roles: [], processOwner: true });
    });
    after(async () => {
      console.log(`      POST /deployments: ${tally}`);
      await h?.stop();
    });

    it('Given Liverpool’s running diagram, When process owners and others upload generated multipart bodies, Then no 5xx, each 400 names a part or field, and a refused upload deploys nothing', async () => {
      const running = await raise(h, 'liverpool');
      const cases = fc.record({
        upload: uploads,
        who: people.pick(['piper', 14], ['sam', 1], ['wanda', 1], ['piper+nocsrf', 1], ['anonymous', 1]),
      });
      type Case = { upload: UploadCase; who: Who; body: UploadCase['body'] };
      const target: FuzzTarget<Case> = {
        name: 'POST /deployments',
        actions: ['deployment.create'],
        targets: () => [running.processInstanceId],
        send: async (c) => {
          const headers: Record<string, string> = {};
          if (c.upload.body.contentType) headers['content-type'] = c.upload.body.contentType;
          const as = people.of(c.who);
          if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
          if (as && 'session' in as) headers.cookie = as.session.cookie;
          const res = await fetch(`${h.base}/api/v1/deployments`, {
            method: 'POST',
            headers,
            body: new Uint8Array(c.upload.bytes),
          });
          const text = await res.text();
          const json =
            /json/.test(res.headers.get('content-type') ?? '') && text
              ? (JSON.parse(text) as unknown)
              : undefined;
          return { status: res.status, headers: res.headers, body: json, text };
        },
        accepted: async (_c, answer) => {
          expect(answer.status).to.be.oneOf([200, 201]);
        },
      };
      const cased = cases.map((c) => ({ ...c, body: c.upload.body }));
      tally = describeTally(await fuzz(h, target, cased, RUNS, seed));
    });
  });
}
