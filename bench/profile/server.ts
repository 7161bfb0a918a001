/**
 * The server half of `bench/profile/rest.ts`: the embedded engine behind `/engine-rest`, as
 * src/main.ts assembles it, with the V8 CPU profiler switched on and off by IPC messages, so a
 * profile covers only the phase being measured (not start-up, deployment or the instance fill).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { systemClock } from '../../src/clock/system-clock.js';
import { openEmbeddedEngine } from '../../src/engine/embedded/index.js';
import { createServer, listen } from '../../src/engine/rest-server/index.js';

const [dataDir, profileFile] = process.argv.slice(2) as [string, string];
const engine = await openEmbeddedEngine({
  databaseFile: path.join(dataDir, 'engine.sqlite'),
  clock: systemClock,
});
const running = await listen(createServer({ engine }), 0, '127.0.0.1');
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let cpu0 = 0;
let stats0 = engine.commitStats();

process.on('message', (message: string) => {
  void (async () => {
    if (message === 'profile:start') {
      cpu0 = cpuMs();
      stats0 = engine.commitStats();
      await session.post('Profiler.start');
      process.send!({ kind: 'started' });
    } else if (message === 'profile:stop') {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      const stats = engine.commitStats();
      const commits = stats.commits - stats0.commits;
      const units = stats.units - stats0.units;
      process.send!({ kind: 'stopped', cpuMs: cpuMs() - cpu0, commits, units });
    } else if (message === 'exit') {
      await running.close();
      await engine.close();
      process.exit(0);
    }
  })();
});
process.send!({ kind: 'ready', url: running.engineRestUrl });
