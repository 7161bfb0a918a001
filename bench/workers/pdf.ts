/** Milliseconds per PDF for every document definition, rendered in process with realistic data. */
import { DOCUMENTS } from '../../forms/documents/index.js';
import { renderPdf } from '../../workers/form/pdf.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { pct } from '../figures.js';

export async function pdfTimings(samples: number): Promise<Record<string, { p50: number; p99: number }>> {
  const partnerships = loadPartnerships();
  const out: Record<string, { p50: number; p99: number }> = {};
  for (const def of DOCUMENTS.values()) {
    const partnership = partnerships.find((p) => def.form.startsWith(p.settings.id))!;
    const data = def.schema.parse(
      def.build({
        escalationId: 'bench-pdf',
        caseReference: 'CR-2026-00042',
        partnership,
        generatedAt: new Date('2026-11-05T10:00:00Z'),
        variable: (name) => VALUES[name],
        subject: { name: 'Alex Example', dateOfBirth: '2015-03-03', address: '1 Example Row, Beverley' },
        record: [],
      }),
    );
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await renderPdf(def, data, {
        caseReference: 'CR-2026-00042',
        partnershipName: partnership.settings.name,
        generatedAt: new Date('2026-11-05T10:00:00Z'),
        generatedOn: 'Thu 5 Nov 2026 at 10:00 GMT',
      });
      times.push(performance.now() - t0);
    }
    out[def.form] = { p50: pct(times, 50), p99: pct(times, 99) };
  }
  return out;
}

const VALUES: Record<string, unknown> = {
  raisedAt: new Date('2026-11-02T10:00:00Z'),
  raisedByRole: 'raising-professional',
  raisedByAgency: 'school',
  otherAgency: 'childrens-services',
  disagreement: 'Referral not accepted at the threshold for assessment',
  outcomeSought: 'An assessment',
  levelOfNeed: 'S17',
  outcome: 'resolved',
  agreedOutcome: 'A single assessment by Friday',
  actionPlan: 'Social worker visits by Friday; review in two weeks',
  stage4MeetingDate: new Date('2026-11-05T00:00:00Z'),
  seniorOfficers: [{ role: 'Head of Service', agency: 'childrens-services' }],
  agenciesInvolved: ['health'],
  lessons: ['training'],
  lessonsDetails: 'Threshold training for school staff',
};
