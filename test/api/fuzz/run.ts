/**
 * The fuzz loop every write endpoint shares: for each generated case, snapshot everything, send the
 * request over HTTP, then check the answer (never 5xx; a 4xx is `application/problem+json`, and a
 * 400 for a mutated field names one of the fields mutated) and, unless it was accepted, that nothing
 * changed (snapshot.ts). An accepted request is followed until the workers are done with it, then
 * the next case starts from the new state. No prototype may be polluted along the way.
 *
 * fast-check runs a fixed number of cases from a fixed seed (FUZZ_SEED to change it); a failure
 * reports the seed and the path of the shrunk case, which `FUZZ_SEED=<seed>` and fast-check's `path`
 * replay.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import type { Answer, ApiHarness, As } from '../harness.js';
import type { BodyCase } from './bodies.js';
import { expectUnchanged, snapshot, type Snapshot } from './snapshot.js';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261102);

/** What a problem answer holds. */
interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: unknown; message: unknown }[];
}

/** One endpoint under fuzz. */
export interface FuzzTarget<C> {
  name: string;
  /** Audit actions a refused attempt may append (its own entry). */
  actions: readonly string[];
  /** The process instances whose variables and open tasks must not change. */
  targets(): readonly string[];
  /** A refusal may count a failed sign-in towards the lockout (snapshot.ts). */
  lockout?: boolean;
  send(c: C): Promise<Answer>;
  /** After a 2xx: wait for the workers and move the targets on if the case consumed them. */
  accepted(c: C, answer: Answer): Promise<void>;
}

/** How many answers of each status, and where the time went, for the report. */
export interface Tally {
  statuses: Map<number, number>;
  ms: { total: number; snapshots: number; requests: number; accepted: number };
  /** The slowest answers, as `ms label`. */
  slowest: [number, string][];
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/**
 * Runs `numRuns` cases of `cases` against `target`. The state after a refused case is the state
 * before the next one (nothing may happen in between: any change, even one nobody asked for, fails
 * the next comparison); after an accepted one it is read again once the workers are done.
 */
export async function fuzz<C extends { body: BodyCase }>(
  h: ApiHarness,
  target: FuzzTarget<C>,
  cases: fc.Arbitrary<C>,
  numRuns: number,
  seed = FUZZ_SEED,
): Promise<Tally> {
  const tally: Tally = {
    statuses: new Map(),
    ms: { total: 0, snapshots: 0, requests: 0, accepted: 0 },
    slowest: [],
  };
  const timed = async <T>(part: keyof Tally['ms'], work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      tally.ms[part] += performance.now() - start;
    }
  };
  const started = performance.now();
  let state: Snapshot | null = null;
  await fc.assert(
    fc.asyncProperty(cases, async (c) => {
      const before =
        state ?? (await timed('snapshots', () => snapshot(h, target.targets(), { lockout: target.lockout })));
      state = null;
      const sent = performance.now();
      const answer = await timed('requests', () => target.send(c));
      tally.slowest.push([performance.now() - sent, `${answer.status} ${c.body.label}`]);
      tally.slowest = tally.slowest.sort(([a], [b]) => b - a).slice(0, 3);
      tally.statuses.set(answer.status, (tally.statuses.get(answer.status) ?? 0) + 1);
      const what = `${target.name} [${c.body.label}] answered ${answer.status}: ${answer.text.slice(0, 400)}`;
      expectAnswer(answer, c.body, what);
      expect(Object.getOwnPropertyNames(Object.prototype).sort(), `${what}: Object.prototype`).to.deep.equal(
        PROTOTYPE_KEYS,
      );
      expect(({} as Record<string, unknown>).polluted, `${what}: polluted`).to.equal(undefined);
      if (answer.status >= 200 && answer.status < 300) {
        await timed('accepted', () => target.accepted(c, answer));
        return;
      }
      const after = await timed('snapshots', () =>
        snapshot(h, target.targets(), { lockout: target.lockout }),
      );
      expectUnchanged(h, before, after, target.actions, what);
      state = after;
    }),
    { numRuns, seed, verbose: 1 },
  );
  tally.ms.total = performance.now() - started;
  return tally;
}

/** The answer's shape: no 5xx, problems as RFC 9457, a 400 for a mutated body naming a mutated field. */
export function expectAnswer(answer: Answer, body: BodyCase, what: string): void {
  expect(answer.status, what).to.be.below(500);
  if (answer.status < 400) return;
  expect(answer.headers.get('content-type') ?? '', what).to.match(/^application\/problem\+json/);
  const problem = JSON.parse(answer.text) as Problem;
  expect(problem.status, what).to.equal(answer.status);
  expect(problem.title, what).to.be.a('string');
  if (answer.status !== 400) return;
  expect(problem.errors, `${what}: errors`).to.be.an('array').with.length.above(0);
  for (const e of problem.errors!) {
    expect(e.path, what).to.be.a('string').with.length.above(0);
    expect(e.message, what).to.be.a('string').with.length.above(0);
  }
  if (body.kind !== 'mutated') return;
  const paths = problem.errors!.map((e) => String(e.path));
  // Long keys are shown shortened; compare the start of each. A request refused for its path
  // (a malformed id) is checked for its path alone: the body of a path that is wrong is not read.
  const named =
    paths.some((p) => p.startsWith('params.')) ||
    body.touched.some((t) => paths.some((p) => p.includes(t.slice(0, 60))));
  expect(named, `${what}: no error names ${body.touched.join(', ')} (${paths.join(', ')})`).to.equal(true);
}

/** Sends `body` as it is (raw text and media type, or none) as `as`. */
export async function send(
  h: ApiHarness,
  method: string,
  path: string,
  as: As,
  body: BodyCase,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const h2: Record<string, string> = { ...headers };
  if (body.contentType) h2['content-type'] = body.contentType;
  if (as && 'token' in as) h2.authorization = `Bearer ${as.token}`;
  if (as && 'session' in as) {
    h2.cookie = as.session.cookie;
    h2['x-csrf-token'] ??= as.session.csrfToken;
  }
  const res = await fetch(`${h.base}${path}`, { method, headers: h2, body: body.text });
  const text = await res.text();
  const json =
    /json/.test(res.headers.get('content-type') ?? '') && text ? (JSON.parse(text) as unknown) : undefined;
  return { status: res.status, headers: res.headers, body: json, text };
}

/** `201×3, 400×812, … in 41 s (snapshots 12 s, requests 20 s, after accepted ones 6 s)` */
export function describeTally(tally: Tally): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
  const statuses = [...tally.statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ');
  const { total, snapshots, requests, accepted } = tally.ms;
  const slowest = tally.slowest.map(([ms, label]) => `${ms.toFixed(0)} ms ${label.slice(0, 60)}`).join('; ');
  return (
    `${statuses} in ${s(total)} (snapshots ${s(snapshots)}, requests ${s(requests)}, after accepted ones ` +
    `${s(accepted)}; slowest: ${slowest})`
  );
}
