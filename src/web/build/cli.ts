/**
 * `npm run build:web [-- --out <directory>]`: builds the web UI (default `dist/web`) whether or not
 * it is stale, and prints the stamp's hash. `npm start` builds it only when stale.
 */
import { resolve } from 'node:path';
import { ensureWebBuilt } from './ensure.js';
import { readStamp } from './stamp.js';
import { DEFAULT_DIST } from './paths.js';

const at = process.argv.indexOf('--out');
const outDir = at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : DEFAULT_DIST;
await ensureWebBuilt(outDir, { force: true });
const stamp = readStamp(outDir)!;
process.stdout.write(
  `web UI built in ${outDir} (${stamp.inputs.length} inputs, ${stamp.hash.slice(0, 12)})\n`,
);
