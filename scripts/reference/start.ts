/**
 * npm run reference:start [-- --fresh]
 * Builds the reference engine once (cached jar), starts it on a free port, prints exactly one line
 * `ENGINE_URL=http://127.0.0.1:<port>/engine-rest` on stdout when it answers, and stays in the foreground
 * until stopped (Ctrl-C, SIGTERM or `npm run reference:stop`). Data: .reference-engine/data (H2 file);
 * --fresh starts from an empty database. The engine's log: .reference-engine/data/engine.log.
 * Basic auth is on when ENGINE_REST_USER and ENGINE_REST_PASSWORD are both set.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startReferenceEngine } from '../../test/reference-engine/launcher.js';

const stateDir = resolve('.reference-engine');
const dataDir = join(stateDir, 'data');
const pidFile = join(stateDir, 'engine.pid');

async function main(): Promise<void> {
  if (process.argv.includes('--fresh')) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const user = process.env.ENGINE_REST_USER ?? '';
  const password = process.env.ENGINE_REST_PASSWORD ?? '';
  const engine = await startReferenceEngine({
    database: { kind: 'h2', dir: dataDir },
    ...(user && password ? { auth: { user, password } } : {}),
  });
  writeFileSync(pidFile, `${process.pid}\n`);
  process.stdout.write(`ENGINE_URL=${engine.url}\n`);
  let stopping = false;
  const shutdown = (): void => {
    stopping = true;
    void engine.stop().then(() => {
      rmSync(pidFile, { force: true });
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const code = await engine.exited;
  if (stopping) return; // shutdown() exits once the JVM is gone.
  rmSync(pidFile, { force: true });
  process.stderr.write(`reference engine exited (${code}); log: ${engine.logFile}\n`);
  process.exit(code ?? 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
