/**
 * `npm run bench:insight` (issue 16): the insight features' benchmarks, one section per file, run
 * in turn. Prints figures; asserts nothing (docs/benchmarks.md records them with the command).
 * Sections: `simulate` per diagram (bench/insight-simulate.ts); the partnership report over
 * 100,000 escalations (bench/insight-report.ts).
 */
import { loadavg } from 'node:os';
import { benchSimulate } from './insight-simulate.js';
import { benchReport } from './insight-report.js';

console.log(
  `# bench:insight (Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')})`,
);
await benchSimulate();
await benchReport();
