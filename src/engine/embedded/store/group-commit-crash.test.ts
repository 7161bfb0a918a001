import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runAndKill } from '../../../../test/durability/kill-child.js';

const CHILD = 'src/engine/embedded/store/group-commit-crash-child.ts';
const KILLS = 12;
const PATH = ['start', 'first', 'wait', 'second', 'end'];

type Acks = { starts: Set<string>; completions: Set<string> };

const runChild = (databaseFile: string, mode: 'load' | 'drain', runId: string) =>
  runAndKill(CHILD, databaseFile, mode, runId);

function record(lines: string[], acks: Acks): void {
  for (const line of lines) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'start') acks.starts.add(a!);
    if (kind === 'complete') acks.completions.add(b!);
  }
}

describe('Group commit under SIGKILL: concurrent steps sharing commits lose and double nothing', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-crash-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a child running 8 lanes of starts and batched completions, when it is killed at random points 12 times and restarted, then every acknowledged step survived and every instance ran its path exactly once', async () => {
    const databaseFile = join(dir, 'engine.sqlite');
    const acks: Acks = { starts: new Set(), completions: new Set() };
    for (let run = 0; run < KILLS; run++) record(await runChild(databaseFile, 'load', `r${run}`), acks);
    const final = await runChild(databaseFile, 'drain', 'final');
    record(final, acks);
    expect(final).to.include('drained');
    expect(acks.completions.size).to.be.greaterThan(KILLS);
    verify(databaseFile, acks);
  });
});

function verify(databaseFile: string, acks: Acks): void {
  const db = new Database(databaseFile, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).to.equal('ok');
    const instances = db.prepare('SELECT id, state FROM hist_process_instance').all() as { id: string; state: string }[]; // prettier-ignore
    expect(instances.filter((i) => i.state !== 'COMPLETED')).to.deep.equal([]);
    const ids = new Set(instances.map((i) => i.id));
    for (const id of acks.starts) expect(ids.has(id), `start ${id} lost`).to.equal(true);
    const activities = db.prepare('SELECT id, process_instance_id AS pi, activity_id AS a, end_time AS e, canceled AS c FROM hist_activity_instance ORDER BY rowid').all() as { id: string; pi: string; a: string; e: number | null; c: number }[]; // prettier-ignore
    const paths = new Map<string, string[]>();
    for (const a of activities) paths.set(a.pi, [...(paths.get(a.pi) ?? []), a.a]);
    for (const [id, path] of paths) expect(path, `instance ${id}`).to.deep.equal(PATH);
    expect(activities.every((a) => a.e !== null && a.c === 0)).to.equal(true);
    const ended = new Set(activities.map((a) => a.id));
    for (const id of acks.completions) expect(ended.has(id), `completion of ${id} lost`).to.equal(true);
    for (const table of ['process_instance', 'activity_instance', 'external_task', 'job', 'variable']) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).to.equal(0);
    }
  } finally {
    db.close();
  }
}
