import type { Database } from 'better-sqlite3';
import { SCHEMA_V1 } from './schema-v1.js';
import { migrateToV2 } from './migration-v2.js';
import { migrateToV3 } from './migration-v3.js';
import { migrateToV4 } from './migration-v4.js';

/** One step of the schema's history. `up` runs inside the migration's transaction. */
export interface Migration {
  version: number;
  description: string;
  up(db: Database): void;
}

/**
 * Every schema version, oldest first. A data directory records its version in SQLite's
 * `user_version`; opening it applies the missing steps in order, each in its own transaction.
 * Released steps are never edited: a change is a new step.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'initial schema', up: (db) => db.exec(SCHEMA_V1) },
  { version: 2, description: 'candidate groups on the user task row', up: migrateToV2 },
  { version: 3, description: "definition category (the diagram's targetNamespace)", up: migrateToV3 },
  { version: 4, description: 'fetch-and-lock index in priority order', up: migrateToV4 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Brings the database to {@link LATEST_SCHEMA_VERSION} (or `target`); returns the versions applied. */
export function migrate(db: Database, target = LATEST_SCHEMA_VERSION): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(
      `The data directory has schema version ${current}, newer than this engine's ${LATEST_SCHEMA_VERSION}. ` +
        'Upgrade the application before opening it.',
    );
  }
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
