/**
 * npm run reference:stop
 * Stops the engine that `npm run reference:start` runs, through its pid file (.reference-engine/engine.pid):
 * SIGTERM to the launcher, which stops the JVM and removes the file. Waits up to 30 s.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const pidFile = resolve('.reference-engine', 'engine.pid');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (!existsSync(pidFile)) {
    process.stderr.write('No reference engine is running (no .reference-engine/engine.pid).\n');
    return;
  }
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
    rmSync(pidFile, { force: true });
    process.stderr.write('Stale pid file removed; no reference engine was running.\n');
    return;
  }
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 30_000 && alive(pid); waited += 200) {
    await new Promise((done) => setTimeout(done, 200));
  }
  if (alive(pid)) throw new Error(`reference engine launcher ${pid} did not stop in 30 s`);
  process.stderr.write('Reference engine stopped.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
