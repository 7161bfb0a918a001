/**
 * How a deadline's invite learns that its step ended first: every stage writes its outcome to the
 * record (`stage-outcome`, lint rule stage-exits-recorded), and when the record worker writes it,
 * this cancels the stage's invites whose deadline is still ahead: a `METHOD:CANCEL` with the same
 * UID and the next SEQUENCE, to everyone who received the invite. The cancellation and its messages
 * are stored in one transaction, then sent; a redelivered task resends what was not accepted.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Clock } from '../../src/clock/clock.js';
import { calendarInvite } from '../../src/messaging/calendar-invite.js';
import type { InviteStore } from '../../src/messaging/invite-store.js';
import type { TaskView } from '../runtime/task.js';
import type { Draft, Messenger } from '../messaging/messenger.js';
import type { EscalationFacts } from './notices.js';
import type { Templates } from './templates.js';

export interface InviteCancellerDependencies {
  db: Db;
  invites: InviteStore;
  messenger: Messenger;
  templates: Templates;
  clock: Clock;
  publicUrl: string;
  organizer: { name: string; email: string };
}

export class InviteCanceller {
  constructor(private readonly deps: InviteCancellerDependencies) {}

  /** Cancels the open invites of the task's stage group; resolves once the messages were accepted. */
  async cancelForStage(task: TaskView, facts: EscalationFacts, stageGroup: string): Promise<void> {
    const { db, invites, messenger, clock } = this.deps;
    db.transaction(() => {
      const now = new Date(clock.now());
      for (const open of invites.openForStage(facts.escalationId, stageGroup, now)) {
        const cancelled = invites.cancel(facts.escalationId, open.dueVariable, now);
        messenger.enqueue(this.drafts(task, facts, cancelled, now));
      }
    })();
    await messenger.sendPending(task.id);
  }

  private drafts(
    task: TaskView,
    facts: EscalationFacts,
    invite: ReturnType<InviteStore['cancel']>,
    now: Date,
  ): Draft[] {
    const link = `${this.deps.publicUrl.replace(/\/+$/, '')}/escalations/${encodeURIComponent(facts.escalationId)}`;
    const ics = calendarInvite({
      method: 'CANCEL',
      uid: invite.uid,
      sequence: invite.sequence,
      due: invite.due,
      summary: invite.summary,
      description: `${facts.partnership.settings.name}. The step ended before this deadline.`,
      url: link,
      organizer: this.deps.organizer,
      attendees: invite.recipients,
      stamp: now,
    });
    return invite.recipients.map((recipient) => {
      const message = this.deps.templates.render('deadline-cancelled', {
        caseReference: facts.caseReference,
        partnershipName: facts.partnership.settings.name,
        // The summary is `<stage label or "Escalation"> deadline, case <ref>` (notices.ts).
        stageLabel: stageOfSummary(invite.summary),
        roleTitle: 'someone invited to this deadline',
        due: null,
        dueExplanation: [],
        link,
        documentTitle: null,
      });
      return {
        effectKey: `${task.id}:cancel:${invite.dueVariable}:${recipient}`,
        escalationId: facts.escalationId,
        partnership: facts.partnership.settings.id,
        processInstanceId: task.processInstanceId,
        externalTaskId: task.id,
        elementId: task.activityId,
        template: 'deadline-cancelled',
        role: null,
        recipient,
        ...message,
        ics,
      };
    });
  }
}

/** The stage label an invite's summary starts with, or null when the notice had no stage. */
function stageOfSummary(summary: string): string | null {
  const label = summary.replace(/ deadline, case .*$/, '');
  return label === 'Escalation' ? null : label;
}
