import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { ENGINE_DATABASE_FILE } from '../../src/config.js';
import { openEmbeddedEngine, type EmbeddedEngine } from '../../src/engine/embedded/index.js';
import { fixture } from '../engine/harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function engineWithWork(
  dataDir: string,
  clock: FakeClock,
): Promise<{ engine: EmbeddedEngine; ids: string[] }> {
  const engine = await openEmbeddedEngine({ databaseFile: join(dataDir, ENGINE_DATABASE_FILE), clock });
  await engine.deploy({
    name: 'one',
    resources: [{ name: 'one-task.bpmn', content: fixture('one-task.bpmn') }],
  });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++)
    ids.push((await engine.startProcessInstance({ definitionKey: 'one-task', businessKey: `b${i}` })).id);
  return { engine, ids };
}

describe('Durability: online backup and a single owner per data directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-durability-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a running engine, when `escalation backup` runs against its DATA_DIR, then the copy restores to a working engine with the same instances', async () => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    const clock = new FakeClock();
    const { engine, ids } = await engineWithWork(dataDir, clock);
    const target = join(dir, 'backup');
    const ran = spawnSync(process.execPath, ['bin/escalation.js', 'backup', target], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(ran.stderr).to.equal('');
    expect(ran.status).to.equal(0);
    expect(ran.stdout).to.include(
      `Backed up ${join(dataDir, ENGINE_DATABASE_FILE)} to ${join(target, ENGINE_DATABASE_FILE)}`,
    );
    // The live engine keeps working while and after the backup is taken.
    await engine.startProcessInstance({ definitionKey: 'one-task', businessKey: 'after-backup' });
    await engine.close();

    const restored = join(dir, 'restored');
    mkdirSync(restored);
    copyFileSync(join(target, ENGINE_DATABASE_FILE), join(restored, ENGINE_DATABASE_FILE));
    const again = await openEmbeddedEngine({ databaseFile: join(restored, ENGINE_DATABASE_FILE), clock });
    const instances = await again.listProcessInstances();
    expect(instances.map((i) => i.id).sort()).to.deep.equal([...ids].sort());
    const tasks = await again.fetchAndLock({
      workerId: 'w',
      maxTasks: 10,
      topics: [{ topicName: 'escalation-notify', lockDuration: 1000 }],
    });
    for (const task of tasks) await again.completeExternalTask(task.id, { workerId: 'w' });
    expect(await again.countProcessInstances()).to.equal(0);
    await again.close();
  });

  it('Given an existing target, when `escalation backup` runs, then it refuses and leaves it alone', () => {
    const target = join(dir, 'taken');
    mkdirSync(target);
    copyFileSync(join(root, 'test/fixtures/engine/one-task.bpmn'), join(target, 'engine.sqlite'));
    const ran = spawnSync(process.execPath, ['bin/escalation.js', 'backup', target], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(ran.status).to.equal(1);
    expect(ran.stderr).to.match(/^escalation backup: .*already exists/);
    expect(existsSync(join(target, 'engine.sqlite.partial'))).to.equal(false);
  });

  it('Given an engine owns a data directory, when a second engine opens it, then the second fails loudly and the first carries on', async () => {
    const databaseFile = join(dir, ENGINE_DATABASE_FILE);
    const clock = new FakeClock();
    const first = await openEmbeddedEngine({ databaseFile, clock });
    const error = await openEmbeddedEngine({ databaseFile, clock }).catch((e: unknown) => e);
    expect(error).to.include({ code: 'DATA_DIRECTORY_IN_USE' });
    expect((error as Error).message).to.contain('already open in another process');
    expect(await first.countProcessInstances()).to.equal(0);
    await first.close();
    const second = await openEmbeddedEngine({ databaseFile, clock });
    await second.close();
  });

  it('Given an engine owns a data directory, when another process tries to open it, then that process exits with the error', async () => {
    const databaseFile = join(dir, ENGINE_DATABASE_FILE);
    const first = await openEmbeddedEngine({ databaseFile, clock: new FakeClock() });
    const script = `import { openEmbeddedEngine } from './src/engine/embedded/index.ts';
      import { systemClock } from './src/clock/system-clock.ts';
      await openEmbeddedEngine({ databaseFile: ${JSON.stringify(databaseFile)}, clock: systemClock });`;
    const ran = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(ran.status).to.not.equal(0);
    expect(ran.stderr).to.contain('DataDirectoryInUseError');
    await first.close();
  });
});
