import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { CommitFailedError } from '../errors/commit-failed-error.js';
import { GroupCommit } from './group-commit.js';

/** A WAL database with one table, a writer with group commit and an independent reader. */
function open(dir: string) {
  const file = join(dir, 'g.sqlite');
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = FULL');
  writer.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const reader = new Database(file, { readonly: true });
  const flushes: (() => void)[] = [];
  // The test closes each batch itself, so it can look between the steps and the commit.
  const commits = new GroupCommit(writer, (flush) => void flushes.push(flush));
  const insert = writer.prepare('INSERT INTO t (id, v) VALUES (?, ?)');
  const seen = () =>
    (reader.prepare('SELECT id FROM t ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  return { writer, reader, commits, flushes, insert, seen };
}

describe('Group commit: the steps of one turn share one transaction, each in its own savepoint', () => {
  let dir: string;
  let dbs: Db[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  });
  afterEach(() => {
    for (const db of dbs) if (db.open) db.close();
    dbs = [];
    rmSync(dir, { recursive: true, force: true });
  });
  const setup = () => {
    const s = open(dir);
    dbs = [s.writer, s.reader];
    return s;
  };

  it('Given three steps in one turn, when the turn ends, then one commit makes all three durable and none is visible before it', async () => {
    const { commits, flushes, insert, seen } = setup();
    for (const id of [1, 2, 3]) commits.run(() => insert.run(id, 'x'));
    expect(flushes).to.have.length(1);
    expect(seen()).to.deep.equal([]);
    let settled = false;
    const done = commits.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).to.equal(false);
    flushes.shift()!();
    await done;
    expect(seen()).to.deep.equal([1, 2, 3]);
    expect(commits.pending).to.equal(false);
  });

  it('Given a step that throws between two others, when the batch commits, then only the failing step is rolled back', async () => {
    const { commits, flushes, insert, seen } = setup();
    commits.run(() => insert.run(1, 'a'));
    const failing = () =>
      commits.run(() => {
        insert.run(2, 'b');
        throw new Error('step failed');
      });
    expect(failing).to.throw('step failed');
    commits.run(() => insert.run(3, 'c'));
    flushes.shift()!();
    await commits.settled();
    expect(seen()).to.deep.equal([1, 3]);
  });

  it('Given a nested unit that throws inside a unit that catches it, when committed, then the outer unit keeps its own writes', async () => {
    const { commits, flushes, insert, seen } = setup();
    commits.run(() => {
      insert.run(1, 'outer');
      try {
        commits.run(() => {
          insert.run(2, 'inner');
          throw new Error('inner failed');
        });
      } catch {
        // The outer step decides to carry on without the inner part.
      }
    });
    flushes.shift()!();
    await commits.settled();
    expect(seen()).to.deep.equal([1]);
  });

  it('Given a batch that SQLite gave up (the whole transaction rolled back), when it ends, then every waiter gets CommitFailedError and the next turn starts clean', async () => {
    const { writer, commits, flushes, insert, seen } = setup();
    commits.run(() => insert.run(1, 'a'));
    const waiting = commits.settled();
    // What an I/O error or a full disk does to the transaction: SQLite rolls it all back.
    expect(() => commits.run(() => writer.exec('ROLLBACK'))).to.throw();
    expect(() => commits.run(() => insert.run(2, 'b'))).to.throw(CommitFailedError);
    flushes.shift()!();
    const error = await waiting.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(CommitFailedError);
    expect(seen()).to.deep.equal([]);
    commits.run(() => insert.run(4, 'd'));
    flushes.shift()!();
    await commits.settled();
    expect(seen()).to.deep.equal([4]);
  });

  it('Given a pending batch, when flushed for shutdown, then it is committed at once', async () => {
    const { commits, insert, seen } = setup();
    commits.run(() => insert.run(7, 'x'));
    commits.flushNow();
    await commits.settled();
    expect(seen()).to.deep.equal([7]);
  });

  it('Given the default schedule, when steps run in one turn, then they commit at the end of that turn', async () => {
    const { writer, reader } = setup();
    const commits = new GroupCommit(writer);
    const insert = writer.prepare('INSERT INTO t (id, v) VALUES (?, ?)');
    commits.run(() => insert.run(10, 'x'));
    commits.run(() => insert.run(11, 'y'));
    expect(commits.pending).to.equal(true);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(commits.pending).to.equal(false);
    expect((reader.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).to.equal(2);
  });
});
