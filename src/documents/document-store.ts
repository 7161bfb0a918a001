/**
 * Generated documents (the procedures' forms as PDF and as JSON data), encrypted at rest with the
 * data key: they hold the child's details. One document per external task, so a redelivered task
 * finds its document instead of making another. Read only through the access-controlled API or
 * the audited CLI.
 */
import { randomUUID } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import { seal, unseal } from '../crypto/seal.js';

export interface NewDocument {
  externalTaskId: string | null;
  escalationId: string;
  caseReference: string;
  partnership: string;
  form: string;
  elementId: string | null;
  createdAt: Date;
  /** Labels of fields not recorded ("Not recorded" in the PDF). */
  missing: readonly string[];
  pdf: Buffer;
  json: unknown;
}

/** A document's metadata (no content). */
export interface DocumentInfo {
  id: string;
  externalTaskId: string | null;
  escalationId: string;
  caseReference: string;
  partnership: string;
  form: string;
  elementId: string | null;
  createdAt: string;
  missing: string[];
}

interface Row {
  id: string;
  external_task_id: string | null;
  escalation_id: string;
  case_reference: string;
  partnership: string;
  form: string;
  element_id: string | null;
  created_at: string;
  missing: string;
  pdf: Buffer;
  json: Buffer;
}

const info = (r: Row): DocumentInfo => ({
  id: r.id,
  externalTaskId: r.external_task_id,
  escalationId: r.escalation_id,
  caseReference: r.case_reference,
  partnership: r.partnership,
  form: r.form,
  elementId: r.element_id,
  createdAt: r.created_at,
  missing: JSON.parse(r.missing) as string[],
});

export class DocumentStore {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
  ) {}

  /** The document an external task made, if any. */
  forTask(externalTaskId: string): DocumentInfo | undefined {
    const row = this.db.prepare('SELECT * FROM documents WHERE external_task_id = ?').get(externalTaskId) as
      Row | undefined;
    return row && info(row);
  }

  /** Stores a document (or returns the one its task already stored). */
  put(doc: NewDocument): DocumentInfo {
    return this.db.transaction(() => {
      const existing = doc.externalTaskId ? this.forTask(doc.externalTaskId) : undefined;
      if (existing) return existing;
      const id = randomUUID();
      this.db
        .prepare(
          `INSERT INTO documents (id, external_task_id, escalation_id, case_reference, partnership, form, element_id,
             created_at, missing, pdf, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          doc.externalTaskId,
          doc.escalationId,
          doc.caseReference,
          doc.partnership,
          doc.form,
          doc.elementId,
          doc.createdAt.toISOString(),
          JSON.stringify(doc.missing),
          seal(this.key, doc.pdf, `document-pdf:${id}`),
          seal(this.key, JSON.stringify(doc.json), `document-json:${id}`),
        );
      return this.get(id)!;
    })();
  }

  get(id: string): DocumentInfo | undefined {
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Row | undefined;
    return row && info(row);
  }

  forEscalation(escalationId: string): DocumentInfo[] {
    return (
      this.db
        .prepare('SELECT * FROM documents WHERE escalation_id = ? ORDER BY created_at, id')
        .all(escalationId) as Row[]
    ).map(info);
  }

  /** The PDF's bytes (decrypted). */
  pdf(id: string): Buffer {
    const row = this.db.prepare('SELECT pdf FROM documents WHERE id = ?').get(id) as
      { pdf: Buffer } | undefined;
    if (!row) throw new Error(`no document ${id}`);
    return unseal(this.key, row.pdf, `document-pdf:${id}`);
  }

  /** The JSON data (decrypted). */
  json(id: string): unknown {
    const row = this.db.prepare('SELECT json FROM documents WHERE id = ?').get(id) as
      { json: Buffer } | undefined;
    if (!row) throw new Error(`no document ${id}`);
    return JSON.parse(unseal(this.key, row.json, `document-json:${id}`).toString('utf8'));
  }
}
