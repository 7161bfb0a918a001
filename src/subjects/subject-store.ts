/**
 * The protected store of children's details, keyed by partnership and case reference, encrypted
 * at rest (AES-256-GCM, bound to its key by associated data). Read only where a document is
 * rendered or an authorised person asks, and every read is audited by the caller.
 */
import type { Database as Db } from 'better-sqlite3';
import { sealJson, unsealJson } from '../crypto/seal.js';
import { sameSubject, type Subject } from './subject.js';

const aad = (partnership: string, caseReference: string) => `subject:${partnership}:${caseReference}`;

/** What a write did: stored a new record, found the same one, or found a different one (refused). */
export type PutResult = 'created' | 'unchanged' | 'replaced' | 'conflict';

export class SubjectStore {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
  ) {}

  get(partnership: string, caseReference: string): Subject | null {
    const row = this.db
      .prepare('SELECT sealed FROM subjects WHERE partnership = ? AND case_reference = ?')
      .get(partnership, caseReference) as { sealed: Buffer } | undefined;
    return row ? unsealJson<Subject>(this.key, row.sealed, aad(partnership, caseReference)) : null;
  }

  has(partnership: string, caseReference: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM subjects WHERE partnership = ? AND case_reference = ?')
        .get(partnership, caseReference) !== undefined
    );
  }

  /** Stores a subject; a different one already stored is a conflict unless `replace`. */
  put(partnership: string, caseReference: string, subject: Subject, now: Date, replace = false): PutResult {
    return this.db.transaction((): PutResult => {
      const existing = this.get(partnership, caseReference);
      if (existing && sameSubject(existing, subject)) return 'unchanged';
      if (existing && !replace) return 'conflict';
      const sealed = sealJson(this.key, subject, aad(partnership, caseReference));
      this.db
        .prepare(
          `INSERT INTO subjects (partnership, case_reference, sealed, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (partnership, case_reference) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
        )
        .run(partnership, caseReference, sealed, now.toISOString(), now.toISOString());
      return existing ? 'replaced' : 'created';
    })();
  }
}
