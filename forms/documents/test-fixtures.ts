/**
 * What the document tests share: the partnerships as on disk, a real record on a temporary SQLite
 * database, sources built from plain variables, and a document rendered by the form worker's own
 * pdfkit renderer with its text extracted back by pdf-parse.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { PDFParse } from 'pdf-parse';
import { loadPartnerships, type PartnershipEntry } from '../../processes/catalogue.js';
import { RecordStore, type NewRecordEntry } from '../../src/record/record-store.js';
import { openAppDatabase } from '../../src/store/app-database.js';
import type { Subject } from '../../src/subjects/subject.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { NOT_RECORDED, renderPdf } from '../../workers/form/pdf.js';
import { missingLabels, type DocumentDefinition, type DocumentSources, type FieldValue } from './document.js';

const partnerships = new Map<string, PartnershipEntry>(loadPartnerships().map((p) => [p.settings.id, p]));

/** A partnership as loaded from `processes/`. */
export function partnership(id: string): PartnershipEntry {
  const p = partnerships.get(id);
  if (!p) throw new Error(`no partnership "${id}" in processes/`);
  return p;
}

/** A made-up child: never a real person's details. */
export const SUBJECT: Subject = {
  name: 'Alex Example',
  dateOfBirth: '2015-03-03',
  address: '1 Example Row, Beverley HU17 0ZZ',
};

export const ESCALATION_ID = 'esc-docs-0001';
export const CASE_REFERENCE = 'CR-2026-00042';

/** A London calendar day as the instant a stage form stores it (midnight UTC). */
export const onDay = (d: string) => new Date(`${d}T00:00:00.000Z`);

/** A real record store on a fresh temporary database, and a way to append entries to it. */
export class TestRecord {
  private readonly dir = tempDir('documents');
  private readonly db: Database = openAppDatabase(join(this.dir.path, 'escalations.sqlite'));
  private readonly store = new RecordStore(this.db, randomBytes(32));
  private count = 0;

  constructor(private readonly partnershipId: string) {}

  /** Appends an entry recorded at 10:00 London time (GMT in November) on `day`. */
  add(day: string, entry: Partial<NewRecordEntry> & Pick<NewRecordEntry, 'kind'>): this {
    this.count += 1;
    this.store.append({
      externalTaskId: `task-${this.count}`,
      escalationId: ESCALATION_ID,
      caseReference: CASE_REFERENCE,
      partnership: this.partnershipId,
      processInstanceId: 'pi-1',
      stage: null,
      elementId: `Element${this.count}`,
      actorRole: null,
      actorAgency: null,
      outcome: null,
      correctsSeq: null,
      recordedAt: new Date(`${day}T10:00:00Z`),
      payload: null,
      ...entry,
    });
    return this;
  }

  /** The escalation's entries, as the form worker reads them. */
  entries() {
    return this.store.forEscalation(ESCALATION_ID);
  }

  close(): void {
    this.db.close();
    this.dir.remove();
  }
}

/** What a test gives: the partnership, and any variables, child, record and generation time. */
export interface SourceInput {
  partnership: string;
  variables?: Record<string, unknown>;
  subject?: Subject | null;
  record?: TestRecord | null;
  generatedAt?: Date;
}

/** Document sources as the form worker builds them, from plain variables. */
export function sources(input: SourceInput): DocumentSources {
  const variables = input.variables ?? {};
  return {
    escalationId: ESCALATION_ID,
    caseReference: CASE_REFERENCE,
    partnership: partnership(input.partnership),
    generatedAt: input.generatedAt ?? new Date('2026-11-27T15:00:00Z'),
    variable: (name) => variables[name] ?? undefined,
    subject: input.subject ?? null,
    record: input.record?.entries() ?? [],
  };
}

/** A rendered document: its JSON data, what it lists missing, and the PDF's text. */
export interface Rendered {
  data: Record<string, FieldValue>;
  missing: string[];
  /** The PDF's text, pages joined, every run of whitespace (line wraps included) as one space. */
  text: string;
}

/** Builds the document as the form worker does (schema-checked), renders the PDF and reads it back. */
export async function render(def: DocumentDefinition, s: DocumentSources): Promise<Rendered> {
  const data = def.schema.parse(def.build(s));
  const pdf = await renderPdf(def, data, {
    caseReference: s.caseReference,
    partnershipName: s.partnership.settings.name,
    generatedAt: s.generatedAt,
    generatedOn: 'Fri 27 Nov 2026 at 15:00 GMT',
  });
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    // Pages joined without pdf-parse's page markers, so a field split by a page break still reads whole.
    const { pages } = await parser.getText();
    const text = pages.map((p) => p.text).join(' ');
    return { data, missing: missingLabels(def, data), text: text.replace(/\s+/g, ' ') };
  } finally {
    await parser.destroy();
  }
}

/** Asserts the PDF shows the field's label followed by exactly these value lines (or Not recorded). */
export function expectField(text: string, label: string, value: string | readonly string[] | null): void {
  const shown =
    value === null ? NOT_RECORDED : typeof value === 'string' ? value : value.map((l) => `• ${l}`).join(' ');
  expect(text, label).to.include(`${label} ${shown}`.replace(/\s+/g, ' '));
}

/** Every label of a document as `missingLabels` names it (qualified by its section's heading). */
export function allLabels(def: DocumentDefinition): string[] {
  return def.sections.flatMap((s) => s.fields.map((f) => (s.heading ? `${s.heading}: ${f.label}` : f.label)));
}
