/**
 * The `simulate` part of `npm run bench:insight` (issue 16): each partnership diagram simulated with
 * the default outcomes (the branch that escalates), raised at a fixed instant, on a fresh throwaway
 * engine each run, as `escalation simulate` and the API do. Prints per diagram the stages answered and
 * the median, p90 and fastest wall-clock time of BENCH_SIMULATE_RUNS runs (default 15) after two
 * warm-up runs, and the time of one `--compare` (two simulations and the comparison). Asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_HOLIDAY_OVERRIDES } from '../src/calendar/index.js';
import {
  compareTimelines,
  simulate,
  throwawayEngines,
  type SimulationRequest,
} from '../src/simulation/index.js';
import { loadPartnerships, REPOSITORY_ROOT } from '../processes/catalogue.js';
import { partnershipCalendars } from '../workers/schedule/calendars.js';
import { fmt, ms, pct } from './figures.js';

const RUNS = Number(process.env.BENCH_SIMULATE_RUNS ?? 15);
const WARM_UP = 2;
const RAISED = new Date('2026-12-17T15:00:00Z');

/** One request per diagram of every partnership, with its real calendar and the repository's forms. */
function requests(): { name: string; request: SimulationRequest }[] {
  const forms = readdirSync(join(REPOSITORY_ROOT, 'forms'))
    .filter((f) => f.endsWith('.form'))
    .map((name) => ({ name, content: readFileSync(join(REPOSITORY_ROOT, 'forms', name), 'utf8') }));
  return loadPartnerships().flatMap((entry) => {
    const calendar = partnershipCalendars([entry], NO_HOLIDAY_OVERRIDES, (f) => readFileSync(f, 'utf8')).get(
      entry.settings.id,
    )!;
    return entry.diagrams.map((file) => ({
      name: `${entry.settings.id}/${file.slice(entry.dir.length + 1)}`,
      request: {
        diagram: readFileSync(file, 'utf8'),
        partnership: { settings: entry.settings, calendar },
        forms,
        raisedAt: RAISED,
      },
    }));
  });
}

async function timed(request: SimulationRequest): Promise<{ ms: number; stages: number }> {
  const t0 = performance.now();
  const timeline = await simulate(request, throwawayEngines());
  return { ms: ms(t0), stages: timeline.stages.length };
}

/** Runs the simulation benchmark and prints its table. */
export async function benchSimulate(): Promise<void> {
  console.log(
    `\n## simulate per diagram (${RUNS} runs each after ${WARM_UP} warm-up runs; raised ${RAISED.toISOString()})\n`,
  );
  console.log('| diagram | stages | median ms | p90 ms | fastest ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const { name, request } of requests()) {
    for (let i = 0; i < WARM_UP; i++) await timed(request);
    const runs: number[] = [];
    let stages = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await timed(request);
      runs.push(r.ms);
      stages = r.stages;
    }
    console.log(
      `| ${name} | ${stages} | ${fmt(pct(runs, 50), 0)} | ${fmt(pct(runs, 90), 0)} | ${fmt(Math.min(...runs), 0)} |`,
    );
  }
  const [first] = requests();
  const compares: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    compareTimelines(
      await simulate(first!.request, throwawayEngines()),
      await simulate(first!.request, throwawayEngines()),
    );
    compares.push(ms(t0));
  }
  console.log(
    `\n--compare of ${first!.name} with itself: median ${fmt(pct(compares, 50), 0)} ms, p90 ${fmt(pct(compares, 90), 0)} ms`,
  );
}
