import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const override = fileURLToPath(
  new URL('../../test/fixtures/calendar/holidays-override.json', import.meta.url),
);
// The host's HOLIDAYS_FILE must not change what these tests see.
const env = { ...process.env, HOLIDAYS_FILE: '' };

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `escalation` executable (bin/escalation.js through tsx) as a child process. */
function escalation(args: string[], extraEnv: Record<string, string> = {}): Ran {
  const ran = spawnSync(process.execPath, ['bin/escalation.js', ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
  });
  if (ran.error) throw ran.error;
  return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

describe('cli: the escalation command as a process', () => {
  it('Given "2 working days" from Christmas Eve 2026, When run, Then stdout is the UTC instant and the exit code 0', () => {
    const ran = escalation(['due', '2 working days', '--from', '2026-12-24T10:00:00Z']);
    expect(ran).to.deep.equal({ status: 0, stdout: '2026-12-30T10:00:00.000Z\n', stderr: '' });
  });

  it('Given --json, When run, Then stdout is JSON with due, rule and explanation', () => {
    const ran = escalation(['due', 'same working day', '--from', '2026-12-25T12:00:00Z', '--json']);
    expect(ran.status).to.equal(0);
    const printed = JSON.parse(ran.stdout) as { due: string; rule: string; explanation: string[] };
    expect(printed.due).to.equal('2026-12-30T00:00:00.000Z');
    expect(printed.rule).to.equal('same working day');
    expect(printed.explanation).to.include('Skipped Mon 28 Dec 2026: Boxing Day (substitute day)');
  });

  it('Given HOLIDAYS_FILE in the environment, When run, Then its closure day is skipped', () => {
    const ran = escalation(['due', '3 working days', '--from', '2026-12-24T10:00:00Z'], {
      HOLIDAYS_FILE: override,
    });
    expect(ran).to.deep.equal({ status: 0, stdout: '2027-01-04T10:00:00.000Z\n', stderr: '' });
  });

  const bad: [string, string[], RegExp][] = [
    [
      'an invalid timescale',
      ['due', 'soon', '--from', '2026-12-24T10:00:00Z'],
      /^escalation due: timescale "soon"/,
    ],
    ['an invalid instant', ['due', '1 day', '--from', '24/12/2026'], /^escalation due: from "24\/12\/2026"/],
    [
      'an unknown division',
      ['due', '1 day', '--from', '2026-12-24T10:00:00Z', '--division', 'wales'],
      /division "wales"/,
    ],
    ['an unknown command', ['overdue'], /^escalation: unknown command "overdue"/],
  ];
  for (const [what, args, message] of bad) {
    it(`Given ${what}, When run, Then the exit code is 2 and stderr is one line naming it`, () => {
      const ran = escalation(args);
      expect(ran.status).to.equal(2);
      expect(ran.stdout).to.equal('');
      expect(ran.stderr).to.match(message);
      expect(ran.stderr.trimEnd().split('\n')).to.have.length(1);
    });
  }

  it('Given holidays 2026, When run, Then the substitute Boxing Day line reads "2026-12-28  Boxing Day (substitute day)"', () => {
    const ran = escalation(['holidays', '2026']);
    expect(ran.status).to.equal(0);
    expect(ran.stdout.split('\n')).to.include('2026-12-28  Boxing Day (substitute day)');
  });

  it('Given the package bin, When invoked through npx, Then it works without a build step', () => {
    const ran = spawnSync(
      'npx',
      ['--no', 'escalation', 'due', '1 working day', '--from', '2026-12-19T10:00:00Z'],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    if (ran.error) throw ran.error;
    expect(ran.status, ran.stderr).to.equal(0);
    expect(ran.stdout).to.equal('2026-12-21T10:00:00.000Z\n');
  });
});
