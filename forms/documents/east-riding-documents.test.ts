import { expect } from 'chai';
import { eastRidingAppendixA } from './east-riding-appendix-a.js';
import { eastRidingMediationReport } from './east-riding-mediation-report.js';
import { expectField, onDay, render, sources, SUBJECT, TestRecord, type Rendered } from './test-fixtures.js';

describe('East Riding Appendix A "Stage 4 Monitoring Information" (Resolving Inter-Agency Disagreements, §4 Stage Four, Appendix A)', () => {
  let record: TestRecord;
  const variables = {
    raisedAt: new Date('2026-11-02T09:15:00Z'),
    raisedByRole: 'raising-professional',
    raisedByAgency: 'school',
    otherAgencyRole: 'other-agency-professional',
    otherAgency: 'childrens-services',
    raisedByName: 'Sam Teacher',
    raisedByEmail: 'sam.teacher@school.example.org',
    disagreement: 'Referral not accepted for assessment despite repeated neglect concerns',
    outcomeSought: 'A single assessment by Children’s Social Care',
    stage: '4',
    // Left over from Stage 3: the Appendix must read Stage 4's own form data from the record.
    outcome: 'unresolved',
    unresolvedReason: 'Stage 3 managers could not agree',
  };
  beforeEach(() => {
    record = new TestRecord('east-riding')
      .add('2026-11-02', { kind: 'escalation-raised', elementId: 'Raise_Record' })
      .add('2026-11-02', { kind: 'stage-outcome', stage: '1', outcome: 'unresolved' })
      .add('2026-11-03', { kind: 'stage-outcome', stage: '2', outcome: 'unresolved' })
      .add('2026-11-04', { kind: 'stage-breached', stage: '3', outcome: 'breached' });
  });
  afterEach(() => record.close());

  const stage4 = {
    stage4MeetingDate: onDay('2026-11-05'),
    seniorOfficers: [
      { role: 'Named Nurse Safeguarding', agency: 'health' },
      { role: 'Service Manager', agency: 'childrens-services' },
    ],
    agenciesInvolved: ['school', 'childrens-services', 'health'],
  };

  it('Given a Stage 4 resolved at a senior officers’ meeting, When Appendix A is generated, Then every field of the appendix shows its value', async () => {
    record.add('2026-11-05', {
      kind: 'stage-outcome',
      stage: '4',
      outcome: 'resolved',
      payload: {
        outcome: 'resolved',
        agreedOutcome: 'Single assessment to start on 9 November',
        ...stage4,
      },
    });
    const r = await render(
      eastRidingAppendixA,
      sources({ partnership: 'east-riding', variables, subject: SUBJECT, record }),
    );
    expect(r.text).to.include('Appendix A: Stage 4 Monitoring Information');
    expect(r.text).to.include('Resolving Inter-Agency Disagreements');
    expect(r.text).to.include('reviewed Feb 2018');
    expectAppendixAHead(r);
    expectField(r.text, 'Names of Senior Officers involved at Stage 4 and their Agency', [
      'Named Nurse Safeguarding, Health',
      "Service Manager, Children's Services",
    ]);
    expectField(r.text, 'Outcome', [
      'Resolved at Stage 4',
      'Agreed outcome: Single assessment to start on 9 November',
    ]);
    expect(r.missing).to.deep.equal(['Family Details – First Name, Surname and DOB: Parents']);
  });

  it('Given a Stage 4 that ran out of time after a first discussion, When Appendix A is generated again, Then its Outcome says so and keeps the meeting', async () => {
    record
      .add('2026-11-05', {
        kind: 'stage-outcome',
        stage: '4',
        outcome: 'next-level',
        payload: { outcome: 'next-level', ...stage4 },
      })
      .add('2026-11-09', { kind: 'stage-breached', stage: '4', outcome: 'breached' });
    const r = await render(
      eastRidingAppendixA,
      sources({ partnership: 'east-riding', variables, subject: SUBJECT, record }),
    );
    expectAppendixAHead(r);
    expectField(r.text, 'Outcome', [
      'Not completed within the timescale: the Stage 4 deadline passed on Mon 9 Nov 2026; Stage Five, resolution through mediation using an ERSCP chaired meeting, begins',
    ]);
    expect(r.text).to.not.include('Stage 3 managers could not agree');
  });

  it('Given a Stage 4 entry that kept no form data, When Appendix A is generated, Then the Stage 4 fields come from the variables', async () => {
    record.add('2026-11-05', { kind: 'stage-outcome', stage: '4', outcome: 'next-level' });
    const withStage4 = {
      ...variables,
      ...stage4,
      outcome: 'next-level',
      unresolvedReason: 'Needs a Head of Service',
    };
    const r = await render(
      eastRidingAppendixA,
      sources({
        partnership: 'east-riding',
        variables: withStage4,
        subject: { ...SUBJECT, parents: 'Jo Example, Chris Example' },
        record,
      }),
    );
    expectAppendixAHead(r, 'Jo Example, Chris Example');
    expectField(r.text, 'Outcome', [
      'Not resolved: the dispute is progressed through senior management up to Head of Service or Director level',
      'Why it is not resolved: Needs a Head of Service',
    ]);
  });

  function expectAppendixAHead(r: Rendered, parents: string | null = null): void {
    expectField(r.text, 'Date of Referral', 'Mon 2 Nov 2026');
    expectField(r.text, 'Name of Referrer', 'Sam Teacher');
    expectField(r.text, 'Job Title', 'The raising professional');
    expectField(r.text, 'Agency', 'School');
    expectField(r.text, 'Address/Email Address', 'sam.teacher@school.example.org');
    expect(r.text).to.include('Family Details – First Name, Surname and DOB');
    expectField(r.text, 'Parents', parents);
    expectField(r.text, 'Children', 'Alex Example, DOB 3 Mar 2015');
    expectField(r.text, 'Family Address', '1 Example Row, Beverley HU17 0ZZ');
    expectField(r.text, 'Agencies involved – in the dispute or in the case generally', [
      'School',
      "Children's Services",
      'Health',
    ]);
    expectField(r.text, 'Issues of Concern/Nature of Disagreement', [
      'Referral not accepted for assessment despite repeated neglect concerns',
      'Outcome sought: A single assessment by Children’s Social Care',
    ]);
    expectField(r.text, 'Dates and Outcomes of Stages 1, 2 and 3', [
      'Stage 1: Not resolved on Mon 2 Nov 2026',
      'Stage 2: Not resolved on Tue 3 Nov 2026',
      'Stage 3: deadline passed without an outcome on Wed 4 Nov 2026',
    ]);
    expectField(r.text, 'Date of Stage 4 Meeting/Discussion', 'Thu 5 Nov 2026');
  }
});

const stageFive = {
  outcome: 'resolved',
  agreedOutcome: 'Child protection strategy discussion to be held',
  discussionDate: '2026-11-12T00:00:00.000Z',
  mediatingAgency: 'police',
  otherProfessionals: [{ role: 'Head of Service', agency: 'childrens-services' }],
  agenciesInvolved: ['school', 'childrens-services'],
  decisionDetails: 'Strategy discussion by 16 November',
  issuesArising: 'Threshold guidance is read differently by schools',
};

describe('East Riding Stage Five report to the ERSCP Management, Evaluation and Effectiveness Group (§4 Stage Five)', () => {
  let record: TestRecord;
  beforeEach(() => {
    record = new TestRecord('east-riding')
      .add('2026-11-02', { kind: 'stage-outcome', stage: '1', outcome: 'unresolved' })
      .add('2026-11-03', { kind: 'stage-outcome', stage: '2', outcome: 'unresolved' })
      .add('2026-11-04', { kind: 'stage-outcome', stage: '3', outcome: 'unresolved' })
      .add('2026-11-06', { kind: 'stage-outcome', stage: '4', outcome: 'unresolved' })
      .add('2026-11-12', { kind: 'stage-outcome', stage: '5', outcome: 'resolved', payload: stageFive });
  });
  afterEach(() => record.close());

  const variables = {
    raisedByAgency: 'school',
    otherAgency: 'childrens-services',
    disagreement: 'Referral not accepted for assessment',
    outcomeSought: 'A single assessment',
    // The Stage 3 discussion's date: the report must show the meeting's own (from the record).
    discussionDate: onDay('2026-11-04'),
  };

  it('Given the mediation meeting’s outcome, When the chair’s report is generated, Then it shows the meeting, the issues, the decision and the issues arising, and no child', async () => {
    const s = sources({ partnership: 'east-riding', variables, subject: SUBJECT, record });
    const r = await render(eastRidingMediationReport, s);
    expect(r.text).to.include(
      'Stage Five: report to the ERSCP Management, Evaluation and Effectiveness Group',
    );
    expect(r.text).to.include('The ERSCP chaired meeting');
    expectField(r.text, 'Date of the meeting', 'Thu 12 Nov 2026');
    expectField(
      r.text,
      'Agency of the Partnership Member who chaired the meeting (an uninvolved agency)',
      'Police',
    );
    expectField(
      r.text,
      'The most senior managers with operational responsibility for the case: Role and Agency',
      ["Head of Service, Children's Services"],
    );
    expectField(r.text, 'The agencies directly involved in the case', ['School', "Children's Services"]);
    expectField(r.text, 'What the disagreement is about', [
      'Referral not accepted for assessment',
      'Outcome sought: A single assessment',
    ]);
    expectField(r.text, 'Dates and Outcomes of Stages 1 to 4', [
      'Stage 1: Not resolved on Mon 2 Nov 2026',
      'Stage 2: Not resolved on Tue 3 Nov 2026',
      'Stage 3: Not resolved on Wed 4 Nov 2026',
      'Stage 4: Not resolved on Fri 6 Nov 2026',
    ]);
    expectField(r.text, 'Outcome of the meeting', [
      'Resolved at the ERSCP chaired meeting',
      'Agreed outcome: Child protection strategy discussion to be held',
    ]);
    expectField(r.text, 'The decision as finalised', 'Strategy discussion by 16 November');
    expectField(
      r.text,
      'Issues arising from this process',
      'Threshold guidance is read differently by schools',
    );
    expect(r.missing).to.deep.equal([]);
    expect(r.text).to.not.include(SUBJECT.name);
    expect(r.text).to.not.include(SUBJECT.address);
  });
});
