/**
 * GOV.UK textarea with its label, hint and the error next to it (the form group marked, the message
 * before the control). The id is the field's name as ids go (`subject.address` → `subject-address`).
 */
import type { ComponentChildren } from 'preact';
import { fieldId } from '../api/problem.js';
import { ErrorMessage } from './fields.js';

export interface TextareaProps {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  autocomplete?: string;
}

export function Textarea(props: TextareaProps) {
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <div id={`${id}-hint`} class="govuk-hint">
          {props.hint}
        </div>
      )}
      {props.error && <ErrorMessage id={`${id}-error`}>{props.error}</ErrorMessage>}
      <textarea
        class={`govuk-textarea${props.error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        autoComplete={props.autocomplete}
        aria-describedby={described || undefined}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
