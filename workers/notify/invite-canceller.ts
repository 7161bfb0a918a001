/**
 * How a deadline's invite learns that its step ended first: every way out of a step writes a record
 * entry of the step's group (lint rule stage-exits-recorded). When the record worker writes one and
 * the group has invites whose deadline is still ahead, it asks the engine whether a user task of
 * the group is still open (a reminder's entry is written while it is); when none is, the step has
 * ended, and this cancels those invites: a `METHOD:CANCEL` with the same UID and the next SEQUENCE,
 * to everyone who received the invite. The cancellation and its messages are stored in one
 * transaction, then sent; a redelivered task resends what was not accepted.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Clock } from '../../src/clock/clock.js';
import { calendarInvite } from '../../src/messaging/calendar-invite.js';
import type { InviteStore } from '../../src/messaging/invite-store.js';
import type { TaskView } from '../runtime/task.js';
import type { Draft, Messenger } from '../messaging/messenger.js';
import type { EscalationFacts } from './notices.js';
import type { Templates } from './templates.js';

/** Which steps (element-id groups) of an escalation still have an open user task. */
export type OpenSteps = (processInstanceId: string) => Promise<ReadonlySet<string>>;

export interface InviteCancellerDependencies {
  db: Db;
  openSteps: OpenSteps;
  invites: InviteStore;
  messenger: Messenger;
  templates: Templates;
  clock: Clock;
  publicUrl: string;
  organizer: { name: string; email: string };
}

export class InviteCanceller {
  constructor(private readonly deps: InviteCancellerDependencies) {}

  /**
   * Cancels the stage group's invites still ahead if no user task of the group is open any more;
   * resolves once the messages (now or from an earlier delivery of this task) were accepted.
   */
  async cancelIfStepEnded(task: TaskView, facts: EscalationFacts, stageGroup: string): Promise<void> {
    const { db, invites, messenger, clock, openSteps } = this.deps;
    const ahead = invites.openForStage(facts.escalationId, stageGroup, new Date(clock.now()));
    if (ahead.length > 0 && !(await openSteps(task.processInstanceId)).has(stageGroup)) {
      db.transaction(() => this.cancelAll(task, facts, stageGroup))();
    }
    await messenger.sendPending(task.id);
  }

  private cancelAll(task: TaskView, facts: EscalationFacts, stageGroup: string): void {
    const { invites, messenger, clock } = this.deps;
    const now = new Date(clock.now());
    for (const open of invites.openForStage(facts.escalationId, stageGroup, now)) {
      const cancelled = invites.cancel(facts.escalationId, open.dueVariable, now);
      messenger.enqueue(this.drafts(task, facts, cancelled, now));
    }
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
