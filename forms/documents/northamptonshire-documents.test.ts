import { expect } from 'chai';
import { northamptonshirePartnershipReport } from './northamptonshire-partnership-report.js';
import { expectField, onDay, render, sources, TestRecord, type Rendered } from './test-fixtures.js';

const variables = {
  raisedAt: new Date('2026-11-02T11:00:00Z'),
  raisedByRole: 'raising-professional',
  raisedByAgency: 'school',
  otherAgencyRole: 'other-agency-professional',
  otherAgency: 'health',
  disagreement: 'Health visiting declined a joint visit',
  mediationOfferedOn: onDay('2026-11-25'),
  mediatingAgency: 'police',
  lessons: ['training', 'partnership-guidance'],
  lessonsDetails: 'Joint visits protocol to be clarified',
  // Left over from Stage 3: the mediation's own date comes from the Stage 5 entry.
  discussionDate: onDay('2026-11-16'),
};

/** Stages 1 to 3 as the record holds them: Stage 3 climbs one management level, then runs out of time. */
function stagesOneToThree(): TestRecord {
  return new TestRecord('northamptonshire')
    .add('2026-11-03', {
      kind: 'stage-outcome',
      stage: '1',
      outcome: 'unresolved',
      payload: { outcome: 'unresolved', unresolvedReason: 'Threshold disputed' },
    })
    .add('2026-11-10', { kind: 'stage-outcome', stage: '2', outcome: 'unresolved' })
    .add('2026-11-16', { kind: 'stage-outcome', stage: '3', outcome: 'next-level' })
    .add('2026-11-20', { kind: 'stage-breached', stage: '3', outcome: 'breached' });
}

function expectTheCase(r: Rendered): void {
  expect(r.text).to.include('Report on the case to the Partnership');
  expect(r.text).to.include('Tea-break guide "Professional Disagreements"');
  expectField(r.text, 'Date the disagreement was raised', 'Mon 2 Nov 2026');
  expectField(r.text, 'The professionals who disagree: Role and Agency', [
    'The raising professional, School',
    "The other agency's professional, Health",
  ]);
  expectField(r.text, 'What the disagreement is about', ['Health visiting declined a joint visit']);
  expectField(r.text, 'Learning points recorded and brought forward', [
    'Training needs',
    'New partnership practice guidance',
    'Joint visits protocol to be clarified',
  ]);
  expect(r.text).to.include('Stage 5 – Partnership');
  expectField(r.text, 'Date a Strategic Lead offered mediation', 'Wed 25 Nov 2026');
  expectField(r.text, 'Partner providing mediation', 'Police');
}

describe('Northamptonshire report on the case to the Partnership (Tea-break guide "Professional Disagreements", Stage 5)', () => {
  let record: TestRecord;
  beforeEach(() => {
    record = stagesOneToThree();
  });
  afterEach(() => record.close());

  it('Given mediation after Stage 4, When the partner’s report is generated, Then it shows the stages, the learning points, the offer and the outcome with its plan', async () => {
    record
      .add('2026-11-23', {
        kind: 'stage-outcome',
        stage: '4',
        outcome: 'unresolved',
        payload: {
          outcome: 'unresolved',
          actionPlan: 'Directors to meet by 25 November',
          register: 'case-record',
        },
      })
      .add('2026-11-23', { kind: 'lessons', stage: '4' })
      .add('2026-11-25', { kind: 'mediation-offered', stage: '5' })
      .add('2026-12-01', {
        kind: 'stage-outcome',
        stage: '5',
        outcome: 'resolved',
        payload: {
          outcome: 'resolved',
          discussionDate: '2026-12-01T00:00:00.000Z',
          agreedOutcome: 'Early help assessment led by the school',
          actionPlan: 'Assessment started by 4 December; review on 18 December',
        },
      });
    const r = await render(
      northamptonshirePartnershipReport,
      sources({ partnership: 'northamptonshire', variables, record }),
    );
    expectTheCase(r);
    expectField(r.text, 'Stages reached: dates, outcomes and plans of action', [
      'Stage 1: Not resolved on Tue 3 Nov 2026. Why it is not resolved: Threshold disputed',
      'Stage 2: Not resolved on Tue 10 Nov 2026',
      'Stage 3: Not resolved: referred to the next level of management on Mon 16 Nov 2026',
      'Stage 3: deadline passed without an outcome on Fri 20 Nov 2026',
      'Stage 4: Not resolved on Mon 23 Nov 2026. Plan of action, with timescales: Directors to meet by 25 November',
    ]);
    expectField(
      r.text,
      'Date referred to the Business Office of the Safeguarding Children Partnership',
      'Mon 23 Nov 2026',
    );
    expectField(r.text, 'Date of the mediation', 'Tue 1 Dec 2026');
    expectField(r.text, 'Outcome', [
      'Resolved through mediation',
      'Agreed outcome: Early help assessment led by the school',
    ]);
    expectField(
      r.text,
      'Mutually agreed plan of action, including timescales',
      'Assessment started by 4 December; review on 18 December',
    );
    expect(r.missing).to.deep.equal([]);
  });

  it('Given Stage 4 ran out of time and mediation did not resolve it, When the report is generated, Then the referral is the breach day and the outcome says why', async () => {
    record
      .add('2026-11-24', { kind: 'stage-breached', stage: '4', outcome: 'breached' })
      .add('2026-11-25', { kind: 'stage-breached', stage: '5', outcome: 'breached' })
      .add('2026-12-01', {
        kind: 'stage-outcome',
        stage: '5',
        outcome: 'unresolved',
        payload: { outcome: 'unresolved', unresolvedReason: 'Health maintains its decision' },
      });
    const r = await render(
      northamptonshirePartnershipReport,
      sources({ partnership: 'northamptonshire', variables, record }),
    );
    expectTheCase(r);
    expectField(
      r.text,
      'Date referred to the Business Office of the Safeguarding Children Partnership',
      'Tue 24 Nov 2026',
    );
    expectField(r.text, 'Outcome', [
      'Not resolved through mediation',
      'Why it is not resolved: Health maintains its decision',
    ]);
    expectField(r.text, 'Date of the mediation', null);
    expectField(r.text, 'Mutually agreed plan of action, including timescales', null);
    expect(r.missing).to.deep.equal([
      'Stage 5 – Partnership: Date of the mediation',
      'Stage 5 – Partnership: Mutually agreed plan of action, including timescales',
    ]);
  });
});
