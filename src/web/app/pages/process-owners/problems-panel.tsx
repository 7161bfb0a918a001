/**
 * The lint problems as a list beside the canvas: each names its element and rule in words, and
 * its button selects the element on the canvas (its properties open in the panel). While the
 * diagram is being checked the list says so (and is busy).
 */
import { plural } from '../../format.js';
import type { LintProblem } from './lint.js';

export interface ProblemsPanelProps {
  /** Null while the first check runs. */
  problems: readonly LintProblem[] | null;
  checking: boolean;
  nameOf: (id: string) => string | null;
  onSelect: (id: string) => void;
}

export function ProblemsPanel({ problems, checking, nameOf, onSelect }: ProblemsPanelProps) {
  return (
    <section aria-labelledby="problems-heading" aria-busy={checking ? 'true' : 'false'}>
      <h2 class="govuk-heading-m" id="problems-heading">
        Problems
      </h2>
      <p class="govuk-body" role="status" id="problems-status">
        {problems === null
          ? 'Checking the diagram against the lint rules…'
          : problems.length === 0
            ? 'No problems: the diagram passes the lint rules (npm run lint:bpmn).'
            : `${plural(problems.length, 'problem')} under the lint rules (npm run lint:bpmn). Deploying is not possible until they are fixed.`}
      </p>
      {problems !== null && problems.length > 0 && (
        <ul class="govuk-list app-problems" aria-label="Lint problems">
          {problems.map((p, i) => (
            <li
              key={`${p.id}:${p.rule}:${i}`}
              class="app-problems__item"
              data-element={p.id || undefined}
              data-rule={p.rule}
            >
              <strong class="govuk-tag govuk-tag--red app-tag--problem">{categoryText(p.category)}</strong>{' '}
              {p.id ? (
                <button type="button" class="app-link-button govuk-link" onClick={() => onSelect(p.id)}>
                  {nameOf(p.id) ?? p.id}
                  <span class="govuk-visually-hidden"> (select it on the diagram)</span>
                </button>
              ) : (
                'The diagram'
              )}
              : {p.message} <span class="app-problems__rule">({p.rule})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function categoryText(category: string): string {
  if (category === 'warn') return 'Warning';
  if (category === 'info') return 'Note';
  return 'Error';
}
