import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { memoryIo } from '../memory-io.js';
import { run } from './backup.js';

describe('cli: escalation backup (in process)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'backup-cli-'));
    mkdirSync(path.join(dir, 'data'));
    for (const [file, value] of [
      ['engine.sqlite', 'engine row'],
      ['escalations.sqlite', 'record row'],
    ]) {
      const db = new Database(path.join(dir, 'data', file!));
      db.exec(`CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('${value}')`);
      db.close();
    }
    writeFileSync(path.join(dir, 'data', 'data.key'), 'secret', { mode: 0o600 });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a target directory that does not exist yet, When backed up, Then both stores are copied, not the key, and it says where the key is (exit 0)', async () => {
    const target = path.join(dir, 'backups', 'nested', '2026-12-04');
    const io = memoryIo({ DATA_DIR: path.join(dir, 'data') });
    expect(await run([target], io), io.err).to.equal(0);
    for (const [file, value] of [
      ['engine.sqlite', 'engine row'],
      ['escalations.sqlite', 'record row'],
    ]) {
      const copy = new Database(path.join(target, file!), { readonly: true });
      expect(copy.prepare('SELECT x FROM t').pluck().get()).to.equal(value);
      copy.close();
    }
    expect(existsSync(path.join(target, 'data.key'))).to.equal(false);
    expect(io.out).to.include(
      `The encryption key is not in the backup: it is ${path.join(dir, 'data', 'data.key')}`,
    );
  });

  it('Given a target that exists, When backed up, Then exit 1 saying so, and nothing is written into it', async () => {
    const target = path.join(dir, 'data');
    const io = memoryIo({ DATA_DIR: path.join(dir, 'data') });
    expect(await run([target], io)).to.equal(1);
    expect(io.err).to.contain('already exists');
  });

  it('Given a data directory with nothing in it, When backed up, Then exit 1 naming what is missing', async () => {
    const io = memoryIo({ DATA_DIR: path.join(dir, 'empty') });
    expect(await run([path.join(dir, 'b')], io)).to.equal(1);
    expect(io.err).to.match(/nothing to back up: no engine\.sqlite or escalations\.sqlite in /);
    expect(existsSync(path.join(dir, 'b'))).to.equal(false);
  });
});
