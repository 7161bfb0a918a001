/**
 * GOV.UK error summary: at the top of the page, focused when it appears (so it is read out), each
 * error linking to its field. An error that belongs to no field is listed without a link.
 */
import { useRef } from 'preact/hooks';
import { useFocusWhen } from '../hooks/use-focus.js';
import { fieldId } from '../api/problem.js';

export interface SummaryError {
  /** The field's name (its element id is derived from it), or none for a page-level error. */
  field?: string;
  message: string;
}

export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const root = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => `${e.field}:${e.message}`).join('\n');
  useFocusWhen(root, errors.length > 0, [key]);
  if (!errors.length) return null;
  return (
    <div class="govuk-error-summary" tabIndex={-1} ref={root}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                {e.field ? (
                  <a href={`#${fieldId(e.field)}`} onClick={(event) => focusField(event, e.field!)}>
                    {e.message}
                  </a>
                ) : (
                  e.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** Moves focus to the field (and its label into view), as GOV.UK Frontend's script does. */
function focusField(event: MouseEvent, field: string): void {
  const input = document.getElementById(fieldId(field));
  if (!input) return;
  event.preventDefault();
  const label =
    document.querySelector(`label[for="${input.id}"]`) ?? input.closest('fieldset')?.querySelector('legend');
  (label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

/** Summary errors from field errors, in the form's field order. */
export function summaryOf(errors: Record<string, string>, order: readonly string[]): SummaryError[] {
  const known = order.filter((f) => errors[f]).map((field) => ({ field, message: errors[field]! }));
  const others = Object.keys(errors)
    .filter((f) => !order.includes(f))
    .map((f) => (f === '_' ? { message: errors[f]! } : { field: f, message: errors[f]! }));
  return [...known, ...others];
}
