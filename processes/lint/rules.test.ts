import { expect } from 'chai';
import { join } from 'node:path';
import { findDiagrams, lintFile, type Problem } from './lint-bpmn.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', `${name}.bpmn`);
const rulesHit = (problems: Problem[]) => [...new Set(problems.map((p) => p.rule))].sort();

describe('bpmnlint: the escalations plugin on small fixtures', () => {
  it('Given a well-formed stage, When it is linted, Then there is no problem at all', async () => {
    expect(await lintFile(fixture('good'))).to.deep.equal([]);
  });

  it('Given a user task without a timer, When linted, Then stage-timer reports that task', async () => {
    const problems = await lintFile(fixture('no-timer'));
    expect(problems.map((p) => [p.rule, p.id])).to.deep.include(['escalations/stage-timer', 'Record']);
  });

  it('Given an unknown topic, When linted, Then external-topics names the topic', async () => {
    const [p] = (await lintFile(fixture('unknown-topic'))).filter(
      (x) => x.rule === 'escalations/external-topics',
    );
    expect(p?.message).to.contain('Unknown topic "escalation-email"');
  });

  it('Given a notify task without role and with an address input, When linted, Then both are reported', async () => {
    const messages = (await lintFile(fixture('missing-input'))).map((p) => p.message);
    expect(messages).to.include('Topic escalation-notify needs input "role"');
    expect(messages).to.include('Topic escalation-notify has no input "recipient"');
  });

  it('Given a timer and a condition on variables nobody sets, When linted, Then expression-variables reports both', async () => {
    const problems = (await lintFile(fixture('unset-variable'))).filter(
      (p) => p.rule === 'escalations/expression-variables',
    );
    expect(problems.map((p) => p.id).sort()).to.deep.equal(['Deadline', 'Flow_Resolved_to_Done']);
    expect(problems.map((p) => p.message).join()).to.contain('"stage2Due" in the timer');
  });

  it('Given a due date set on one branch only, When the branches join before the timer, Then it is reported', async () => {
    const problems = await lintFile(fixture('one-path-only'));
    expect(problems.map((p) => [p.rule, p.id])).to.deep.equal([
      ['escalations/expression-variables', 'Deadline'],
    ]);
  });

  it('Given a property path in a condition, When linted, Then no-json-property-path reports it', async () => {
    const [p] = (await lintFile(fixture('json-path'))).filter(
      (x) => x.rule === 'escalations/no-json-property-path',
    );
    expect(p?.message).to.contain('"plan.outcome"');
  });

  it('Given a process without historyTimeToLive, When linted, Then history-time-to-live reports it', async () => {
    expect(rulesHit(await lintFile(fixture('no-history-time-to-live')))).to.include(
      'escalations/history-time-to-live',
    );
  });

  it('Given a stage whose outcome leaves it without a record entry, When linted, Then stage-exits-recorded names the task and the exits', async () => {
    const problems = await lintFile(fixture('unrecorded-exit'));
    expect(problems.map((p) => [p.rule, p.id, p.message])).to.deep.equal([
      [
        'escalations/stage-exits-recorded',
        'Stage1_RecordOutcome',
        'A way out of Stage1 reaches Escalation_Resolved, Escalation_Unresolved without an escalation-record task of Stage1',
      ],
    ]);
  });

  it('Given a Stage 1 breach that goes to Stage 3, When linted, Then no-stage-skip reports the skipped stage', async () => {
    const problems = await lintFile(fixture('stage-skip'));
    expect(problems.map((p) => [p.rule, p.id, p.message])).to.deep.equal([
      [
        'escalations/no-stage-skip',
        'Stage1_RecordOutcome',
        'The breach path of Stage 1 goes to Stage3_Entry, skipping Stage 2',
      ],
    ]);
  });

  it('Given an empty stage input and an unknown side, When linted, Then external-topics reports both', async () => {
    const messages = (await lintFile(fixture('bad-inputs'))).map((p) => [p.id, p.message]);
    expect(messages).to.deep.equal([
      ['Stage1_NotifyParties', 'Input "stage" is empty; give it a value or remove it'],
      ['Stage1_NotifyParties', 'Input "side" is "everyone"; use one of raised-by, other, both, partnership'],
    ]);
  });

  it('Given a process without the Withdrawn event sub-process, When linted, Then withdrawal reports the process', async () => {
    const problems = await lintFile(fixture('no-withdrawal'));
    expect(problems.map((p) => [p.rule, p.id, p.message])).to.deep.equal([
      [
        'escalations/withdrawal',
        'NoWithdrawal',
        'No event sub-process "Withdrawn": an escalation must be withdrawable at any stage',
      ],
    ]);
  });

  it("Given the partnerships' diagrams, When linted with .bpmnlintrc, Then there is no problem", async () => {
    const files = findDiagrams([]);
    expect(files.length).to.be.at.least(9);
    const problems = (await Promise.all(files.map(lintFile))).flat();
    expect(problems).to.deep.equal([]);
  });
});
