/**
 * `escalation-form`: generates the document named by the `form` input as PDF and as JSON data,
 * stores both (encrypted), and tells the `sendTo` roles, when given, that it is ready, with a link.
 * The PDF is never attached to an email: it holds the child's details, which are read from the
 * protected store here, at render time, and the read is audited. One document per external task:
 * a redelivered task finds it and makes no second one.
 */
import type { Clock } from '../../src/clock/clock.js';
import type { AuditLog } from '../../src/audit/audit-log.js';
import type { DocumentStore } from '../../src/documents/document-store.js';
import type { RecordStore } from '../../src/record/record-store.js';
import type { SubjectStore } from '../../src/subjects/subject-store.js';
import { formatLondonInstant } from '../../src/calendar/index.js';
import { missingLabels, type DocumentDefinition } from '../../forms/documents/document.js';
import type { Side } from '../../processes/roles-schema.js';
import { PermanentError } from '../runtime/errors/permanent-error.js';
import { complete, type TopicWorker } from '../runtime/topic-worker.js';
import type { TaskView } from '../runtime/task.js';
import type { Messenger } from '../messaging/messenger.js';
import { isSide } from '../notify/directory.js';
import { escalationFacts, type EscalationFacts, type NoticeComposer } from '../notify/notices.js';
import type { PartnershipEntry } from '../../processes/catalogue.js';
import { roleList } from '../notify/notify-worker.js';
import { renderPdf } from './pdf.js';

export interface FormWorkerDependencies {
  definitions: ReadonlyMap<string, DocumentDefinition>;
  documents: DocumentStore;
  subjects: SubjectStore;
  record: RecordStore;
  audit: AuditLog;
  partnerships: ReadonlyMap<string, PartnershipEntry>;
  composer: NoticeComposer;
  messenger: Messenger;
  clock: Clock;
  workerId: string;
}

export function createFormWorker(deps: FormWorkerDependencies): TopicWorker {
  return {
    topic: 'escalation-form',
    async handle(task) {
      const form = task.text('form');
      const def = deps.definitions.get(form);
      if (!def) throw new PermanentError(`unknown document "${form}"`, 'UNKNOWN_FORM');
      const facts = escalationFacts(task, deps.partnerships);
      if (!deps.documents.forTask(task.id)) await generate(deps, task, def, facts);
      const sendTo = roleList(task.optionalText('sendTo'));
      if (sendTo.length > 0) {
        const side = task.optionalText('side');
        const drafts = deps.composer.compose(task, facts, {
          template: 'document-ready',
          roleNames: sendTo,
          side: side !== null && isSide(side) ? (side as Side) : null,
          due: null,
          documentTitle: def.title,
        });
        await deps.messenger.deliver(task.id, drafts);
      }
      return complete();
    },
  };
}

async function generate(
  deps: FormWorkerDependencies,
  task: TaskView,
  def: DocumentDefinition,
  facts: EscalationFacts,
): Promise<void> {
  const now = new Date(deps.clock.now());
  const partnership = facts.partnership.settings.id;
  const subject = deps.subjects.get(partnership, facts.caseReference);
  deps.audit.append({
    actor: `worker:${deps.workerId}`,
    action: 'subject.read',
    target: `${partnership}/${facts.caseReference}`,
    escalationId: facts.escalationId,
    outcome: subject ? 'ok' : 'none-stored',
    source: 'worker',
    at: now,
  });
  const data = def.schema.parse(
    def.build({
      escalationId: facts.escalationId,
      caseReference: facts.caseReference,
      partnership: facts.partnership,
      generatedAt: now,
      variable: (name) => task.value(name),
      subject,
      record: deps.record.forEscalation(facts.escalationId),
    }),
  );
  const missing = missingLabels(def, data);
  const pdf = await renderPdf(def, data, {
    caseReference: facts.caseReference,
    partnershipName: facts.partnership.settings.name,
    generatedAt: now,
    generatedOn: formatLondonInstant(now),
  });
  deps.documents.put({
    externalTaskId: task.id,
    escalationId: facts.escalationId,
    caseReference: facts.caseReference,
    partnership,
    form: def.form,
    elementId: task.activityId,
    createdAt: now,
    missing,
    pdf,
    json: {
      form: def.form,
      title: def.title,
      citation: def.citation,
      escalationId: facts.escalationId,
      caseReference: facts.caseReference,
      generatedAt: now.toISOString(),
      fields: data,
      missing,
    },
  });
}
