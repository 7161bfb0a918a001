/** How many open escalations are at each stage, each count a link to that filtered list. */
import { TableWrapper } from '../../components/table-wrapper.js';
import type { StageCount } from './dashboard-data.js';
import { dashboardHref } from './filters.js';
import { TableHead } from '../../components/table-head.js';

export function StageCounts({
  counts,
  severalPartnerships,
}: {
  counts: StageCount[];
  severalPartnerships: boolean;
}) {
  const shown = counts.filter((c) => c.open > 0);
  if (!shown.length) return <p class="govuk-body">No escalation is open.</p>;
  return (
    <TableWrapper label="Open escalations by stage">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">Open escalations by stage</caption>
        <TableHead
          columns={['Stage', severalPartnerships && 'Partnership', { text: 'Open', numeric: true }]}
        />
        <tbody class="govuk-table__body">
          {shown.map((c) => (
            <tr class="govuk-table__row" key={`${c.partnership.id} ${c.elementId}`}>
              <th scope="row" class="govuk-table__header">
                {c.name}
              </th>
              {severalPartnerships && <td class="govuk-table__cell">{c.partnership.name}</td>}
              <td class="govuk-table__cell govuk-table__cell--numeric">
                <a
                  class="govuk-link"
                  href={`${dashboardHref({ status: 'open', partnership: c.partnership.id, stage: c.elementId })}#escalations`}
                >
                  {c.open}
                  <span class="govuk-visually-hidden"> open at {c.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrapper>
  );
}
