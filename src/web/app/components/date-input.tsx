/**
 * GOV.UK date input: day, month and year in one fieldset, with the error next to it. The day field
 * has the field's own id, so the error summary's link lands on it.
 */
import type { ComponentChildren } from 'preact';
import { fieldId } from '../api/problem.js';
import { ErrorMessage } from './fields.js';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const NO_DATE: DateParts = { day: '', month: '', year: '' };

/** `2026-11-02` → its parts; anything else → empty parts. */
export function datePartsOf(iso: string | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : NO_DATE;
}

/**
 * The parts as `YYYY-MM-DD`: `''` when all are empty, null when they are not a real date (the
 * caller then says so next to the field).
 */
export function isoDateOf(parts: DateParts): string | null {
  const [day, month, year] = [parts.day, parts.month, parts.year].map((p) => p.trim());
  if (!day && !month && !year) return '';
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return null;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

export interface DateInputProps {
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
}

export function DateInput(props: DateInputProps) {
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const part = (key: keyof DateParts, label: string, width: 2 | 4, autoId: string) => (
    <div class="govuk-date-input__item">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-date-input__label" for={autoId}>
          {label}
        </label>
        <input
          class={`govuk-input govuk-date-input__input govuk-input--width-${width}${props.error ? ' govuk-input--error' : ''}`}
          id={autoId}
          name={`${props.name}-${key}`}
          type="text"
          inputMode="numeric"
          value={props.value[key]}
          onInput={(e) => props.onChange({ ...props.value, [key]: e.currentTarget.value })}
        />
      </div>
    </div>
  );
  return (
    <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={described || undefined}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
        {props.hint && (
          <div id={`${id}-hint`} class="govuk-hint">
            {props.hint}
          </div>
        )}
        {props.error && <ErrorMessage id={`${id}-error`}>{props.error}</ErrorMessage>}
        <div class="govuk-date-input">
          {part('day', 'Day', 2, id)}
          {part('month', 'Month', 2, `${id}-month`)}
          {part('year', 'Year', 4, `${id}-year`)}
        </div>
      </fieldset>
    </div>
  );
}
