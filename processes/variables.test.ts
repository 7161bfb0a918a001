import { expect } from 'chai';
import { ZodError } from 'zod';
import { parseStartVariables, START_VARIABLE_NAMES, toStartVariableMap } from './variables.js';

const valid = {
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
});
