/**
 * One GOV.UK checkbox (full size) whose conditional content appears as soon as it is ticked, before
 * the form is sent: GOV.UK's conditional reveal markup (`aria-controls`, `aria-expanded`, the
 * `--hidden` class), kept in step by Preact rather than by GOV.UK's script or an inline one, so it
 * runs under the strict CSP. The content is always in the page (hidden while unticked), so
 * `aria-controls` always names an element.
 */
import type { ComponentChildren } from 'preact';
import { fieldId } from '../api/problem.js';
import { ErrorMessage } from './fields.js';

export interface ConditionalCheckboxProps {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown while ticked. */
  children?: ComponentChildren;
}

export function ConditionalCheckbox(props: ConditionalCheckboxProps) {
  const id = fieldId(props.name);
  const conditional = `${id}-conditional`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
      {props.error && <ErrorMessage id={`${id}-error`}>{props.error}</ErrorMessage>}
      <div class="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={id}
            name={props.name}
            type="checkbox"
            checked={props.checked}
            aria-describedby={described || undefined}
            aria-controls={props.children ? conditional : undefined}
            aria-expanded={props.children ? props.checked : undefined}
            onChange={(e) => props.onChange(e.currentTarget.checked)}
          />
          <label class="govuk-label govuk-checkboxes__label" for={id}>
            {props.label}
          </label>
          {props.hint && (
            <div id={`${id}-hint`} class="govuk-hint govuk-checkboxes__hint">
              {props.hint}
            </div>
          )}
        </div>
        {props.children && (
          <div
            class={`govuk-checkboxes__conditional${props.checked ? '' : ' govuk-checkboxes__conditional--hidden'}`}
            id={conditional}
          >
            {props.children}
          </div>
        )}
      </div>
    </div>
  );
}
