/**
 * The escalation page's data, asked for as soon as the app starts on `/escalations/:id` (../../early.ts),
 * alongside the page's code rather than after it: the escalation, its diagram and, once the
 * escalation says which stages the user may record, each such stage's form. The page takes these
 * answers instead of asking again (use-escalation.ts, diagram.tsx, task-form.tsx), so the API
 * sees the same requests, once each, as without this.
 */
import type { EscalationDiagram, TaskForm } from '../../api/escalation-actions.js';
import type { Escalation } from '../../api/types.js';
import { earlyClient, prefetch } from '../../hooks/prefetched.js';

const base = (id: string) => `/escalations/${encodeURIComponent(id)}`;

/** Keys of the early answers, shared with the components that take them. */
export const earlyKeys = {
  escalation: (id: string) => `escalation ${id}`,
  diagram: (id: string) => `escalation ${id} diagram`,
  form: (id: string, taskId: string) => `escalation ${id} task ${taskId} form`,
};

export function prefetchEscalation({ id }: Record<string, string>): void {
  if (!id) return;
  const escalation = prefetch(earlyKeys.escalation(id), () => earlyClient.get<Escalation>(base(id)));
  prefetch(earlyKeys.diagram(id), () => earlyClient.get<EscalationDiagram>(`${base(id)}/diagram`));
  escalation.then(
    (e) => {
      for (const task of e.openTasks.filter((t) => t.canComplete))
        prefetch(earlyKeys.form(id, task.id), () =>
          earlyClient.get<TaskForm>(`${base(id)}/tasks/${encodeURIComponent(task.id)}/form`),
        );
    },
    () => undefined,
  );
}
