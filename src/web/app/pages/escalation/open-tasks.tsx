/**
 * The stages waiting for someone now: each with its deadline and, for whoever may record its
 * outcome (`canComplete`), its form; for anyone else, who records it, in the partnership's titles.
 */
import type { Completed } from '../../api/escalation-actions.js';
import { getPartnership } from '../../api/partnerships.js';
import type { Escalation } from '../../api/types.js';
import type { SummaryError } from '../../components/error-summary.js';
import { OverdueTag } from '../../components/tags.js';
import { useResource } from '../../hooks/use-resource.js';
import { deadlineSummary, whoCompletes } from './escalation-view.js';
import { TaskForm } from './task-form.js';

interface Props {
  escalation: Escalation;
  onErrors: (errors: SummaryError[]) => void;
  onCompleted: (answer: Completed) => void;
}

export function OpenTasks({ escalation, onErrors, onCompleted }: Props) {
  const tasks = escalation.openTasks;
  const others = tasks.some((t) => !t.canComplete);
  // The roles' titles, only when a stage is someone else's to record.
  const partnership = useResource(
    (signal) => (others ? getPartnership(escalation.partnership, signal) : Promise.resolve(null)),
    [escalation.partnership, others],
  );
  const known = partnership.state === 'ready' ? partnership.data : null;
  return (
    <section aria-labelledby="now-heading">
      <h2 class="govuk-heading-m" id="now-heading">
        What needs doing now
      </h2>
      {tasks.length === 0 && (
        <p class="govuk-body">
          {escalation.status === 'open'
            ? 'No stage is waiting for anyone at this moment. The next one appears here once it starts.'
            : 'Nothing: the escalation has ended.'}
        </p>
      )}
      {tasks.map((t) => (
        <div class="app-open-task" key={t.id}>
          <h3 class="govuk-heading-s">{t.name}</h3>
          <p class="govuk-body">
            {t.overdue && (
              <>
                <OverdueTag />{' '}
              </>
            )}
            {deadlineSummary(
              {
                due: t.due,
                dueExplanation:
                  escalation.stages.find((s) => s.elementId === t.elementId && !s.endedAt)?.dueExplanation ??
                  null,
              },
              t.overdue,
            )}
          </p>
          {t.canComplete ? (
            <TaskForm escalationId={escalation.id} task={t} onErrors={onErrors} onCompleted={onCompleted} />
          ) : (
            <p class="govuk-body">
              Its outcome is recorded by {whoCompletes(t.candidateRoles, known, escalation.parties)}. You
              cannot record it yourself.
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
