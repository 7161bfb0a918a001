/**
 * `npm start` as a real child process: it creates DATA_DIR, deploys the procedures, serves
 * /engine-rest on PORT, honours
 * the Basic auth variables, and on SIGTERM answers a waiting long poll with [] and exits cleanly.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { acquireOwnerLock } from './engine/embedded/store/owner-lock.js';
import { ROOT, runToExit, startMain } from './main.test-harness.js';

describe('npm start (src/main.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'main-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given PORT=0 and a new DATA_DIR, When started and sent SIGTERM during a long poll, Then the poll gets [] and it exits 0', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const { child, url, exited } = await startMain({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/engine-rest$/);
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
    expect((await exited).code).to.equal(0);
    expect(existsSync(path.join(dataDir, 'engine.sqlite.lock'))).to.equal(false);
  });

  /** After a stop: nothing answers on the port and nothing holds DATA_DIR (no orphan). */
  async function expectGone(url: string, dataDir: string): Promise<void> {
    const refused = await fetch(`${url}/version`).then(
      () => false,
      () => true,
    );
    expect(refused, 'something still answers on the port').to.equal(true);
    expect(existsSync(path.join(dataDir, 'engine.sqlite.lock'))).to.equal(false);
    acquireOwnerLock(path.join(dataDir, 'engine.sqlite')).release();
  }

  it('Given `npm start` exactly as a service manager runs it, When npm is sent SIGTERM, Then it exits 0 and leaves no server holding DATA_DIR', async () => {
    const dataDir = path.join(dir, 'data');
    const { child, url, exited } = await startMain(
      { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
      { npm: true },
    );
    child.kill('SIGTERM');
    expect(await exited).to.deep.equal({ code: 0, signal: null });
    await expectGone(url, dataDir);
  });

  it('Given `npm start` in a terminal, When Ctrl-C sends SIGINT to its process group, Then it exits 0 and leaves nothing running', async () => {
    const dataDir = path.join(dir, 'data');
    const { child, url, exited } = await startMain(
      { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
      { npm: true, group: true },
    );
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).to.deep.equal({ code: 0, signal: null });
    await expectGone(url, dataDir);
  });

  it('Given a SIGTERM while it is still starting, When the engine is open, Then it stops cleanly with exit 0', async () => {
    const dataDir = path.join(dir, 'data');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr!.on('data', (c: Buffer) => {
      log += c.toString();
      // The procedures are deployed before it listens: the signal arrives mid-start.
      if (log.includes('procedures deployed') && !child.killed) child.kill('SIGTERM');
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, log).to.equal(0);
    expect(log).to.contain('"stopped"');
    expect(existsSync(path.join(dataDir, 'engine.sqlite.lock'))).to.equal(false);
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
      expect((await exited).code).to.equal(0);
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
