/**
 * `escalation-notify`: tells the roles named by the `role` input (comma-separated; `copyTo` adds
 * more), on the side the `side` input or the roles' scope says, with the template named by
 * `template`. A notice with a `due` input carries a calendar invite for that deadline. Each message
 * is stored in the outbox under (task, recipient) before it is sent, so a redelivered task sends
 * nothing twice; the task completes only once every message was accepted (or queued, without SMTP).
 */
import type { Side } from '../../processes/roles-schema.js';
import { PermanentError } from '../runtime/errors/permanent-error.js';
import { complete, type TopicWorker } from '../runtime/topic-worker.js';
import type { Messenger } from '../messaging/messenger.js';
import { isSide } from './directory.js';
import { escalationFacts, NoticeComposer, type NoticeDependencies } from './notices.js';

export interface NotifyWorkerDependencies extends NoticeDependencies {
  messenger: Messenger;
}

/** `a, b,c` → [a, b, c]. */
export const roleList = (text: string | null): string[] =>
  (text ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);

export function createNotifyWorker(deps: NotifyWorkerDependencies): TopicWorker {
  const composer = new NoticeComposer(deps);
  return {
    topic: 'escalation-notify',
    async handle(task) {
      const side = task.optionalText('side');
      if (side !== null && !isSide(side))
        throw new PermanentError(
          `input "side" is "${side}"; use raised-by, other, both or partnership`,
          'INVALID_SIDE',
        );
      const drafts = composer.compose(task, escalationFacts(task, deps.partnerships), {
        template: task.text('template'),
        roleNames: [...roleList(task.text('role')), ...roleList(task.optionalText('copyTo'))],
        side: side as Side | null,
        due: task.optionalDate('due'),
      });
      await deps.messenger.deliver(task.id, drafts);
      return complete();
    },
  };
}
