/**
 * The mocha hooks every fuzz file shares: the real product in process (ApiHarness) with the fuzz
 * people (people.ts), started before the file's tests and stopped after them, and each endpoint's
 * tally printed at the end (statuses, where the time went).
 */
import { ApiHarness } from '../harness.js';
import { People } from './people.js';

/** Generated cases per endpoint (the issue asks for at least 1,000; FUZZ_RUNS to change). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** What a fuzz file's tests use once `before` has run. */
export interface FuzzSuite {
  h: ApiHarness;
  people: People;
  /** `name: tally` lines printed after the file's tests. */
  tallies: string[];
}

/** Registers the hooks in the current `describe`; `setup` adds what the file needs beyond the people. */
export function fuzzSuite(setup?: (h: ApiHarness) => Promise<void>): FuzzSuite {
  const suite = { tallies: [] as string[] } as unknown as FuzzSuite;
  before(async () => {
    suite.h = await ApiHarness.start();
    suite.people = await People.create(suite.h);
    await setup?.(suite.h);
  });
  after(async () => {
    suite.tallies.forEach((t) => console.log(`      ${t}`));
    await suite.h?.stop();
  });
  return suite;
}
