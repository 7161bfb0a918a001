/**
 * GOV.UK form fields (text input, select, checkbox) with the error next to the field: the form
 * group marked, the message before the control with a hidden "Error:", and `aria-describedby`
 * pointing at hint and error. Ids come from the field's name (`subject.name` → `subject-name`), the
 * same ids the error summary links to.
 */
import type { ComponentChildren } from 'preact';
import { fieldId } from '../api/problem.js';

interface FieldProps {
  /** The field's name: the API's path without `body.` (e.g. `caseReference`). */
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  /** Extra class on the form group (e.g. `app-filters__item`). */
  groupClass?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Group(props: { id: string } & FieldProps & { children: ComponentChildren }) {
  const { id, label, hint, error, groupClass, children } = props;
  return (
    <div
      class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}${groupClass ? ` ${groupClass}` : ''}`}
    >
      <label class="govuk-label" for={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} class="govuk-hint">
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <p id={id} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

export interface TextInputProps extends FieldProps {
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password' | 'email' | 'search';
  autocomplete?: string;
  /** GOV.UK width class suffix, e.g. `20` → `govuk-input--width-20`. */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  spellcheck?: boolean;
  inputMode?: 'text' | 'numeric';
}

export function TextInput(props: TextInputProps) {
  const id = fieldId(props.name);
  const classes = [
    'govuk-input',
    props.width ? `govuk-input--width-${props.width}` : '',
    props.error ? 'govuk-input--error' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Group id={id} {...props}>
      <input
        class={classes}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autocomplete}
        spellcheck={props.spellcheck}
        inputMode={props.inputMode}
        autoCapitalize={props.type === 'email' || props.autocomplete === 'username' ? 'none' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </Group>
  );
}

export interface SelectProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; text: string }[];
}

export function Select(props: SelectProps) {
  const id = fieldId(props.name);
  return (
    <Group id={id} {...props}>
      <select
        class={`govuk-select${props.error ? ' govuk-select--error' : ''}`}
        id={id}
        name={props.name}
        value={props.value}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </Group>
  );
}

export interface CheckboxProps {
  name: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ComponentChildren;
}

/** One GOV.UK checkbox (small), e.g. a yes/no filter. */
export function Checkbox(props: CheckboxProps) {
  const id = fieldId(props.name);
  return (
    <div class="govuk-form-group">
      <div class="govuk-checkboxes govuk-checkboxes--small">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={id}
            name={props.name}
            type="checkbox"
            checked={props.checked}
            aria-describedby={props.hint ? `${id}-hint` : undefined}
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
      </div>
    </div>
  );
}
