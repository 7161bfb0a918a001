import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { migrate } from './migrations.js';
import { EngineClosedError } from '../errors/engine-closed-error.js';

const MAX_STATEMENTS = 500;

/** How hard each commit is pushed to disk (see docs/engine.md, "Durability"). */
export type SyncMode = 'NORMAL' | 'FULL';

/** The engine's SQLite connection with a cache of prepared statements. */
export class Store {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Db) {}

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

  /** Runs `work` in one transaction (nested calls become savepoints). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating if needed) the database in WAL mode and applies pending migrations. */
export function openStore(file: string, sync: SyncMode = 'FULL'): Store {
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.pragma('foreign_keys = OFF');
  // Keep a bounded page cache (≈ 16 MiB) so memory stays flat however many instances wait.
  db.pragma('cache_size = -16000');
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return new Store(db);
}
