/** A table of open stages (tasks, due soon, overdue): the case, the stage and its deadline. */
import { TableWrapper } from '../../components/table-wrapper.js';
import { StageDue } from '../../components/stage-due.js';
import { pathTo } from '../../route-paths.js';
import type { StageRow } from './dashboard-data.js';
import { TableHead } from '../../components/table-head.js';

export function StageTable({ caption, rows, empty }: { caption: string; rows: StageRow[]; empty: string }) {
  if (!rows.length) return <p class="govuk-body">{empty}</p>;
  return (
    <TableWrapper label={caption}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
        <TableHead columns={['Case reference', 'Stage', 'Deadline']} />
        <tbody class="govuk-table__body">
          {rows.map(({ escalation, stage }) => (
            <tr class="govuk-table__row" key={`${escalation.id} ${stage.elementId}`}>
              <th scope="row" class="govuk-table__header">
                <a class="govuk-link" href={pathTo('escalation', { id: escalation.id })}>
                  {escalation.caseReference}
                </a>
              </th>
              <td class="govuk-table__cell">{stage.name}</td>
              <td class="govuk-table__cell">
                <StageDue due={stage.due} overdue={stage.overdue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrapper>
  );
}
