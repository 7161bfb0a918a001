import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataDirectoryInUseError } from '../errors/data-directory-in-use-error.js';
import { acquireOwnerLock } from './owner-lock.js';

describe('engine store: the data directory owner lock (engine.sqlite.lock)', () => {
  let dir: string;
  let databaseFile: string;
  let lockFile: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'owner-lock-'));
    databaseFile = path.join(dir, 'engine.sqlite');
    lockFile = `${databaseFile}.lock`;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a free directory, When the lock is taken and released, Then the lock file exists meanwhile and is gone after', () => {
    const lock = acquireOwnerLock(databaseFile);
    expect(existsSync(lockFile)).to.equal(true);
    lock.release();
    expect(existsSync(lockFile)).to.equal(false);
    expect(existsSync(`${lockFile}-journal`)).to.equal(false);
    lock.release();
  });

  it('Given a held lock, When taken again, Then DataDirectoryInUseError; once released, Then it can be taken', () => {
    const first = acquireOwnerLock(databaseFile);
    expect(() => acquireOwnerLock(databaseFile)).to.throw(DataDirectoryInUseError);
    first.release();
    const second = acquireOwnerLock(databaseFile);
    second.release();
    expect(existsSync(lockFile)).to.equal(false);
  });

  it('Given a lock file left by an older release (with its owner row), When taken, Then it works and is removed on release', () => {
    const old = new Database(lockFile);
    old.exec('CREATE TABLE owner (pid INTEGER); INSERT INTO owner VALUES (12345)');
    old.close();
    acquireOwnerLock(databaseFile).release();
    expect(existsSync(lockFile)).to.equal(false);
  });

  it('Given an owner killed with SIGKILL, When the next one starts, Then the lock file it left does not block it', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import { acquireOwnerLock } from ${JSON.stringify(path.resolve(import.meta.dirname, 'owner-lock.ts'))};
         acquireOwnerLock(${JSON.stringify(databaseFile)}); console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    expect(() => acquireOwnerLock(databaseFile)).to.throw(DataDirectoryInUseError);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(lockFile)).to.equal(true);
    acquireOwnerLock(databaseFile).release();
    expect(existsSync(lockFile)).to.equal(false);
  });
});
