import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { migrate } from './migrations.js';
import { EngineClosedError } from '../errors/engine-closed-error.js';
import { GroupCommit, type CommitStats } from './group-commit.js';
import type { EngineObserver } from '../observer.js';

const MAX_STATEMENTS = 500;

/** How hard each commit is pushed to disk (see docs/engine.md, "Durability"). */
export type SyncMode = 'NORMAL' | 'FULL';

/** The engine's SQLite connection with a cache of prepared statements and group commit. */
export class Store {
  private readonly statements = new Map<string, Statement>();
  private readonly commits: GroupCommit;

  constructor(
    readonly db: Db,
    observer: EngineObserver | null = null,
  ) {
    const committed = observer?.committed?.bind(observer) ?? null;
    this.commits = new GroupCommit(db, undefined, committed);
  }

  /** A prepared statement, compiled once per SQL text. */
  sql(text: string): Statement {
    if (!this.db.open) throw new EngineClosedError();
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
      // Queries with lists of ids have one text per list length: keep the cache bounded.
      if (this.statements.size > MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value!);
    }
    return statement;
  }

  /**
   * Runs `work` atomically: in its own savepoint of this turn's group commit, so a failure rolls
   * back `work` alone. Its writes are durable once {@link settled} resolves, not before.
   */
  transaction<T>(work: () => T): T {
    if (!this.db.open) throw new EngineClosedError();
    return this.commits.run(work);
  }

  /**
   * Resolves when everything written so far is committed (at once when nothing is pending).
   * Answers wait for it: an acknowledged step is a durable step.
   */
  settled(): Promise<void> {
    return this.commits.settled();
  }

  /** Group commits so far and the units (steps, fetches, commands) they carried. */
  get commitStats(): CommitStats {
    return { ...this.commits.stats };
  }

  /** Commits what is pending, then closes the connection. */
  close(): void {
    if (!this.db.open) return;
    this.commits.flushNow();
    this.db.close();
  }
}

/** Opens (creating if needed) the database in WAL mode and applies pending migrations. */
export function openStore(
  file: string,
  sync: SyncMode = 'FULL',
  observer: EngineObserver | null = null,
): Store {
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.pragma('foreign_keys = OFF');
  // Keep a bounded page cache (≈ 16 MiB) so memory stays flat however many instances wait.
  db.pragma('cache_size = -16000');
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return new Store(db, observer);
}
