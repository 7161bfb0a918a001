/**
 * The procedures' documents (Appendix A, Appendices 1 and 2, the mediation and partnership
 * reports), each described once: its headings and fields exactly as the procedure prints them, a
 * zod schema of its JSON data, and how each field is filled from the escalation's variables, the
 * protected store and the record. A field nobody recorded is null: "Not recorded" in the PDF and
 * listed in the JSON's `missing`; it never blocks a stage.
 */
import { z } from 'zod';
import type { PartnershipEntry } from '../../processes/catalogue.js';
import type { RecordEntry } from '../../src/record/record-store.js';
import type { Subject } from '../../src/subjects/subject.js';

/** A field's value: text, lines (a list), or null when not recorded. */
export type FieldValue = string | string[] | null;

export const fieldValue = z.union([z.string(), z.array(z.string()), z.null()]);

export interface DocumentField {
  key: string;
  /** The procedure's own label. */
  label: string;
}

export interface DocumentSection {
  heading: string | null;
  fields: readonly DocumentField[];
}

/** Everything a document may be filled from. */
export interface DocumentSources {
  escalationId: string;
  caseReference: string;
  partnership: PartnershipEntry;
  generatedAt: Date;
  /** A process variable's value (Date, text, number, flag, parsed Json), or undefined. */
  variable(name: string): unknown;
  /** The child's details from the protected store, or null when none were given. */
  subject: Subject | null;
  /** The escalation's record entries so far, in order. */
  record: readonly RecordEntry[];
}

export interface DocumentDefinition {
  /** The `form` input that names it in a diagram. */
  form: string;
  title: string;
  /** The procedure, its edition and the section, as published. */
  citation: string;
  sections: readonly DocumentSection[];
  /**
   * Whether it holds the child's details from the protected store. Every document is encrypted at
   * rest and access-controlled either way; this only decides the PDF's warning footer.
   */
  holdsChildDetails: boolean;
  /** The JSON data's fields (every section field's key, each a {@link FieldValue}). */
  schema: z.ZodObject<Record<string, typeof fieldValue>>;
  build(sources: DocumentSources): Record<string, FieldValue>;
}

/** A definition whose schema is derived from its sections, so labels and data never disagree. */
export function defineDocument(d: Omit<DocumentDefinition, 'schema'>): DocumentDefinition {
  const keys = d.sections.flatMap((s) => s.fields.map((f) => f.key));
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice !== undefined) throw new Error(`document "${d.form}" has two fields keyed "${twice}"`);
  return { ...d, schema: z.object(Object.fromEntries(keys.map((k) => [k, fieldValue]))).strict() };
}

/**
 * The labels of fields not recorded, in document order; a field under a heading is named with it
 * (`To be completed by LSCB Business Manager: Date`), so two fields of the same label stay apart.
 */
export function missingLabels(def: DocumentDefinition, data: Record<string, FieldValue>): string[] {
  return def.sections.flatMap((s) =>
    s.fields
      .filter((f) => {
        const v = data[f.key];
        return v === null || v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '');
      })
      .map((f) => (s.heading ? `${s.heading}: ${f.label}` : f.label)),
  );
}
