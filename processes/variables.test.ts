import { expect } from 'chai';
import { ZodError } from 'zod';
import {
  OPTIONAL_START_VARIABLES,
  parseStartVariables,
  stageVariablesSchema,
  START_VARIABLE_NAMES,
  startVariablesFor,
  toStartVariableMap,
  type StartVariablesInput,
} from './variables.js';

const valid: StartVariablesInput = {
  escalationId: 'esc-2026-000123',
  raisedAt: new Date('2026-11-02T10:00:00Z'),
  partnership: 'liverpool',
  caseReference: 'LCC/2026/00042',
  raisedByRole: 'raising-professional',
  raisedByAgency: 'school',
  otherAgencyRole: 'other-agency-professional',
  otherAgency: 'childrens-services',
  disagreement: 'Referral not accepted at the threshold for assessment',
  outcomeSought: 'An assessment',
  timescaleSought: 'Within 5 working days',
  immediateRisk: false,
  childStatus: 'CPP',
};

function fieldOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZodError) return [...new Set(e.issues.map((i) => i.path.join('.')))];
  }
  return [];
}

describe('The escalation variable contract (processes/variables.ts)', () => {
  it('Given a complete raise, When parsed, Then defaults fill the context and the serious-concern flag', () => {
    const v = parseStartVariables(valid);
    expect(v.disagreementContext).to.equal('general');
    expect(v.seriousConcern).to.equal(false);
  });

  it('Given the parsed raise, When turned into engine variables, Then the raise time is a Date, flags Boolean, the rest String', () => {
    const map = toStartVariableMap(parseStartVariables(valid));
    expect(map.raisedAt).to.deep.equal({ type: 'Date', value: valid.raisedAt });
    expect(map.immediateRisk).to.deep.equal({ type: 'Boolean', value: false });
    expect(map.childStatus).to.deep.equal({ type: 'String', value: 'CPP' });
    expect(Object.keys(map).sort()).to.deep.equal([...START_VARIABLE_NAMES].sort());
  });

  it("Given a child's name typed as the case reference, When parsed, Then the caseReference field is rejected", () => {
    expect(fieldOf(() => parseStartVariables({ ...valid, caseReference: 'Jane Smith' }))).to.deep.equal([
      'caseReference',
    ]);
    expect(fieldOf(() => parseStartVariables({ ...valid, caseReference: 'JaneSmith' }))).to.deep.equal([
      'caseReference',
    ]);
  });

  it("Given an unknown field such as the child's date of birth, When parsed, Then it is rejected, never stored", () => {
    expect(fieldOf(() => parseStartVariables({ ...valid, childDateOfBirth: '2015-01-01' }))).to.deep.equal([
      '',
    ]);
  });

  it('Given bad values, When parsed, Then each bad field is named', () => {
    const fields = fieldOf(() =>
      parseStartVariables({ ...valid, childStatus: 'CP', partnership: 'leeds', immediateRisk: 'yes' }),
    );
    expect(fields.sort()).to.deep.equal(['childStatus', 'immediateRisk', 'partnership']);
  });

  it('Given a raise without the optional fields, When turned into engine variables, Then each is Null so every ${var} resolves', () => {
    expect([...OPTIONAL_START_VARIABLES].sort()).to.deep.equal([
      'levelOfNeed',
      'otherOrganisation',
      'raisedBy',
      'raisedByOrganisation',
      'stage3MaxLevels',
    ]);
    const map = toStartVariableMap(parseStartVariables(valid));
    for (const name of OPTIONAL_START_VARIABLES)
      expect(map[name], name).to.deep.equal({ type: 'Null', value: null });
  });

  it('Given a level of need and an organisation, When parsed, Then they are kept as String variables', () => {
    const map = toStartVariableMap(
      parseStartVariables({ ...valid, levelOfNeed: 'S47', otherOrganisation: 'careline' }),
    );
    expect(map.levelOfNeed).to.deep.equal({ type: 'String', value: 'S47' });
    expect(map.otherOrganisation).to.deep.equal({ type: 'String', value: 'careline' });
    expect(fieldOf(() => parseStartVariables({ ...valid, levelOfNeed: 'S18' }))).to.deep.equal([
      'levelOfNeed',
    ]);
  });

  it("Given Northamptonshire's stage3MaxLevels, When a raise is built, Then it is an Integer start variable", () => {
    const input = startVariablesFor({ stage3MaxLevels: 4 }, valid);
    expect(toStartVariableMap(parseStartVariables(input)).stage3MaxLevels).to.deep.equal({
      type: 'Integer',
      value: 4,
    });
    expect(startVariablesFor({}, valid)).to.equal(valid);
  });
});

describe('Stage variables: the fields the documents need (issue 12)', () => {
  it('Given Appendix A fields from a form, When parsed, Then the date is a Date and officers keep role and agency', () => {
    const v = stageVariablesSchema.parse({
      outcome: 'resolved',
      stage4MeetingDate: '2026-11-05',
      seniorOfficers: [{ role: 'Head of Service', agency: 'childrens-services' }],
      agenciesInvolved: ['health', 'childrens-services'],
    });
    expect(v.stage4MeetingDate).to.deep.equal(new Date('2026-11-05T00:00:00.000Z'));
    expect(v.seniorOfficers).to.deep.equal([{ role: 'Head of Service', agency: 'childrens-services' }]);
  });

  it('Given bad document fields, When parsed, Then each is named', () => {
    const r = stageVariablesSchema.safeParse({
      outcome: 'resolved',
      stage4MeetingDate: '5/11/2026',
      seniorOfficers: [{ role: 'Head of Service', agency: 'Children Services', name: 'A Person' }],
      furtherActions: [{ action: 'Training', byWhom: '' }],
      agencyEscalationNumber: 'no spaces allowed',
    });
    expect(r.success).to.equal(false);
    expect([...new Set(r.error!.issues.map((i) => i.path.join('.')))].sort()).to.deep.equal([
      'agencyEscalationNumber',
      'furtherActions.0.byWhom',
      'seniorOfficers.0',
      'seniorOfficers.0.agency',
      'stage4MeetingDate',
    ]);
  });

  it('Given a form date of 30 February or month 13, When parsed, Then it is refused as not a real calendar date (not rolled over into March)', () => {
    for (const day of ['2026-02-30', '2026-13-01', '2025-02-29']) {
      const r = stageVariablesSchema.safeParse({ outcome: 'resolved', discussionDate: day });
      expect(r.success, day).to.equal(false);
      expect(r.error!.issues.map((i) => i.path.join('.'))).to.deep.equal(['discussionDate']);
    }
    const leap = stageVariablesSchema.parse({ outcome: 'resolved', discussionDate: '2028-02-29' });
    expect(leap.discussionDate!.toISOString()).to.equal('2028-02-29T00:00:00.000Z');
  });
});
