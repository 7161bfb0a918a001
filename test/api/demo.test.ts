/**
 * `npm start -- --demo` as a real child process on a temp DATA_DIR (the system clock, the real
 * workers in process, messages kept in the outbox): it seeds demo users and escalations through its
 * own API, prints how to sign in, and a second start on the same DATA_DIR adds nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect } from 'chai';
import { ROOT } from '../../src/main.test-harness.js';
import { tempDir } from '../support/temp-dir.js';

interface Demo {
  child: ChildProcess;
  stdout: string;
  /** http://127.0.0.1:<port> */
  base: string;
  exited: Promise<number | null>;
}

/** Starts `node --import tsx src/main.ts --demo` and waits until the demo's instructions are printed. */
function startDemo(dataDir: string): Promise<Demo> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SMTP_URL: '', ENGINE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const base = /The API reference: (http:\/\/[^/\s]+)\/api\/docs/.exec(stdout)?.[1];
      if (base) resolve({ child, stdout, base, exited });
    });
    createInterface({ input: child.stderr! }).on('line', (line) => (stderr += `${line}\n`));
    void exited.then((code) => reject(new Error(`--demo exited with ${code}:\n${stderr}\n${stdout}`)));
  });
}

async function stop(demo: Demo): Promise<number | null> {
  demo.child.kill('SIGTERM');
  return demo.exited;
}

async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status, `${username} signs in`).to.equal(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function get<T>(base: string, path: string, cookie: string): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, { headers: { cookie } });
  expect(res.status, path).to.equal(200);
  return (await res.json()) as T;
}

interface Listed {
  items: { id: string; caseReference: string; partnership: string; status: string }[];
  total: number;
}
interface Detail {
  status: string;
  openTasks: { elementId: string }[];
}

describe('npm start -- --demo: demo users and escalations seeded through the API', function () {
  this.timeout(300_000);
  let dir: ReturnType<typeof tempDir>;
  let demo: Demo | undefined;

  before(() => {
    dir = tempDir('demo');
  });
  after(async () => {
    if (demo && demo.child.exitCode === null) await stop(demo);
    dir.remove();
  });

  it('Given a new DATA_DIR, When started with --demo, Then it prints the password and users, and a Liverpool school practitioner signs in to escalations at several stages; a second start adds nothing', async () => {
    const dataDir = join(dir.path, 'data');
    demo = await startDemo(dataDir);
    const password = /password: (\S+)/.exec(demo.stdout)![1]!;
    expect(password).to.have.length.greaterThan(12);
    expect(statSync(join(dataDir, 'demo-password')).mode & 0o777).to.equal(0o600);
    expect(demo.stdout).to.include('lv.school.practitioner');
    expect(demo.stdout).to.include('er.chair'); // East Riding has child protection conferences
    expect(demo.stdout).not.to.include('lv.chair'); // Liverpool's procedure has no conference chair role
    expect(demo.stdout).to.match(/DEMO-0001 {2}east-riding/);

    const practitioner = await signIn(demo.base, 'lv.school.practitioner', password);
    const mine = await get<Listed>(demo.base, '/escalations?pageSize=100', practitioner);
    expect(
      mine.items.every((e) => e.partnership === 'liverpool' && /^DEMO-\d{4}$/.test(e.caseReference)),
    ).to.equal(true);
    const stands = new Set<string>();
    for (const e of mine.items) {
      const detail = await get<Detail>(demo.base, `/escalations/${e.id}`, practitioner);
      stands.add(`${detail.status}:${detail.openTasks.map((t) => t.elementId).join(',')}`);
    }
    expect(stands.size, [...stands].join(' | ')).to.be.at.least(3);
    expect([...stands].some((s) => s.startsWith('resolved'))).to.equal(true);

    const office = await signIn(demo.base, 'lv.office', password);
    const all = await get<Listed>(demo.base, '/escalations?pageSize=100', office);
    expect(all.total).to.be.greaterThan(mine.total); // partnership staff see every Liverpool escalation
    expect(await stop(demo)).to.equal(0);

    demo = await startDemo(dataDir);
    expect(demo.stdout).to.include('0 users and 0 escalations created this run');
    expect(/password: (\S+)/.exec(demo.stdout)![1]).to.equal(password);
    const again = await get<Listed>(
      demo.base,
      '/escalations?pageSize=100',
      await signIn(demo.base, 'lv.office', password),
    );
    expect(again.items.map((e) => e.caseReference).sort()).to.deep.equal(
      all.items.map((e) => e.caseReference).sort(),
    );
    expect(await stop(demo)).to.equal(0);
    expect(existsSync(join(dataDir, 'escalations.sqlite'))).to.equal(true);
  });
});
