/**
 * `escalation deploy` as a process, over real HTTP: against our own `/engine-rest` in `npm test`,
 * and against Operaton when `ENGINE_URL` is set (`npm run test:reference`), which is exactly what
 * the README's "Running on Camunda 7 / Operaton" section tells IT to run.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadPartnerships } from '../../processes/catalogue.js';
import { forEachTarget, httpTargetNames } from '../conformance/harness/targets.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs bin/escalation.js asynchronously: our server under test lives in this same process. */
function escalation(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/escalation.js', ...args],
      { cwd: root, env: { ...process.env, ENGINE_URL: '', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A loopback port nothing listens on (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const keys = loadPartnerships().flatMap((p) => p.settings.diagrams.map((d) => d.key));

forEachTarget(
  'cli: escalation deploy',
  (target) => {
    const credentials = (): Record<string, string> => {
      const auth = target().auth;
      return auth ? { ENGINE_REST_USER: auth.user, ENGINE_REST_PASSWORD: auth.password } : {};
    };

    it('Given an engine URL, When deploy runs, Then every partnership diagram is a process definition there', async () => {
      const ran = await escalation(['deploy', '--engine-url', target().engineRestUrl!], credentials());
      expect(ran.stderr).to.equal('');
      expect(ran.code).to.equal(0);
      const deployed = await target().engine.listProcessDefinitions({ latestVersion: true });
      expect(deployed.map((d) => d.key)).to.include.members(keys);
      expect(keys).to.have.length.greaterThan(0);
    });

    it('Given the same files again, When deploy runs through ENGINE_URL, Then nothing new is defined', async () => {
      const before = await target().engine.countProcessDefinitions();
      const ran = await escalation(['deploy'], { ENGINE_URL: target().engineRestUrl!, ...credentials() });
      expect(ran.code).to.equal(0);
      expect(ran.stdout).to.match(/^Unchanged: deployment \S+ already holds these files\n$/);
      expect(await target().engine.countProcessDefinitions()).to.equal(before);
    });

    it('Given no engine URL at all, When deploy runs, Then it exits 2 saying what to give', async () => {
      const ran = await escalation(['deploy']);
      expect(ran.code).to.equal(2);
      expect(ran.stderr).to.contain('give --engine-url or ENGINE_URL');
    });

    it('Given a URL where nothing listens, When deploy runs, Then it exits 1 with one line naming the cause', async () => {
      const url = `http://127.0.0.1:${await freePort()}/engine-rest`;
      const ran = await escalation(['deploy', '--engine-url', url]);
      expect(ran.code).to.equal(1);
      expect(ran.stderr).to.match(/^escalation deploy: cannot reach the engine \(.+\)\n$/);
    });
  },
  httpTargetNames(),
);
