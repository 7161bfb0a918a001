/**
 * `GET /api/v1/documents/:id` over real HTTP, with the real workers generating the documents: the
 * Liverpool Summary Log (Appendix 1) that Stage 1 writes when it ends unresolved prints the child's
 * name and date of birth, so only those the procedure gives it to may read it.
 */
import { expect } from 'chai';
import { PDFParse } from 'pdf-parse';
import { unresolved } from '../../processes/scenarios/scenario.js';
import { appendix1 } from '../../processes/scenarios/liverpool.scenarios.js';
import { ApiHarness, type As } from './harness.js';
import { CHILD, completeThroughEngine, raiseThroughEngine, type Raised } from './engine-raise.js';

const APPENDIX_1 = 'liverpool-appendix-1-summary-log';

describe('API documents: GET /documents/:id (PDF or JSON, no-store, the access rule and the child’s details)', function () {
  this.timeout(120_000);
  let h: ApiHarness;
  let run: Raised;
  let documentId: string;
  let sam: As;
  let lena: As;
  let tess: As;
  let pat: As;

  before(async () => {
    h = await ApiHarness.start();
    await h.user('sam', {
      partnership: 'liverpool',
      agency: 'school',
      organisation: 'st-marys',
      roles: ['raising-professional'],
    });
    await h.user('lena', {
      partnership: 'liverpool',
      agency: 'school',
      organisation: 'st-marys',
      roles: ['line-manager'],
    });
    await h.user('tess', { partnership: 'liverpool', agency: null, roles: ['lscb-team'] });
    await h.user('pat', {
      partnership: 'liverpool',
      agency: 'merseyside-police',
      organisation: 'merseyside-police',
      roles: ['raising-professional', 'line-manager'],
    });
    sam = h.token('sam');
    lena = h.token('lena');
    tess = h.token('tess');
    pat = h.token('pat');
    run = await raiseThroughEngine(h, 'liverpool', { raisedBy: 'sam', raisedByOrganisation: 'st-marys' });
    await completeThroughEngine(h, run, 'Stage1_RecordOutcome', { ...unresolved, ...appendix1 });
    const [doc] = h.product.stores.documents.forEscalation(run.escalationId);
    expect(doc?.form).to.equal(APPENDIX_1);
    documentId = doc!.id;
  });
  after(async () => h?.stop());

  it('Given the raiser, When they fetch the Summary Log, Then it is the PDF the form worker made, inline, no-store, audited (liverpool Stage 1, Appendix 1)', async () => {
    const res = await h.call('GET', `/api/v1/documents/${documentId}`, sam);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/pdf');
    expect(res.headers.get('cache-control')).to.equal('no-store');
    expect(res.headers.get('content-disposition')).to.equal(`inline; filename="${APPENDIX_1}.pdf"`);
    const bytes = Buffer.from(await (await fetchAs(h, `/api/v1/documents/${documentId}`, sam)).arrayBuffer());
    expect(bytes.equals(h.product.stores.documents.pdf(documentId))).to.equal(true);
    const text = (await new PDFParse({ data: new Uint8Array(bytes) }).getText()).text;
    expect(text).to.include('Appendix 1: Agency Escalation Summary Log');
    expect(text).to.include(CHILD.name);
    const audited = h.product.stores.audit
      .forEscalation(run.escalationId)
      .filter((e) => e.action === 'document.read');
    expect(audited.map((e) => [e.actor, e.outcome])).to.deep.include([
      'token:' + tokenId(sam) + ':sam',
      'ok',
    ]);
  });

  it('Given the raising school’s line manager, When they ask for ?format=json, Then the data comes with its fields, missing labels and no-store', async () => {
    const res = await h.call<Record<string, unknown>>(
      'GET',
      `/api/v1/documents/${documentId}?format=json`,
      lena,
    );
    expect(res.status).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    expect(res.body).to.include({
      id: documentId,
      escalationId: run.escalationId,
      caseReference: run.caseReference,
      form: APPENDIX_1,
      title: 'Appendix 1: Agency Escalation Summary Log',
      elementId: 'Stage1_SummaryLog',
      holdsChildDetails: true,
    });
    const fields = res.body.fields as Record<string, unknown>;
    expect(String(fields.child)).to.include(CHILD.name);
    expect(fields.escalationNumber).to.include(appendix1.agencyEscalationNumber);
    expect(res.body.missing).to.be.an('array');
  });

  it('Given the LSCB Team, who see every Liverpool escalation but were sent no Stage 1 document and hold no Stage 1 role, When they fetch it, Then 403 (and it is audited as forbidden)', async () => {
    const res = await h.call('GET', `/api/v1/documents/${documentId}`, tess);
    expect(res.status).to.equal(403);
    expect(res.headers.get('content-type')).to.match(/application\/problem\+json/);
    expect(res.text).not.to.include(CHILD.name);
    const json = await h.call('GET', `/api/v1/documents/${documentId}?format=json`, tess);
    expect(json.status).to.equal(403);
    const outcomes = h.product.stores.audit
      .forEscalation(run.escalationId)
      .filter((e) => e.action === 'document.read' && e.actor.endsWith(':tess'))
      .map((e) => e.outcome);
    expect(outcomes).to.deep.equal(['forbidden', 'forbidden']);
  });

  it('Given a third agency (police) and an unknown id, When they fetch, Then both are the same 404 with no-store', async () => {
    const other = await h.call('GET', `/api/v1/documents/${documentId}`, pat);
    const unknown = await h.call('GET', '/api/v1/documents/00000000-0000-4000-8000-000000000000', pat);
    expect([other.status, unknown.status]).to.deep.equal([404, 404]);
    expect(other.body).to.deep.equal(unknown.body);
    expect(other.headers.get('cache-control')).to.equal('no-store');
  });

  it('Given a document that prints no child’s details (as the Northamptonshire partnership report), When the LSCB Team fetch one of their partnership’s, Then 200', async () => {
    const stored = h.product.stores.documents.put({
      externalTaskId: null,
      escalationId: run.escalationId,
      caseReference: run.caseReference,
      partnership: 'liverpool',
      form: 'northamptonshire-partnership-report',
      elementId: null,
      createdAt: new Date(h.clock.now()),
      missing: [],
      pdf: Buffer.from('%PDF-1.4 report'),
      json: { form: 'northamptonshire-partnership-report', title: 'Report', citation: 'c', fields: {} },
    });
    const res = await h.call('GET', `/api/v1/documents/${stored.id}?format=json`, tess);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ holdsChildDetails: false });
  });

  it('Given anyone, When format is not pdf or json, Then 400 naming the field; anonymous is 401', async () => {
    const bad = await h.call<{ errors: { path: string }[] }>(
      'GET',
      `/api/v1/documents/${documentId}?format=docx`,
      sam,
    );
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0]!.path).to.match(/format/);
    expect((await h.call('GET', `/api/v1/documents/${documentId}`, null)).status).to.equal(401);
  });
});

function tokenId(as: As): string {
  const token = (as as { token: string }).token;
  return token.split('_')[1]!;
}

function fetchAs(h: ApiHarness, path: string, as: As): Promise<Response> {
  return fetch(`${h.base}${path}`, {
    headers: { authorization: `Bearer ${(as as { token: string }).token}` },
  });
}
