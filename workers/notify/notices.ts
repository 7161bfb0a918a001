/**
 * Composes the messages of one notice: resolves the roles to addresses through the directory,
 * renders the template for each reader, and, when the notice carries a deadline, attaches the
 * calendar invite for it. Used by the notify worker and by the form worker's "document ready".
 */
import type { Clock } from '../../src/clock/clock.js';
import { formatLondonInstant } from '../../src/calendar/index.js';
import { calendarInvite } from '../../src/messaging/calendar-invite.js';
import type { InviteStore } from '../../src/messaging/invite-store.js';
import type { PartnershipEntry } from '../../processes/catalogue.js';
import type { Side } from '../../processes/roles-schema.js';
import { groupOf } from '../../processes/stage-ids.js';
import { PermanentError } from '../runtime/errors/permanent-error.js';
import type { TaskView } from '../runtime/task.js';
import type { Draft } from '../messaging/messenger.js';
import { resolveRecipients, type Directory, type Parties, type Recipient } from './directory.js';
import type { AudienceEntry } from '../../src/access/access-rule.js';
import type { MessageContext, Templates } from './templates.js';

export interface NoticeDependencies {
  directory: Directory;
  partnerships: ReadonlyMap<string, PartnershipEntry>;
  templates: Templates;
  invites: InviteStore;
  clock: Clock;
  /** The service's public base URL (links in messages). */
  publicUrl: string;
  /** The sender, as the invites' organiser. */
  organizer: { name: string; email: string };
  /** A user's own address (the raiser is told personally), or undefined. */
  personalAddress: (username: string) => string | undefined;
  /** Records whom the procedure told about an escalation (the access rule lets them see it). */
  audience: (escalationId: string, entries: readonly AudienceEntry[]) => void;
}

/** What one notice says and to whom. */
export interface Notice {
  template: string;
  roleNames: readonly string[];
  side: Side | null;
  due: Date | null;
  documentTitle?: string | null;
}

/** The escalation a task belongs to, read from its variables. */
export interface EscalationFacts {
  escalationId: string;
  caseReference: string;
  partnership: PartnershipEntry;
  parties: Parties;
}

export function escalationFacts(
  task: TaskView,
  partnerships: ReadonlyMap<string, PartnershipEntry>,
): EscalationFacts {
  const id = task.text('partnership');
  const partnership = partnerships.get(id);
  if (!partnership) throw new PermanentError(`unknown partnership "${id}"`, 'UNKNOWN_PARTNERSHIP');
  return {
    escalationId: task.businessKey ?? task.text('escalationId'),
    caseReference: task.text('caseReference'),
    partnership,
    parties: {
      raisedBy: {
        agency: task.text('raisedByAgency'),
        organisation: task.optionalText('raisedByOrganisation'),
      },
      other: { agency: task.text('otherAgency'), organisation: task.optionalText('otherOrganisation') },
    },
  };
}

/** `Stage 2` for a numbered stage, the step's own name otherwise. */
export function stageLabel(stage: string | null): string | null {
  if (stage === null) return null;
  return /^\d+$/.test(stage) ? `Stage ${stage}` : stage;
}

/** The role the raiser always holds on their own escalation. */
const RAISER = 'raising-professional';

export class NoticeComposer {
  constructor(private readonly deps: NoticeDependencies) {}

  /**
   * The drafts of a notice, one per reader, keyed by the task and the reader's address; records the
   * readers as the escalation's audience (`documents` when the notice is about a document).
   */
  compose(task: TaskView, facts: EscalationFacts, notice: Notice): Draft[] {
    const { templates, publicUrl } = this.deps;
    if (!templates.has(notice.template))
      throw new PermanentError(`unknown message template "${notice.template}"`, 'UNKNOWN_TEMPLATE');
    const recipients = this.recipients(task, facts, notice);
    this.deps.audience(
      facts.escalationId,
      recipients.map((r) => ({
        role: r.role,
        agency: r.agency ?? '',
        organisation: r.organisation ?? '',
        documents: Boolean(notice.documentTitle),
      })),
    );
    const dueVariable = notice.due
      ? dueVariableOf(task, notice.due, this.deps.invites, facts.escalationId)
      : null;
    const explanation = dueVariable
      ? (task.optionalText(`${dueVariable}Explanation`)?.split('\n') ?? [])
      : [];
    const label = stageLabel(task.optionalText('stage'));
    const ics = notice.due ? this.invite(task, facts, notice.due, dueVariable, label, recipients) : null;
    const link = `${publicUrl.replace(/\/+$/, '')}/escalations/${encodeURIComponent(facts.escalationId)}`;
    return recipients.map((r) => {
      const context: MessageContext = {
        caseReference: facts.caseReference,
        partnershipName: facts.partnership.settings.name,
        stageLabel: label,
        roleTitle: roleTitle(facts.partnership, r),
        due: notice.due ? { london: formatLondonInstant(notice.due), iso: notice.due.toISOString() } : null,
        dueExplanation: explanation,
        link,
        documentTitle: notice.documentTitle ?? null,
      };
      const message = templates.render(notice.template, context);
      return {
        effectKey: `${task.id}:${r.address}`,
        escalationId: facts.escalationId,
        partnership: facts.partnership.settings.id,
        processInstanceId: task.processInstanceId,
        externalTaskId: task.id,
        elementId: task.activityId,
        template: notice.template,
        role: r.role,
        recipient: r.address,
        ...message,
        ics,
      };
    });
  }

  /** The directory's readers, with the raiser told personally when they raised it through the API. */
  private recipients(task: TaskView, facts: EscalationFacts, notice: Notice): Recipient[] {
    const raiser = task.optionalText('raisedBy');
    const personal = raiser ? this.deps.personalAddress(raiser) : undefined;
    const usePersonal = personal !== undefined && notice.roleNames.includes(RAISER);
    const found = resolveRecipients(this.deps.directory, {
      partnership: facts.partnership.settings.id,
      roles: facts.partnership.roles,
      roleNames: usePersonal ? notice.roleNames.filter((r) => r !== RAISER) : notice.roleNames,
      side: notice.side,
      parties: facts.parties,
    });
    if (!usePersonal) return found;
    const own: Recipient = {
      address: personal,
      role: RAISER,
      agency: facts.parties.raisedBy.agency,
      organisation: facts.parties.raisedBy.organisation,
    };
    return [own, ...found.filter((r) => r.address !== personal)];
  }

  private invite(
    task: TaskView,
    facts: EscalationFacts,
    due: Date,
    dueVariable: string | null,
    label: string | null,
    recipients: readonly Recipient[],
  ): string {
    const now = new Date(this.deps.clock.now());
    const summary = `${label ?? 'Escalation'} deadline, case ${facts.caseReference}`;
    const row = this.deps.invites.upsert({
      escalationId: facts.escalationId,
      // A deadline given without a *Due variable still gets one stable invite per task element.
      dueVariable: dueVariable ?? `${task.activityId}Due`,
      due,
      summary,
      stageGroup: groupOf(task.activityId),
      recipients: recipients.map((r) => r.address),
      now,
    });
    return calendarInvite({
      method: 'REQUEST',
      uid: row.uid,
      sequence: row.sequence,
      due: row.due,
      summary: row.summary,
      description: `${facts.partnership.settings.name}. Open the escalation to see what is asked.`,
      url: `${this.deps.publicUrl.replace(/\/+$/, '')}/escalations/${encodeURIComponent(facts.escalationId)}`,
      organizer: this.deps.organizer,
      attendees: row.recipients,
      stamp: now,
    });
  }
}

/**
 * The `*Due` variable holding this deadline (its `…Explanation` sibling explains it), or null.
 * Several deadlines can fall at the same instant (East Riding's stages are each due "5 days from
 * raised"; two stages given the same timescale at the same moment): the variable whose invite
 * belongs to this task's stage comes first, then one with no invite yet, so a later stage never
 * takes over an earlier stage's invite (its UID, its recipients, its cancellation).
 */
function dueVariableOf(task: TaskView, due: Date, invites: InviteStore, escalationId: string): string | null {
  const group = groupOf(task.activityId);
  const rank = (name: string): number => {
    const invite = invites.get(escalationId, name);
    if (invite === undefined) return 1;
    return invite.stageGroup === group ? 0 : 2;
  };
  const explained = (name: string): number => (task.has(`${name}Explanation`) ? 0 : 1);
  const matches = task
    .names()
    .filter((n) => /Due$/.test(n) && n !== 'due')
    .filter((n) => {
      const v = task.value(n);
      return v instanceof Date && v.getTime() === due.getTime();
    })
    .sort((a, b) => rank(a) - rank(b) || explained(a) - explained(b) || a.localeCompare(b));
  return matches[0] ?? null;
}

function roleTitle(partnership: PartnershipEntry, r: Recipient): string {
  const role = partnership.roles.roles.find((x) => x.role === r.role);
  return (r.agency ? role?.titles[r.agency] : undefined) ?? role?.titles['*'] ?? r.role;
}
