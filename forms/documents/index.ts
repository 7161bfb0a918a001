/**
 * Every document a diagram may name in an `escalation-form` task's `form` input. A test reads all
 * diagrams and fails on a form missing here.
 */
import type { DocumentDefinition } from './document.js';

const definitions: DocumentDefinition[] = [];

export const DOCUMENTS: ReadonlyMap<string, DocumentDefinition> = new Map(
  definitions.map((d) => [d.form, d]),
);
