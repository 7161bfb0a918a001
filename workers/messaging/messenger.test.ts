/**
 * A task's lock can expire while its worker is still handing a message to the SMTP server; the
 * engine then delivers the same task again (issue 13, "Idempotent on redelivery": no second
 * email). The outbox claim makes the second delivery wait instead of sending, and a claim left by
 * a killed process lapses so the message still goes.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { openAppDatabase } from '../../src/store/app-database.js';
import { OutboxStore } from '../../src/messaging/outbox-store.js';
import { SmtpSink } from '../../test/support/smtp-sink.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { TransientError } from '../runtime/errors/transient-error.js';
import { Messenger, SEND_CLAIM_MS, type Draft } from './messenger.js';
import { createSmtpMailer } from './smtp-mailer.js';
import type { Mailer } from './mailer.js';

const draft = (task: string, recipient: string): Draft => ({
  effectKey: `${task}:${recipient}`,
  escalationId: 'esc-1',
  partnership: 'liverpool',
  processInstanceId: 'pi-1',
  externalTaskId: task,
  elementId: 'Stage1_Notify',
  template: 'stage-started',
  role: 'practitioner',
  recipient,
  subject: 'Stage 1 started: LCC/2026/0042',
  text: 'Stage 1 has started.',
  html: '<p>Stage 1 has started.</p>',
  ics: null,
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

describe('Messenger: one email per task and recipient when a lock expires mid-send (issue 13)', () => {
  const dir = tempDir('messenger');
  let sink: SmtpSink;
  let mailer: Mailer;
  let clock: FakeClock;
  let outbox: OutboxStore;
  let messenger: Messenger;

  beforeEach(async () => {
    sink = await new SmtpSink().up();
    mailer = createSmtpMailer(sink.url);
    clock = new FakeClock();
    outbox = new OutboxStore(openAppDatabase(join(dir.path, `${clock.now()}-${Math.random()}.sqlite`)));
    messenger = new Messenger({ outbox, mailer, clock, from: 'Escalations <escalations@lscp.example.org>' });
  });
  afterEach(async () => {
    mailer.close();
    await sink.down();
  });
  after(() => dir.remove());

  it('Given a send the SMTP server has not yet answered, When the task is delivered again, Then the second delivery waits (SEND_IN_PROGRESS) and only one email arrives', async () => {
    const release = sink.hold();
    const first = messenger.deliver('task-1', [draft('task-1', 'a@school.example.org')]);
    await until(() => sink.arrived === 1);

    const second = await messenger.deliver('task-1', [draft('task-1', 'a@school.example.org')]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(second).to.be.instanceOf(TransientError);
    expect((second as TransientError).code).to.equal('SEND_IN_PROGRESS');

    release();
    await first;
    // The retry after the wait finds the message sent and sends nothing.
    await messenger.deliver('task-1', [draft('task-1', 'a@school.example.org')]);
    expect(sink.received).to.have.length(1);
    expect(outbox.forTask('task-1').map((m) => [m.status, m.attempts])).to.deep.equal([['sent', 1]]);
  });

  it('Given a claim left by a process killed mid-send, When the claim has not lapsed, Then a redelivery waits; When it has, Then the message is sent once', async () => {
    messenger.enqueue([draft('task-2', 'b@health.example.org')]);
    const [message] = outbox.forTask('task-2');
    const now = clock.now();
    expect(outbox.claim(message!.id, new Date(now), new Date(now + SEND_CLAIM_MS))).to.equal(true);

    await clock.advance(SEND_CLAIM_MS - 1_000);
    const early = await messenger.sendPending('task-2').then(
      () => null,
      (error: unknown) => error,
    );
    expect((early as TransientError).code).to.equal('SEND_IN_PROGRESS');
    expect(sink.arrived).to.equal(0);

    await clock.advance(1_000);
    await messenger.sendPending('task-2');
    await messenger.sendPending('task-2');
    expect(sink.received.map((m) => m.to)).to.deep.equal([['b@health.example.org']]);
  });

  it('Given a send that failed (SMTP down), When the task retries, Then the claim was released and the message goes on the retry', async () => {
    await sink.down();
    const failed = await messenger.deliver('task-3', [draft('task-3', 'c@police.example.org')]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).to.be.instanceOf(TransientError);
    await sink.up();
    await messenger.sendPending('task-3');
    expect(sink.received).to.have.length(1);
    expect(outbox.forTask('task-3')[0]!.attempts).to.equal(2);
  });
});
