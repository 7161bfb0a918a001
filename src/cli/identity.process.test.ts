/**
 * The identity commands as a user runs them (issue 14 "Every CLI command works while `npm start`
 * holds DATA_DIR"): the real `escalation` executable in child processes beside a real running
 * product, whose API then accepts (and, after `users disable`, refuses) the user's password,
 * session and token.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, startMain, type Started } from '../main.test-harness.js';
import { tempDir } from '../../test/support/temp-dir.js';

const PASSWORD = 'correct horse battery staple';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command line with `sh -c` in the repository, `stdin` written to it; to its end. */
function sh(command: string, env: Record<string, string>, stdin = ''): Promise<Ran> {
  const child = spawn('sh', ['-c', command], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('CLI: users and tokens beside a running npm start (issue 14)', () => {
  let dir: ReturnType<typeof tempDir>;
  let server: Started;
  let base: string;
  let env: Record<string, string>;
  before(async () => {
    dir = tempDir('cli-identity');
    env = { DATA_DIR: path.join(dir.path, 'data') };
    server = await startMain({ PORT: '0', HOST: '127.0.0.1', WORKERS: 'off', ...env });
    base = new URL(server.url).origin;
  });
  after(async () => {
    server?.child.kill('SIGTERM');
    if (server) expect(await server.exited).to.deep.equal({ code: 0, signal: null });
    dir?.remove();
  });

  const api = (method: string, p: string, headers: Record<string, string> = {}, body?: unknown) =>
    fetch(`${base}/api/v1${p}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('Given the product running on DATA_DIR, When users add, tokens create and users disable run beside it, Then the API signs the user in, takes the token from $(…), and refuses both once disabled', async () => {
    const added = await sh(
      'node bin/escalation.js users add sam --email sam@school.example.org --partnership liverpool --agency school --organisation st-marys --roles raising-professional --password-stdin',
      env,
      `${PASSWORD}\n`,
    );
    expect(added, added.stderr).to.deep.include({ code: 0, stderr: '' });
    const signedIn = await api('POST', '/session', {}, { username: 'sam', password: PASSWORD });
    expect(signedIn.status).to.equal(200);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;

    // The documented use: the token alone on stdout, captured by the shell.
    const created = await sh(
      'TOKEN=$(node bin/escalation.js tokens create sam --expires 7) && printf %s "$TOKEN"',
      env,
    );
    expect(created.code, created.stderr).to.equal(0);
    expect(created.stdout).to.match(/^esc_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/);
    const bearer = { authorization: `Bearer ${created.stdout}` };
    const who = await api('GET', '/session', bearer);
    expect(who.status).to.equal(200);
    expect(((await who.json()) as { user: { username: string } }).user.username).to.equal('sam');

    const listed = await sh('node bin/escalation.js users list --partnership liverpool', env);
    expect(listed).to.deep.equal({
      code: 0,
      stdout:
        'sam  sam@school.example.org  active\n  liverpool: school st-marys; roles raising-professional\n',
      stderr: '',
    });

    const disabled = await sh('node bin/escalation.js users disable sam', env);
    expect(disabled.stdout).to.equal('Disabled sam: 1 browser session ended, 1 token revoked.\n');
    expect((await api('GET', '/session', bearer)).status).to.equal(401);
    expect((await api('GET', '/session', { cookie })).status).to.equal(401);
    expect((await api('POST', '/session', {}, { username: 'sam', password: PASSWORD })).status).to.equal(401);

    const verified = await sh('node bin/escalation.js audit verify', env);
    expect(verified.code, verified.stderr).to.equal(0);
  });

  it('Given a mistake, When the command runs beside the product, Then exit 2 with one line naming the option and no stack trace', async () => {
    const ran = await sh(
      'node bin/escalation.js users add bob --email bob@example.org --partnership liverpool --agency police --roles raising-professional --password-stdin',
      env,
      `${PASSWORD}\n`,
    );
    expect(ran.code).to.equal(2);
    expect(ran.stdout).to.equal('');
    expect(ran.stderr).to.match(/^escalation users: --agency: unknown agency "police" in liverpool; one of /);
    expect(ran.stderr.trimEnd().split('\n')).to.have.length(1);
    const short = await sh(
      'node bin/escalation.js users set-password sam --password-stdin',
      env,
      'too short\n',
    );
    expect(short).to.deep.equal({
      code: 2,
      stdout: '',
      stderr: 'escalation users: --password-stdin: a password has at least 12 characters\n',
    });
  });
});
