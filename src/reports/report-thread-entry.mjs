// The report thread's entry. A worker thread does not always inherit the parent's TypeScript loader
// (mocha loads tsx in-process), so register it here, as bin/escalation.js does, then load the thread.
import { register } from 'tsx/esm/api';

register();
await import('./report-thread.ts');
