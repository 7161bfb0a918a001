/**
 * The report as a printable PDF (pdfkit): the partnership, the period and the suppression rule,
 * then each section of report-sections.ts with the procedures' paragraphs that ask for it, its
 * chart (ECharts' SVG, drawn into the PDF as vectors by svg-to-pdfkit) and its table (pdfkit's own
 * tables, header cells marked as such). Small numbers are suppressed throughout, charts included.
 * Standard fonts only; the creation date is the generation time.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { formatLondonInstant } from '../calendar/index.js';
import type { PartnershipReport } from './report-schema.js';
import { cellText, reportSections, type ReportSection } from './report-sections.js';
import { renderChart, type ChartId } from './report-charts.js';
import { SUPPRESSION_NOTE } from './report-csv.js';
import { periodText } from './period.js';

const MARGIN = 48;
const GREY = '#505a5f';
/** A chart is drawn at this share of its SVG size (640 px wide → 480 pt, within A4's 499 pt). */
const SCALE = 0.75;

export function reportPdf(report: PartnershipReport, generatedAt: Date): Promise<Buffer> {
  const title = `Professional disagreements report: ${report.partnership.name}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: title,
      CreationDate: generatedAt,
      Producer: 'Escalations',
      Author: report.partnership.name,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text(title);
  doc.moveDown(0.4).font('Helvetica').fontSize(10).fillColor('black');
  doc.text(`Escalations raised ${periodText(report.period.from, report.period.to)} (London days).`);
  doc.text(`Record read as at ${formatLondonInstant(new Date(report.asAt))}.`);
  doc.text(`Generated ${formatLondonInstant(generatedAt)}.`);
  doc.moveDown(0.4).fillColor(GREY).fontSize(9).text(SUPPRESSION_NOTE).fillColor('black');
  for (const section of reportSections(report)) writeSection(doc, report, section);
  doc.end();
  return done;
}

function writeSection(doc: PDFKit.PDFDocument, report: PartnershipReport, section: ReportSection): void {
  ensureSpace(doc, 80);
  doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text(section.title, MARGIN);
  doc.font('Helvetica').fontSize(8.5).fillColor(GREY).text(section.cites).fillColor('black');
  if (section.chart) writeChart(doc, report, section.chart as ChartId);
  if (section.rows.length === 0) {
    doc.moveDown(0.4).font('Helvetica-Oblique').fontSize(10).text('None in this period.', MARGIN);
    return;
  }
  doc.moveDown(0.4);
  const header = ['', ...section.columns].map((text) => ({
    text,
    type: 'TH' as const,
    font: { src: 'Helvetica-Bold', size: 9 },
  }));
  const rows = section.rows.map((row) => [
    { text: row.label, type: 'TH' as const, font: { src: 'Helvetica', size: 9 } },
    ...row.cells.map((cell) => ({ text: cellText(cell, true), font: { src: 'Helvetica', size: 9 } })),
  ]);
  doc.table({
    position: { x: MARGIN },
    columnStyles: (i: number) => (i === 0 ? { width: 180 } : { width: '*' }),
    defaultStyle: { border: 0.5, borderColor: '#b1b4b6', padding: 3 },
    data: [header, ...rows],
  });
}

function writeChart(doc: PDFKit.PDFDocument, report: PartnershipReport, id: ChartId): void {
  const chart = renderChart(report, id, true);
  const size = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(chart.svg);
  const width = Number(size?.[1] ?? 640) * SCALE;
  const height = Number(size?.[2] ?? 300) * SCALE;
  ensureSpace(doc, height + 8);
  const y = doc.y + 6;
  SVGtoPDF(doc, chart.svg, MARGIN, y, { width, height, assumePt: false });
  doc.x = MARGIN;
  doc.y = y + height + 4;
}

/** Starts a new page unless `height` points are left on this one. */
function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}
