/**
 * The two servers bench:reference compares: ours (`npm start`'s entry point, src/main.ts, in a child process)
 * and Operaton (the reference engine's jar on an H2 file database), each started on a data directory it keeps
 * across a restart; and the server process's RSS and CPU time, read from Linux's /proc.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { startReferenceEngine } from '../../test/reference-engine/launcher.js';
import { ms } from '../figures.js';

/** A running server under test. */
export interface Server {
  url: string;
  pid: number;
  readyMs: number;
  stop(): Promise<void>;
}
/** An engine under test: how to start its server on a data directory. */
export type Engine = { label: string; start(dir: string): Promise<Server> };

export const ours: Engine = {
  label: 'ours',
  async start(dir) {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stderr! }).on('line', (line) => {
        const entry = JSON.parse(line.startsWith('{') ? line : '{}') as {
          message?: string;
          engineRest?: string;
        };
        if (entry.message === 'ready') resolve(entry.engineRest!);
      });
      child.once('exit', (code) => reject(new Error(`our server exited with ${code}`)));
    });
    const exited = new Promise((r) => child.once('exit', r));
    return {
      url,
      pid: child.pid!,
      readyMs: ms(t0),
      stop: async () => void (child.kill('SIGTERM'), await exited),
    };
  },
};

export const operaton: Engine = {
  label: 'Operaton',
  async start(dir) {
    const t0 = performance.now();
    const jvmArgs = (process.env.BENCH_JVM_ARGS ?? '').split(' ').filter(Boolean);
    const engine = await startReferenceEngine({ database: { kind: 'h2', dir }, jvmArgs });
    return { url: engine.url, pid: engine.pid, readyMs: ms(t0), stop: () => engine.stop() };
  },
};

/** The server's RSS (Linux /proc), in MiB. */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

/** The server's CPU time so far (utime + stime of all its threads), in ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
}
