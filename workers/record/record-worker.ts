/**
 * `escalation-record`: appends the entry of kind `recordKind` to the escalation's hash-chained
 * record: the raise (with what the disagreement is), every stage's outcome with the stage's form
 * data, breaches, the resolution or the unresolved close, withdrawal (with its reason), lessons.
 * One entry per external task, so a redelivered task adds nothing. When an entry is written after
 * its step ended, invites for the step's deadlines still ahead are cancelled.
 */
import type { Clock } from '../../src/clock/clock.js';
import type { RecordStore } from '../../src/record/record-store.js';
import { stageFormKeys, type FormCatalogue } from '../../processes/forms-catalogue.js';
import type { PartnershipEntry } from '../../processes/catalogue.js';
import { groupOf } from '../../processes/stage-ids.js';
import { complete, type TopicWorker } from '../runtime/topic-worker.js';
import type { TaskView } from '../runtime/task.js';
import type { InviteCanceller } from '../notify/invite-canceller.js';
import { escalationFacts, type EscalationFacts } from '../notify/notices.js';
import type { EscalationIndex } from '../../src/escalations/escalation-index.js';

export interface RecordWorkerDependencies {
  record: RecordStore;
  /** The API's index: a raise recorded here is indexed even when it did not come through the API. */
  escalations: EscalationIndex;
  forms: FormCatalogue;
  partnerships: ReadonlyMap<string, PartnershipEntry>;
  invites: InviteCanceller;
  clock: Clock;
}

/** What the raise entry keeps of the start variables: what the disagreement is, sought and when. */
const RAISE_FIELDS = [
  'disagreement',
  'outcomeSought',
  'timescaleSought',
  'immediateRisk',
  'childStatus',
  'disagreementContext',
  'seriousConcern',
  'levelOfNeed',
  'raisedByRole',
  'raisedByOrganisation',
  'raisedBy',
  'otherAgencyRole',
  'otherAgency',
  'otherOrganisation',
];
const FIXED_OUTCOMES: Record<string, string> = {
  'stage-breached': 'breached',
  resolution: 'resolved',
  'closed-unresolved': 'unresolved',
  withdrawn: 'withdrawn',
};

export function createRecordWorker(deps: RecordWorkerDependencies): TopicWorker {
  return {
    topic: 'escalation-record',
    async handle(task) {
      const facts = escalationFacts(task, deps.partnerships);
      const kind = task.text('recordKind');
      const group = groupOf(task.activityId);
      const raise = kind === 'escalation-raised';
      deps.record.append({
        externalTaskId: task.id,
        escalationId: facts.escalationId,
        caseReference: facts.caseReference,
        partnership: facts.partnership.settings.id,
        processInstanceId: task.processInstanceId,
        stage: task.optionalText('stage'),
        elementId: task.activityId,
        kind,
        actorRole: task.optionalText(raise ? 'raisedByRole' : 'actorRole'),
        actorAgency: task.optionalText(raise ? 'raisedByAgency' : 'actorAgency'),
        outcome: FIXED_OUTCOMES[kind] ?? (kind === 'stage-outcome' ? task.optionalText('outcome') : null),
        correctsSeq: null,
        recordedAt: new Date(deps.clock.now()),
        payload: payloadOf(task, kind, stageKeys(deps.forms, task, group)),
      });
      if (raise) index(deps.escalations, task, facts);
      await deps.invites.cancelIfStepEnded(task, facts, group);
      return complete();
    },
  };
}

/** Indexes an escalation raised another way than through the API (Camunda Tasklist, /engine-rest). */
function index(escalations: EscalationIndex, task: TaskView, facts: EscalationFacts): void {
  escalations.add({
    id: facts.escalationId,
    partnership: facts.partnership.settings.id,
    caseReference: facts.caseReference,
    processInstanceId: task.processInstanceId,
    definitionKey: task.processDefinitionKey ?? '',
    disagreementContext: task.optionalText('disagreementContext') ?? 'general',
    raisedAt: (task.optionalDate('raisedAt') ?? task.createdAt ?? new Date(0)).toISOString(),
    raisedBy: task.optionalText('raisedBy'),
    raisedByRole: task.text('raisedByRole'),
    raisedByAgency: facts.parties.raisedBy.agency,
    raisedByOrganisation: facts.parties.raisedBy.organisation,
    otherAgency: facts.parties.other.agency,
    otherOrganisation: facts.parties.other.organisation,
  });
}

function stageKeys(forms: FormCatalogue, task: TaskView, group: string): string[] {
  return task.processDefinitionKey ? stageFormKeys(forms, task.processDefinitionKey, group) : [];
}

/** The details an entry keeps (sealed at rest); null when there are none. */
function payloadOf(
  task: TaskView,
  kind: string,
  formKeys: readonly string[],
): Record<string, unknown> | null {
  const fields =
    kind === 'escalation-raised'
      ? RAISE_FIELDS
      : kind === 'withdrawn'
        ? ['withdrawalReason']
        : kind === 'lessons'
          ? ['multiAgencyLessons', 'lessons', 'lessonsDetails', ...formKeys]
          : formKeys;
  const payload: Record<string, unknown> = {};
  for (const name of new Set([...fields, 'register'])) {
    const value = task.value(name);
    if (value !== undefined) payload[name] = value;
  }
  return Object.keys(payload).length === 0 ? null : payload;
}
