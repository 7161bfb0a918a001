import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runAndKill } from './kill-child.js';

const KILLS = 20;
const PATH = ['start', 'first', 'wait', 'second', 'end'];

const runChild = (databaseFile: string, mode: 'load' | 'drain', runId: string) =>
  runAndKill('test/durability/crash-child.ts', databaseFile, mode, runId);

describe('Durability: SIGKILL under load, 20 times, loses and doubles nothing', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-crash-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a child running instances under load, when it is killed at random points 20 times and restarted, then every acknowledged step survived, none ran twice and each timer fired once', async () => {
    const databaseFile = join(dir, 'engine.sqlite');
    const acknowledged = { starts: new Set<string>(), completions: new Map<string, string>() };
    for (let run = 0; run < KILLS; run++) {
      // runAndKill rejects unless the SIGKILL ended the run.
      record(await runChild(databaseFile, 'load', `r${run}`), acknowledged);
    }
    const final = await runChild(databaseFile, 'drain', 'final');
    record(final, acknowledged);
    expect(final).to.include('drained');
    verify(databaseFile, acknowledged);
  });
});

function record(lines: string[], into: { starts: Set<string>; completions: Map<string, string> }): void {
  for (const line of lines) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'start') into.starts.add(a!);
    if (kind === 'complete') into.completions.set(a!, b!);
  }
}

function verify(
  databaseFile: string,
  acknowledged: { starts: Set<string>; completions: Map<string, string> },
): void {
  const db = new Database(databaseFile, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).to.equal('ok');
    const instances = db.prepare('SELECT id, state FROM hist_process_instance').all() as {
      id: string;
      state: string;
    }[];
    expect(instances.length).to.be.greaterThan(KILLS);
    expect(instances.filter((i) => i.state !== 'COMPLETED')).to.deep.equal([]);
    for (const id of acknowledged.starts)
      expect(
        instances.some((i) => i.id === id),
        `start ${id} lost`,
      ).to.equal(true);
    const activities = db.prepare('SELECT * FROM hist_activity_instance ORDER BY rowid').all() as {
      id: string; process_instance_id: string; activity_id: string; end_time: number | null; canceled: number;
    }[]; // prettier-ignore
    const byInstance = new Map<string, string[]>();
    for (const a of activities)
      byInstance.set(a.process_instance_id, [
        ...(byInstance.get(a.process_instance_id) ?? []),
        a.activity_id,
      ]);
    for (const [id, path] of byInstance) expect(path, `instance ${id}`).to.deep.equal(PATH);
    expect(activities.every((a) => a.end_time !== null && a.canceled === 0)).to.equal(true);
    for (const [, activityInstanceId] of acknowledged.completions) {
      expect(
        activities.some((a) => a.id === activityInstanceId && a.end_time !== null),
        activityInstanceId,
      ).to.equal(true);
    }
    for (const table of ['process_instance', 'activity_instance', 'external_task', 'job', 'variable']) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).to.equal(0);
    }
  } finally {
    db.close();
  }
}
