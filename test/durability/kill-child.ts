/** The parent side of the crash tests: runs a crash child and, in `load` mode, kills it. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs the crash child `script` (a path from the repository root) on `databaseFile`; in `load` mode
 * SIGKILLs it a random 40–400 ms after it is ready. Resolves with its acknowledgement lines; rejects,
 * with its stderr, when a `load` run ended other than by the kill or a `drain` run did not exit 0.
 */
export function runAndKill(
  script: string,
  databaseFile: string,
  mode: 'load' | 'drain',
  runId: string,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, databaseFile, mode, runId], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (mode === 'load' && out.startsWith('ready\n') && !child.killed) {
        setTimeout(() => child.kill('SIGKILL'), 40 + Math.floor(Math.random() * 360));
        out = out.replace(/^ready\n/, 'ready-seen\n');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (mode === 'load' && signal !== 'SIGKILL') reject(new Error(`child load exited ${code}: ${err}`));
      if (mode === 'drain' && code !== 0) reject(new Error(`child drain exited ${code}: ${err}`));
      // The last line may be cut by the kill: only whole lines are acknowledgements.
      resolve(out.split('\n').slice(0, -1));
    });
  });
}
