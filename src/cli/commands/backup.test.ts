import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
    const db = new Database(path.join(dir, 'data', 'engine.sqlite'));
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')");
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a target in a directory that does not exist yet, When backed up, Then the directory is created and the copy written (exit 0)', async () => {
    const target = path.join(dir, 'backups', 'nested', 'engine-2026-12-04.sqlite');
    const io = memoryIo({ DATA_DIR: path.join(dir, 'data') });
    expect(await run([target], io), io.err).to.equal(0);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT x FROM t').pluck().get()).to.equal('kept');
    copy.close();
  });

  it('Given a target that exists, When backed up, Then exit 1 saying so, and the file is untouched', async () => {
    const target = path.join(dir, 'data', 'engine.sqlite');
    const io = memoryIo({ DATA_DIR: path.join(dir, 'data') });
    expect(await run([target], io)).to.equal(1);
    expect(io.err).to.contain('already exists');
    expect(existsSync(target)).to.equal(true);
  });
});
