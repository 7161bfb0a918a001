/**
 * `npm start` as a real child process: it creates DATA_DIR, deploys the procedures, serves
 * /engine-rest on PORT, honours
 * the Basic auth variables, and on SIGTERM answers a waiting long poll with [] and exits cleanly.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Starts src/main.ts through tsx, as `npm start` does, and waits for its `ready` log line. */
function startMain(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line.startsWith('{') ? line : '{}') as {
        message?: string;
        engineRest?: string;
      };
      if (entry.message === 'ready') resolve({ child, url: entry.engineRest!, exited });
    });
    void exited.then((code) => reject(new Error(`main exited with ${code}:\n${lines.join('\n')}`)));
  });
}

/** Starts src/main.ts with `env` (PORT=0) and waits for it to exit, as a refused start does. */
async function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

describe('npm start (src/main.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'main-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given PORT=0 and a new DATA_DIR, When started and sent SIGTERM during a long poll, Then the poll gets [] and it exits 0', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const { child, url, exited } = await startMain({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    expect(existsSync(path.join(dataDir, 'engine.sqlite'))).to.equal(true);
    expect((await fetch(`${url}/version`)).status).to.equal(200);
    // The partnerships' procedures are deployed at start.
    const defs = (await (await fetch(`${url}/process-definition?latestVersion=true`)).json()) as {
      key: string;
    }[];
    expect(defs.map((d) => d.key)).to.include('LiverpoolEscalation');
    const poll = fetch(`${url}/external-task/fetchAndLock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        workerId: 'w',
        maxTasks: 1,
        asyncResponseTimeout: 600_000,
        topics: [{ topicName: 'none', lockDuration: 1000 }],
      }),
    });
    // Let the poll reach the server before the signal.
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    const answer = await poll;
    expect(answer.status).to.equal(200);
    expect(await answer.json()).to.deep.equal([]);
    expect(await exited).to.equal(0);
  });

  it('Given ENGINE_REST_USER and ENGINE_REST_PASSWORD, When started, Then /engine-rest asks for Basic auth', async () => {
    const { child, url, exited } = await startMain({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      ENGINE_REST_USER: 'modeler',
      ENGINE_REST_PASSWORD: 'secret',
    });
    try {
      expect((await fetch(`${url}/version`)).status).to.equal(401);
      const auth = { authorization: `Basic ${Buffer.from('modeler:secret').toString('base64')}` };
      expect((await fetch(`${url}/version`, { headers: auth })).status).to.equal(200);
    } finally {
      child.kill('SIGINT');
      expect(await exited).to.equal(0);
    }
  });

  it('Given an invalid ENGINE_TIMEZONE, When started, Then it exits 2 naming the variable', async () => {
    const { code, stderr } = await runToExit({
      DATA_DIR: path.join(dir, 'data'),
      ENGINE_TIMEZONE: 'Mars/Olympus',
    });
    expect(code).to.equal(2);
    expect(stderr).to.contain('ENGINE_TIMEZONE');
  });

  it('Given a HOLIDAYS_FILE with an impossible date, When started, Then it exits 2 naming the variable and the field', async () => {
    const file = path.resolve(
      import.meta.dirname,
      '../test/fixtures/calendar/holidays-override-bad-date.json',
    );
    const { code, stderr } = await runToExit({ DATA_DIR: path.join(dir, 'data'), HOLIDAYS_FILE: file });
    expect(code).to.equal(2);
    expect(stderr).to.contain('HOLIDAYS_FILE').and.to.contain('england-and-wales.events[0].date');
    expect(existsSync(path.join(dir, 'data'))).to.equal(false);
  });
});
