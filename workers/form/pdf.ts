/**
 * Renders a document as PDF with pdfkit: the procedure's title, its citation, then each section's
 * labelled fields, "Not recorded" where nothing was recorded. Standard fonts only, and the
 * creation date is the generation time, so the same data gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import type { DocumentDefinition, FieldValue } from '../../forms/documents/document.js';

export const NOT_RECORDED = 'Not recorded';

export interface PdfHeader {
  caseReference: string;
  partnershipName: string;
  generatedAt: Date;
  generatedOn: string;
}

export function renderPdf(
  def: DocumentDefinition,
  data: Record<string, FieldValue>,
  header: PdfHeader,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: def.title,
      Subject: def.citation,
      CreationDate: header.generatedAt,
      Producer: 'Escalations',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text(def.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#505a5f').text(def.citation);
  doc.text(
    `${header.partnershipName}. Case reference ${header.caseReference}. Generated ${header.generatedOn}.`,
  );
  doc.fillColor('black');
  for (const section of def.sections) {
    if (section.heading) doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(section.heading);
    for (const field of section.fields) writeField(doc, field.label, data[field.key] ?? null);
  }
  if (def.holdsChildDetails) writeWarning(doc);
  doc.end();
  return done;
}

function writeWarning(doc: PDFKit.PDFDocument): void {
  doc.moveDown(1).font('Helvetica').fontSize(8).fillColor('#505a5f');
  doc.text(
    "This document holds a child's personal details. Keep it only where your agency's procedures allow.",
  );
}

function writeField(doc: PDFKit.PDFDocument, label: string, value: FieldValue): void {
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(label);
  const empty = value === null || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
  if (empty) {
    doc.font('Helvetica-Oblique').fontSize(10).text(NOT_RECORDED);
    return;
  }
  doc.font('Helvetica').fontSize(10);
  if (Array.isArray(value)) value.forEach((line) => doc.text(`• ${line}`));
  else doc.text(value);
}
