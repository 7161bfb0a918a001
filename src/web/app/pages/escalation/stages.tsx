/**
 * Every stage the escalation reached, in order: the diagram's text equivalent. Each says when it
 * started, its deadline with the working-day calendar's explanation (one step a line, the days it
 * skipped included: open for the stage waiting now), "Overdue" in words and a heavy border when the
 * deadline passed first, and how it ended.
 */
import type { Escalation } from '../../api/types.js';
import { OverdueTag, Tag } from '../../components/tags.js';
import { formatDateTime } from '../../format.js';
import { deadlineSummary, missedDeadline, outcomeText, type Stage } from './escalation-view.js';

export function Stages({ escalation }: { escalation: Escalation }) {
  const open = new Set(escalation.openTasks.map((t) => t.elementId));
  return (
    <section aria-labelledby="stages-heading">
      <h2 class="govuk-heading-m" id="stages-heading">
        Stages
      </h2>
      {escalation.stages.length === 0 ? (
        <p class="govuk-body">
          No stage has started yet. The first one starts once its deadline is worked out.
        </p>
      ) : (
        <ol class="app-stages">
          {escalation.stages.map((s, i) => (
            <StageItem
              key={`${s.elementId}-${s.startedAt}`}
              stage={s}
              index={i}
              current={!s.endedAt && open.has(s.elementId)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function StageItem({ stage, index, current }: { stage: Stage; index: number; current: boolean }) {
  const late = missedDeadline(stage);
  const classes = ['app-stage', current ? 'app-stage--current' : '', late ? 'app-stage--overdue' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li class={classes} id={`stage-${index + 1}`}>
      <h3 class="govuk-heading-s app-stage__name">
        {stage.name}{' '}
        {current && (
          <Tag colour="blue" extra="app-tag--current">
            Current stage
          </Tag>
        )}{' '}
        {late && <OverdueTag />}
      </h3>
      <dl class="govuk-summary-list govuk-summary-list--no-border app-stage__facts">
        <Row name="Started">{formatDateTime(stage.startedAt)}</Row>
        <Row name="Deadline">{deadlineSummary(stage, late && !stage.endedAt)}</Row>
        <Row name={stage.endedAt ? 'Ended' : 'Outcome'}>
          {stage.endedAt
            ? `${formatDateTime(stage.endedAt)}${stage.outcome ? `: ${outcomeText(stage.outcome)}` : ''}`
            : 'Not recorded yet'}
        </Row>
      </dl>
      {stage.dueExplanation && (
        <details class="govuk-details app-stage__explanation" open={current}>
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">How this deadline was worked out</span>
          </summary>
          <div class="govuk-details__text">
            <ul class="govuk-list">
              {stage.dueExplanation.split('\n').map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        </details>
      )}
    </li>
  );
}

function Row({ name, children }: { name: string; children: preact.ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{name}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}
