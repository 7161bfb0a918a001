/**
 * `npm run bench:insight` (issue 16): the insight features' benchmarks, one section per file, run
 * in turn. Prints figures; asserts nothing (docs/benchmarks.md records them with the command).
 * Sections: `simulate` per diagram (bench/insight-simulate.ts).
 */
import { loadavg } from 'node:os';
import { benchSimulate } from './insight-simulate.js';

console.log(
  `# bench:insight (Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')})`,
);
await benchSimulate();
