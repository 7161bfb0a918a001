/** GOV.UK summary list: key–value rows. */
import type { ComponentChildren } from 'preact';

export function SummaryList({ rows }: { rows: { key: string; value: ComponentChildren }[] }) {
  return (
    <dl class="govuk-summary-list">
      {rows.map((row) => (
        <div class="govuk-summary-list__row" key={row.key}>
          <dt class="govuk-summary-list__key">{row.key}</dt>
          <dd class="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
