import { expect } from 'chai';
import { liverpoolAppendix1SummaryLog } from './liverpool-appendix-1-summary-log.js';
import { liverpoolAppendix2Report } from './liverpool-appendix-2-report.js';
import { expectField, onDay, render, sources, SUBJECT, TestRecord, type Rendered } from './test-fixtures.js';

const raise = {
  raisedAt: new Date('2026-11-02T09:00:00Z'),
  raisedByRole: 'raising-professional',
  raisedByAgency: 'school',
  otherAgencyRole: 'other-agency-professional',
  otherAgency: 'childrens-services',
  disagreement: 'Careline closed the referral without a visit',
  levelOfNeed: 'S17',
};

describe('Liverpool Appendix 1 "Agency Escalation Summary Log" (LSCB Resolution & Escalation Procedure, Stage 1, Stage 2, Appendix 1)', () => {
  let record: TestRecord;
  beforeEach(() => {
    record = new TestRecord('liverpool').add('2026-11-02', { kind: 'escalation-raised', stage: '1' });
  });
  afterEach(() => record.close());

  const log = {
    ...raise,
    stage: '1',
    agencyEscalationNumber: 'SCH-2026-014',
    concern: 'Bruising seen twice in a fortnight',
    actionsUndertaken: 'Phone call with the Careline social worker on 3 November',
  };

  function expectLogColumns(r: Rendered): void {
    expect(r.text).to.include('Appendix 1: Agency Escalation Summary Log');
    expect(r.text).to.include('version 180501');
    expectField(r.text, 'Agency / School', 'School');
    expectField(r.text, 'Agency / School & Escalation Number', 'School: SCH-2026-014');
    // Generated on Fri 27 Nov 2026: born 3 Mar 2015, so 11.
    expectField(r.text, 'Child Name / DOB / Age', 'Alex Example / 3 Mar 2015 / 11');
    expectField(r.text, 'Concern', 'Bruising seen twice in a fortnight');
    expectField(r.text, 'Level of Need', 'S17');
    expectField(
      r.text,
      'Summary of Professional Disagreement',
      'Careline closed the referral without a visit',
    );
    expectField(
      r.text,
      'Actions Undertaken Towards Resolution',
      'Phone call with the Careline social worker on 3 November',
    );
  }

  it('Given the workers could not resolve it at Stage 1, When the log is completed, Then every column shows its value and the outcome says it is escalated', async () => {
    record.add('2026-11-03', {
      kind: 'stage-outcome',
      stage: '1',
      outcome: 'unresolved',
      payload: {
        outcome: 'unresolved',
        unresolvedReason: 'Careline will not reopen without new information',
      },
    });
    const r = await render(
      liverpoolAppendix1SummaryLog,
      sources({ partnership: 'liverpool', variables: log, subject: SUBJECT, record }),
    );
    expectLogColumns(r);
    expectField(r.text, 'Outcome of Resolution', [
      'Matters remain unresolved: escalated',
      'Why it is not resolved: Careline will not reopen without new information',
    ]);
    expect(r.missing).to.deep.equal([]);
  });

  it('Given the line managers’ deadline passed, When the log records it as unresolved, Then the outcome names the breach and its day', async () => {
    record
      .add('2026-11-03', { kind: 'stage-outcome', stage: '1', outcome: 'unresolved' })
      .add('2026-11-04', { kind: 'stage-breached', stage: '1', outcome: 'breached' });
    const r = await render(
      liverpoolAppendix1SummaryLog,
      sources({ partnership: 'liverpool', variables: log, subject: SUBJECT, record }),
    );
    expectLogColumns(r);
    expectField(r.text, 'Outcome of Resolution', [
      'Not completed within the timescale: the Stage 1 deadline passed on Wed 4 Nov 2026; matters remain unresolved and are escalated',
    ]);
  });
});

describe('Liverpool Appendix 2 "Report to LSCB: Multi-Agency Resolution: Escalation Stages 3 and 4" (LSCB Resolution & Escalation Procedure, Appendix 2)', () => {
  let record: TestRecord;
  beforeEach(() => {
    record = new TestRecord('liverpool')
      .add('2026-11-02', { kind: 'escalation-raised', stage: '1' })
      .add('2026-11-03', { kind: 'stage-outcome', stage: '1', outcome: 'unresolved' })
      .add('2026-11-09', {
        kind: 'stage-outcome',
        stage: '2',
        outcome: 'unresolved',
        payload: {
          outcome: 'unresolved',
          unresolvedReason: 'Service managers disagree on the level of need',
        },
      });
  });
  afterEach(() => record.close());

  const stage3 = {
    ...raise,
    raisedByName: 'Jo Lead',
    raisedByEmail: 'jo.lead@school.example.org',
    otherProfessionals: [
      { role: 'Designated Nurse', agency: 'health' },
      { role: 'Assistant Director', agency: 'childrens-services' },
    ],
    discussionDate: onDay('2026-11-12'),
    resolutionMethod: 'Meeting of LSCB representatives with a partnership mediator',
  };

  /** After the resolution: the raising agency's report (lessons, further actions) and the Business Manager's part. */
  const resolvedAtStage3 = {
    ...stage3,
    stage: '3',
    lscbLevel: '3',
    outcome: 'resolved',
    lessons: ['training', 'agency-guidance'],
    lessonsDetails: 'Threshold briefings for Careline staff',
    furtherActions: [
      {
        action: 'Briefing on levels of need',
        byWhom: 'Careline Service Manager',
        dateCompleted: onDay('2026-11-18'),
      },
    ],
    businessManagerReceivedOn: onDay('2026-11-23'),
    executiveGroupOutcome: 'Reported to the Executive Group as a learning case',
    executiveGroupNotifiedOn: onDay('2026-12-04'),
  };

  function expectReportHead(r: Rendered): void {
    expect(r.text).to.include(
      'Appendix 2. Report to LSCB: Multi-Agency Resolution: Escalation Stages 3 and 4',
    );
    expectField(r.text, 'Name of Child / young Person', 'Alex Example');
    expectField(r.text, 'Date of Birth', '3 Mar 2015');
    expectField(r.text, 'Address', '1 Example Row, Beverley HU17 0ZZ');
    expectField(
      r.text,
      'Name and email of Professional Escalating concern',
      'Jo Lead, jo.lead@school.example.org',
    );
    expectField(r.text, 'Role and Agency', 'Designated Safeguarding Lead, School');
    expectField(
      r.text,
      'Name(s) of other professionals involved (Including LSCB Board Members where appropriate): Role and Agency',
      ['Designated Nurse, Health', "Assistant Director, Children's Services"],
    );
    expectField(r.text, 'Please indicate level of need: Early Help / S17 / S47', 'S17');
    expectField(r.text, 'Date of discussion/ Meeting re disagreement', 'Thu 12 Nov 2026');
    expectField(
      r.text,
      'Methodology used to resolve conflict',
      'Meeting of LSCB representatives with a partnership mediator',
    );
  }

  it('Given a disagreement resolved at Stage 3 with lessons and further actions, When the completed report goes to the LSCB Team, Then every field shows its value', async () => {
    record
      .add('2026-11-12', {
        kind: 'stage-outcome',
        stage: '3',
        outcome: 'resolved',
        payload: { outcome: 'resolved', agreedOutcome: 'Child and family assessment to start' },
      })
      .add('2026-11-20', {
        kind: 'lessons',
        stage: '3',
        actorRole: 'lscb-safeguarding-representative',
        actorAgency: 'school',
      });
    const r = await render(
      liverpoolAppendix2Report,
      sources({ partnership: 'liverpool', variables: resolvedAtStage3, subject: SUBJECT, record }),
    );
    expectReportHead(r);
    expectField(r.text, 'Brief details of inter agency disagreement (including agreed outcomes)', [
      'Careline closed the referral without a visit',
      'Stage 3: Resolved',
      'Agreed outcome: Child and family assessment to start',
    ]);
    expectField(r.text, 'Disagreement resolved at: Level 3 / Level 4', 'Level 3');
    expectField(
      r.text,
      'Please indicate lessons learned from this disagreement resolution (e.g. Individual agency review of procedure, requirement for staff training, further understanding of LSCB Levels of Need)',
      [
        'Requirement for staff training',
        'Individual agency review of procedure',
        'Threshold briefings for Careline staff',
      ],
    );
    expectField(
      r.text,
      'Please identify any further actions taken by your agency following the resolution of this issue: Actions taken / By whom / Date completed',
      ['Briefing on levels of need. By whom: Careline Service Manager. Date completed: Wed 18 Nov 2026'],
    );
    expectField(r.text, 'Form completed by', 'LSCB Representative, School');
    expectField(r.text, 'Form completed by LSCB Representative, School Date', 'Fri 20 Nov 2026');
    expect(r.text).to.include('To be completed by LSCB Business Manager');
    expectField(r.text, 'Date received by LSCB Business Manager', 'Mon 23 Nov 2026');
    expectField(
      r.text,
      'Outcome / Issues notified to LSCB Executive Group',
      'Reported to the Executive Group as a learning case',
    );
    expectField(r.text, 'Reported to the Executive Group as a learning case Date', 'Fri 4 Dec 2026');
    expect(r.missing).to.deep.equal([]);
  });

  it('Given matters escalated to Stage 3, When the report is referred to the Business Officer, Then it is not yet resolved and the later parts are missing', async () => {
    const r = await render(
      liverpoolAppendix2Report,
      sources({
        partnership: 'liverpool',
        variables: { ...stage3, stage: '3', outcome: 'unresolved' },
        subject: SUBJECT,
        record,
      }),
    );
    expectReportHead(r);
    expectField(r.text, 'Brief details of inter agency disagreement (including agreed outcomes)', [
      'Careline closed the referral without a visit',
      'Stage 2: Not resolved',
      'Why it is not resolved: Service managers disagree on the level of need',
    ]);
    expectField(r.text, 'Disagreement resolved at: Level 3 / Level 4', null);
    expectField(r.text, 'Form completed by', null);
    expectField(r.text, 'Date', 'Mon 9 Nov 2026');
    expect(r.missing).to.deep.equal([
      'Disagreement resolved at: Level 3 / Level 4',
      'Please indicate lessons learned from this disagreement resolution (e.g. Individual agency review of procedure, requirement for staff training, further understanding of LSCB Levels of Need)',
      'Please identify any further actions taken by your agency following the resolution of this issue: Actions taken / By whom / Date completed',
      'Form completed by',
      'To be completed by LSCB Business Manager: Date received by LSCB Business Manager',
      'To be completed by LSCB Business Manager: Outcome / Issues notified to LSCB Executive Group',
      'To be completed by LSCB Business Manager: Date',
    ]);
  });

  it('Given the referral’s entry names no actor, When actor variables are set, Then "Form completed by" is their role title and agency', async () => {
    const variables = {
      ...stage3,
      stage: '3',
      actorRole: 'organisation-safeguarding-representative',
      actorAgency: 'school',
    };
    const r = await render(
      liverpoolAppendix2Report,
      sources({ partnership: 'liverpool', variables, subject: SUBJECT, record }),
    );
    expectField(r.text, 'Form completed by', 'Senior School Improvement Officer Safeguarding (SIL), School');
    expectField(
      r.text,
      'Senior School Improvement Officer Safeguarding (SIL), School Date',
      'Mon 9 Nov 2026',
    );
  });
});
