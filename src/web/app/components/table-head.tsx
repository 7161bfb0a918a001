/** A GOV.UK table's head: one row of column headers. */
import type { ComponentChildren } from 'preact';

/** A column's header; `numeric` right-aligns it over numbers (GOV.UK's numeric header). */
export type Column = ComponentChildren | { text: ComponentChildren; numeric: true };

const isNumeric = (c: Column): c is { text: ComponentChildren; numeric: true } =>
  typeof c === 'object' && c !== null && 'numeric' in c;

/** The head row; `false` or `null` leaves a column out (one shown only sometimes). */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {columns
          .filter((c) => c !== false && c !== null)
          .map((c, i) =>
            isNumeric(c) ? (
              <th scope="col" class="govuk-table__header govuk-table__header--numeric" key={i}>
                {c.text}
              </th>
            ) : (
              <th scope="col" class="govuk-table__header" key={i}>
                {c}
              </th>
            ),
          )}
      </tr>
    </thead>
  );
}
