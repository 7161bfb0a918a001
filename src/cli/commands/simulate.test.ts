import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../../../processes/catalogue.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { memoryIo } from '../memory-io.js';
import { run } from './simulate.js';

const NORTHAMPTONSHIRE = join(REPOSITORY_ROOT, 'processes/northamptonshire/escalation.bpmn');
const WILTSHIRE = join(REPOSITORY_ROOT, 'processes/wiltshire/escalation.bpmn');
const CHRISTMAS_EVE = ['--raised', '2026-12-24T10:00:00Z'];

interface JsonStage {
  elementId: string;
  due: string | null;
  compareDue: string | null;
  moved: boolean;
}

describe('cli: escalation simulate (in process, issue 16)', function () {
  this.timeout(60_000);
  const dir = tempDir('simulate-cli');
  after(() => dir.remove());

  it('Given Northamptonshire raised on Christmas Eve, When run, Then each stage is printed with its element id, name, start, deadline and the deadline worker’s explanation, where a breach leads, and how it was answered', async () => {
    const io = memoryIo();
    expect(await run([NORTHAMPTONSHIRE, ...CHRISTMAS_EVE], io)).to.equal(0);
    expect(io.err).to.equal('');
    const lines = io.out.split('\n');
    expect(lines[0]).to.equal(
      'What-if deadlines: escalation.bpmn (NorthamptonshireEscalation, Northamptonshire NSCP: professional disagreements)',
    );
    const first = lines.indexOf('1. Stage1_RecordOutcome: Record the agreed plan of action');
    expect(lines.slice(first + 1, first + 3)).to.deep.equal([
      '   Started    Thu 24 Dec 2026 at 10:00 GMT (2026-12-24T10:00:00.000Z)',
      '   Due        Wed 30 Dec 2026 at 10:00 GMT (2026-12-30T10:00:00.000Z)  [2 working days, stage1Due]',
    ]);
    expect(lines).to.include('              Skipped Fri 25 Dec 2026: Christmas Day');
    expect(lines).to.include(
      '   If missed  Stage1_Deadline "2 working days passed" leads to Stage1_NotifyBreach (Ask both line managers for a speedy response)',
    );
    expect(lines).to.include(
      '   Answered   Wed 30 Dec 2026 at 09:59 GMT: outcome "unresolved" (the branch that escalates)',
    );
    expect(lines.filter((l) => /^\d+\. /.test(l))).to.have.length(6);
    expect(lines).to.include(
      'Ended Mon 8 Feb 2027 at 09:54 GMT at Escalation_ClosedUnresolved (Closed unresolved, reported).',
    );
  });

  it('Given Wiltshire, When run, Then its stages say plainly that there is no fixed timescale, only a reminder', async () => {
    const io = memoryIo();
    expect(await run([WILTSHIRE, '--raised', '2027-03-25T10:00:00Z'], io)).to.equal(0);
    expect(io.out).to.include(
      '   Reminder   no fixed timescale; reminder Wed 31 Mar 2027 at 10:00 BST (2027-03-31T09:00:00.000Z)  [2 working days, safeguardingLeadReminderDue]',
    );
    expect(io.out).to.not.match(/^ {3}Due /m);
  });

  it('Given --json, When run, Then { stages: [{ elementId, name, startedAt, due, timescale, explanation, … }] } is printed', async () => {
    const io = memoryIo();
    expect(await run([NORTHAMPTONSHIRE, ...CHRISTMAS_EVE, '--json', '--outcomes', 'resolved'], io)).to.equal(
      0,
    );
    const printed = JSON.parse(io.out) as { stages: Record<string, unknown>[]; end: unknown };
    expect(printed.stages).to.have.length(1);
    expect(printed.stages[0]).to.include({
      elementId: 'Stage1_RecordOutcome',
      name: 'Record the agreed plan of action',
      startedAt: '2026-12-24T10:00:00.000Z',
      due: '2026-12-30T10:00:00.000Z',
      timescale: '2 working days',
      outcome: 'resolved',
      chosen: 'given',
    });
    expect(printed.stages[0]!.explanation).to.include('Skipped Mon 28 Dec 2026: Boxing Day (substitute day)');
    expect(printed.end).to.deep.include({ kind: 'completed', elementId: 'Escalation_Resolved' });
  });

  it('Given a copy of the diagram in a temp dir whose Stage 2 takes 7 working days instead of 5, When run with --compare, Then exactly the dates from Stage 2 on are marked as moved', async () => {
    const edited = join(dir.path, 'edited.bpmn');
    const original = readFileSync(NORTHAMPTONSHIRE, 'utf8');
    const changed = original.replace(
      '<camunda:property name="timescale" value="5 working days" /><camunda:property name="dueVariable" value="stage2Due" />',
      '<camunda:property name="timescale" value="7 working days" /><camunda:property name="dueVariable" value="stage2Due" />',
    );
    expect(changed).to.not.equal(original);
    writeFileSync(edited, changed);

    const json = memoryIo();
    expect(await run([NORTHAMPTONSHIRE, ...CHRISTMAS_EVE, '--compare', edited, '--json'], json)).to.equal(0);
    const printed = JSON.parse(json.out) as {
      stages: JsonStage[];
      compareOnly: unknown[];
      compareDiagram: string;
    };
    expect(printed.compareDiagram).to.equal('edited.bpmn');
    expect(printed.stages.map((s) => [s.elementId, s.moved])).to.deep.equal([
      ['Stage1_RecordOutcome', false],
      ['Stage2_RecordOutcome', true],
      ['Stage3_RecordOutcome', true],
      ['Stage4_RecordOutcome', true],
      ['Stage5_OfferMediation', true],
      // A reminder's date is a date too.
      ['Stage5_RecordOutcome', true],
    ]);
    // 5 working days from Wed 30 Dec 2026 09:59 skip New Year's Day: Thu 7 Jan; 7 working days: Mon 11 Jan.
    expect(printed.stages[1]).to.include({
      due: '2027-01-07T09:59:00.000Z',
      compareDue: '2027-01-11T09:59:00.000Z',
    });
    expect(printed.stages[0]).to.include({
      due: '2026-12-30T10:00:00.000Z',
      compareDue: '2026-12-30T10:00:00.000Z',
    });
    expect(printed.compareOnly).to.deep.equal([]);

    const text = memoryIo();
    expect(await run([NORTHAMPTONSHIRE, ...CHRISTMAS_EVE, '--compare', edited], text)).to.equal(0);
    expect(text.out).to.include(
      '   Due        Thu 7 Jan 2027 at 09:59 GMT           * Mon 11 Jan 2027 at 09:59 GMT',
    );
    expect(text.out).to.include(
      '5 working days                          7 working days  (timescale changed)',
    );
    expect(text.out).to.include('Dates marked * move. 5 stages have a date that moves.');
  });

  it('Given HOLIDAYS_FILE, When run, Then the server’s extra closure days count as the workers count them', async () => {
    const io = memoryIo({
      HOLIDAYS_FILE: join(REPOSITORY_ROOT, 'test/fixtures/calendar/holidays-override.json'),
    });
    expect(
      await run(
        [NORTHAMPTONSHIRE, '--raised', '2026-12-30T10:00:00Z', '--json', '--outcomes', 'resolved'],
        io,
      ),
    ).to.equal(0);
    const printed = JSON.parse(io.out) as { stages: JsonStage[] };
    expect(printed.stages[0]!.due).to.equal('2027-01-05T10:00:00.000Z');
  });

  it('Given a diagram whose process key no partnership lists, When run without --partnership, Then it asks for one; with it, the named partnership’s calendar is used', async () => {
    const renamed = join(dir.path, 'renamed.bpmn');
    writeFileSync(
      renamed,
      readFileSync(NORTHAMPTONSHIRE, 'utf8').replaceAll('NorthamptonshireEscalation', 'DraftEscalation'),
    );
    const without = memoryIo();
    expect(await run([renamed, ...CHRISTMAS_EVE], without)).to.equal(2);
    expect(without.err).to.equal(
      'escalation simulate: no partnership lists the process key "DraftEscalation"; give --partnership <id>\n',
    );
    const named = memoryIo();
    expect(
      await run([renamed, ...CHRISTMAS_EVE, '--partnership', 'northamptonshire', '--json'], named),
    ).to.equal(0);
    expect((JSON.parse(named.out) as { partnership: string }).partnership).to.equal('northamptonshire');
  });

  const bad: [string, (d: string) => string[], RegExp][] = [
    [
      'a missing file',
      () => [join(REPOSITORY_ROOT, 'processes/nowhere.bpmn'), ...CHRISTMAS_EVE],
      /: cannot read .*nowhere\.bpmn: no such file$/,
    ],
    [
      'a file that is not BPMN',
      (d) => {
        writeFileSync(
          join(d, 'broken.bpmn'),
          '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><oops',
        );
        return [join(d, 'broken.bpmn'), ...CHRISTMAS_EVE];
      },
      /: .*broken\.bpmn: not a BPMN 2\.0 diagram: /,
    ],
    [
      'an unknown outcome',
      () => [NORTHAMPTONSHIRE, ...CHRISTMAS_EVE, '--outcomes', 'unresolved,sorted'],
      /: unknown outcome "sorted"; outcomes are resolved, /,
    ],
    [
      'an outcome the stage does not offer',
      () => [NORTHAMPTONSHIRE, ...CHRISTMAS_EVE, '--outcomes', 'stuck'],
      /escalation\.bpmn: outcome "stuck" is not offered at Stage1_RecordOutcome \(Record the agreed plan of action\); it offers resolved, unresolved$/,
    ],
    [
      'a bad instant',
      () => [NORTHAMPTONSHIRE, '--raised', '24/12/2026'],
      /: raised "24\/12\/2026" is not an exact instant/,
    ],
    ['an instant without a zone', () => [NORTHAMPTONSHIRE, '--raised', '2026-12-24T10:00'], /Z or an offset/],
    ['no --raised', () => [NORTHAMPTONSHIRE], /: missing --raised <ISO instant>/],
    ['no diagram', () => [...CHRISTMAS_EVE], /: give one diagram file/],
    [
      'an unknown partnership',
      () => [NORTHAMPTONSHIRE, ...CHRISTMAS_EVE, '--partnership', 'kent'],
      /: unknown partnership "kent"; partnerships are /,
    ],
    [
      'a missing --compare file',
      () => [NORTHAMPTONSHIRE, ...CHRISTMAS_EVE, '--compare', 'nowhere.bpmn'],
      /: cannot read nowhere\.bpmn: no such file$/,
    ],
    [
      'an unknown option',
      () => [NORTHAMPTONSHIRE, ...CHRISTMAS_EVE, '--colour'],
      /Unknown option '--colour'/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`Given ${what}, When run, Then it exits 2 with one line naming the problem and prints nothing else`, async () => {
      const io = memoryIo();
      expect(await run(args(dir.path), io)).to.equal(2);
      expect(io.out).to.equal('');
      expect(io.err).to.match(/^escalation simulate: [^\n]+\n$/);
      expect(io.err.trimEnd()).to.match(message);
    });
  }

  it('Given --help, When run, Then the usage is printed and it exits 0', async () => {
    const io = memoryIo();
    expect(await run(['--help'], io)).to.equal(0);
    expect(io.out).to.match(/^Usage: escalation simulate <diagram\.bpmn> --raised <ISO instant>/);
  });
});
