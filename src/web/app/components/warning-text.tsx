/** GOV.UK warning text: the "!" icon (hidden from screen readers, which hear "Warning" instead). */
import type { ComponentChildren } from 'preact';

export function WarningText({ id, children }: { id?: string; children: ComponentChildren }) {
  return (
    <div class="govuk-warning-text" id={id}>
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span> {children}
      </strong>
    </div>
  );
}
