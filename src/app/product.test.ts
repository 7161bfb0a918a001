/**
 * `npm start` as the whole product (issue 13): a fresh DATA_DIR, a raise over /engine-rest, and the
 * workers in the same process compute the deadline, tell the parties (kept in the outbox without
 * SMTP) and write the record; `npm run workers` does the same against another server's ENGINE_URL;
 * both stop cleanly on SIGTERM, and a bad setting stops them with exit 2 naming it.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { openAppDatabase } from '../store/app-database.js';
import { dataFiles } from '../store/data-files.js';
import { OutboxStore } from '../messaging/outbox-store.js';
import { loadDataKey } from '../crypto/data-key.js';
import { RecordStore } from '../record/record-store.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { ROOT, runToExit, startMain } from '../main.test-harness.js';

/** Raises a Northamptonshire escalation through Camunda's REST API, as any client could; its instance id. */
async function raise(url: string, escalationId: string): Promise<string> {
  const variables = {
    escalationId: { value: escalationId, type: 'String' },
    raisedAt: { value: '2026-11-02T10:00:00.000+0000', type: 'Date' },
    partnership: { value: 'northamptonshire', type: 'String' },
    caseReference: { value: 'CR-2026-00911', type: 'String' },
    raisedByRole: { value: 'raising-professional', type: 'String' },
    raisedByAgency: { value: 'school', type: 'String' },
    otherAgencyRole: { value: 'other-agency-professional', type: 'String' },
    otherAgency: { value: 'childrens-services', type: 'String' },
    disagreement: { value: 'Threshold', type: 'String' },
    outcomeSought: { value: 'Assessment', type: 'String' },
    timescaleSought: { value: 'A week', type: 'String' },
    immediateRisk: { value: false, type: 'Boolean' },
    childStatus: { value: 'none', type: 'String' },
    disagreementContext: { value: 'general', type: 'String' },
    seriousConcern: { value: false, type: 'Boolean' },
    levelOfNeed: { value: null, type: 'Null' },
    raisedByOrganisation: { value: null, type: 'Null' },
    otherOrganisation: { value: null, type: 'Null' },
    stage3MaxLevels: { value: 3, type: 'Integer' },
  };
  const response = await fetch(`${url}/process-definition/key/NorthamptonshireEscalation/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ businessKey: escalationId, variables }),
  });
  expect(response.status).to.equal(200);
  return ((await response.json()) as { id: string }).id;
}

/** Waits until the workers have ended every external task of the instance (they poll for real). */
async function settled(url: string, processInstanceId: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const user = (await (await fetch(`${url}/task/count?processInstanceId=${processInstanceId}`)).json()) as {
      count: number;
    };
    const external = (await (
      await fetch(`${url}/external-task/count?processInstanceId=${processInstanceId}`)
    ).json()) as {
      count: number;
    };
    if (user.count === 1 && external.count === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the workers did not reach Stage 1 within 30 s');
}

/** The messages the workers stored for the escalation, after checking its record holds the raise. */
function messagesFor(dataDir: string, escalationId: string, key: string | undefined): string[] {
  const files = dataFiles(dataDir);
  const db = openAppDatabase(files.app);
  try {
    const record = new RecordStore(
      db,
      loadDataKey({ dataKey: key, keyFile: files.keyFile, mayCreate: false }).bytes,
    );
    expect(record.forEscalation(escalationId).map((e) => e.kind)).to.deep.equal(['escalation-raised']);
    return new OutboxStore(db)
      .forEscalation(escalationId)
      .map((m) => `${m.status} ${m.template}`)
      .sort();
  } finally {
    db.close();
  }
}

/** Runs `npx escalation …` (bin/escalation.js) to its end. */
async function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['bin/escalation.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout };
}

describe('The product: npm start runs the workers; npm run workers polls another engine (issue 13)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir('product')));
  afterEach(() => dir.remove());

  it('Given npm start on a fresh DATA_DIR, When an escalation is raised over /engine-rest, Then its workers tell the parties (queued in the outbox) and record it, and SIGTERM exits 0', async () => {
    const dataDir = path.join(dir.path, 'data');
    const { child, url, exited } = await startMain({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    await settled(url, await raise(url, 'product-test-0001'));
    expect(messagesFor(dataDir, 'product-test-0001', undefined)).to.deep.equal([
      'queued raiser-support',
      'queued stage-started',
      'queued stage-started',
    ]);
    // The CLI works beside the running server (WAL readers, never the engine's lock).
    const verify = await cli(['records', 'verify'], { DATA_DIR: dataDir });
    expect(verify).to.deep.equal({ code: 0, stdout: 'Record verified: 1 entries, the chain is intact.\n' });
    const list = await cli(['documents', 'list', '--escalation', 'product-test-0001'], { DATA_DIR: dataDir });
    expect(list).to.deep.equal({ code: 0, stdout: 'No documents for escalation product-test-0001.\n' });
    child.kill('SIGTERM');
    expect(await exited).to.deep.equal({ code: 0, signal: null });
  });

  it('Given npm start with WORKERS=off, When npm run workers polls it with ENGINE_URL, Then the remote workers do the work, and stop with exit 0 on SIGTERM', async () => {
    const server = await startMain({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir.path, 'server'),
      WORKERS: 'off',
    });
    const key = randomBytes(32).toString('base64');
    const workersDir = path.join(dir.path, 'workers');
    const workers = spawn('npm', ['run', 'workers'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ENGINE_URL: server.url,
        DATA_DIR: workersDir,
        DATA_KEY: key,
        WORKER_ASYNC_RESPONSE_TIMEOUT: '2000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => workers.once('exit', resolve));
    await new Promise<void>((resolve) =>
      createInterface({ input: workers.stderr! }).on(
        'line',
        (line) => line.includes('workers ready') && resolve(),
      ),
    );
    try {
      await settled(server.url, await raise(server.url, 'product-test-0002'));
      expect(messagesFor(workersDir, 'product-test-0002', key)).to.deep.equal([
        'queued raiser-support',
        'queued stage-started',
        'queued stage-started',
      ]);
    } finally {
      workers.kill('SIGTERM');
      expect(await exited).to.equal(0);
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('Given a bad worker setting, When npm start or npm run workers starts, Then it exits 2 naming the variable', async () => {
    const start = await runToExit({
      DATA_DIR: path.join(dir.path, 'a'),
      SMTP_URL: 'smtps://smtp.example.org',
    });
    expect(start.code).to.equal(2);
    expect(start.stderr).to.include('DIRECTORY_FILE: required with SMTP_URL');
    const missing = await runToExit({
      DATA_DIR: path.join(dir.path, 'b'),
      DIRECTORY_FILE: path.join(dir.path, 'none.json'),
    });
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.include('DIRECTORY_FILE: ');
    const workers = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ENGINE_URL: 'http://127.0.0.1:9/engine-rest', WORKER_MAX_TASKS: 'lots' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    workers.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await new Promise((resolve) => workers.once('exit', resolve))).to.equal(2);
    expect(stderr).to.include('WORKER_MAX_TASKS: ');
  });
});
