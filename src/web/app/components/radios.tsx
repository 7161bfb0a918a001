/**
 * GOV.UK radios in a fieldset (the legend is the question), with hint and the error next to them.
 * The first radio has the field's own id, so the error summary's link lands on it.
 */
import type { ComponentChildren } from 'preact';
import { fieldId } from '../api/problem.js';
import { ErrorMessage } from './fields.js';

export interface RadioItem {
  value: string;
  text: ComponentChildren;
  hint?: ComponentChildren;
}

export interface RadiosProps {
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  items: RadioItem[];
  /** GOV.UK's small radios, e.g. for a long list. */
  small?: boolean;
}

export function Radios(props: RadiosProps) {
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={described || undefined}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
        {props.hint && (
          <div id={`${id}-hint`} class="govuk-hint">
            {props.hint}
          </div>
        )}
        {props.error && <ErrorMessage id={`${id}-error`}>{props.error}</ErrorMessage>}
        <div class={`govuk-radios${props.small ? ' govuk-radios--small' : ''}`}>
          {props.items.map((item, i) => {
            const itemId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class="govuk-radios__item" key={item.value}>
                <input
                  class="govuk-radios__input"
                  id={itemId}
                  name={props.name}
                  type="radio"
                  value={item.value}
                  checked={props.value === item.value}
                  aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                  onChange={() => props.onChange(item.value)}
                />
                <label class="govuk-label govuk-radios__label" for={itemId}>
                  {item.text}
                </label>
                {item.hint && (
                  <div id={`${itemId}-item-hint`} class="govuk-hint govuk-radios__hint">
                    {item.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
