/** Where the reference engine's fixture diagrams live (engine probes; the real diagrams are under processes/). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
