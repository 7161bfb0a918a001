/**
 * "Diagrams" (`/diagrams`), for process owners: each partnership whose diagrams they own, each of
 * its diagrams with every deployed version (newest first), when and how it was deployed, and how
 * many escalations still run on it, with a link that opens a version in the modeler. Anyone who
 * owns no partnership's diagrams gets the not-found page, as the API answers them.
 */
import { listDiagrams, type DiagramEntry, type PartnershipDiagrams } from '../../api/process-owners.js';
import { TableWrapper } from '../../components/table-wrapper.js';
import { Tag } from '../../components/tags.js';
import { formatDateTime, plural } from '../../format.js';
import { useResource } from '../../hooks/use-resource.js';
import { pathTo } from '../../route-paths.js';
import { useUser } from '../../session/session.js';
import { Page } from '../../shell/page.js';
import { NotFoundPage } from '../not-found.js';
import { FailedPage } from '../problem.js';
import { ownedPartnerships } from './ownership.js';
import { TableHead } from '../../components/table-head.js';

export function DiagramsPage() {
  const { user, partnerships } = useUser();
  const owned = ownedPartnerships(user);
  const loaded = useResource(
    (signal) => Promise.all(owned.map((id) => listDiagrams(id, signal))),
    [owned.join(',')],
  );
  if (owned.length === 0) return <NotFoundPage />;
  if (loaded.state === 'failed') return <FailedPage error={loaded.error} />;
  const nameOf = (id: string) => partnerships.find((p) => p.id === id)?.name ?? id;
  return (
    <Page title="Diagrams" width="full" loading={loaded.state === 'loading'}>
      <p class="govuk-body">
        The escalation procedures you own, as deployed. A changed diagram is deployed as a new version: new
        escalations use it, and escalations already running stay on the version they started on.
      </p>
      {loaded.state === 'ready' &&
        loaded.data.map((p) => (
          <PartnershipSection key={p.partnership} diagrams={p} name={nameOf(p.partnership)} />
        ))}
    </Page>
  );
}

function PartnershipSection({ diagrams, name }: { diagrams: PartnershipDiagrams; name: string }) {
  return (
    <section aria-labelledby={`partnership-${diagrams.partnership}-heading`}>
      <h2 class="govuk-heading-m" id={`partnership-${diagrams.partnership}-heading`}>
        {name}
      </h2>
      {diagrams.olderVersions.length > 0 && (
        <div class="govuk-inset-text">
          <p class="govuk-body">Escalations still running on an older version:</p>
          <ul class="govuk-list govuk-list--bullet">
            {diagrams.olderVersions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {diagrams.diagrams.map((d) => (
        <DiagramVersions key={d.key} partnership={diagrams.partnership} diagram={d} />
      ))}
    </section>
  );
}

/**
 * The modeler opens as a page load of its own, not within the app's router: its document carries
 * the modeler's Content Security Policy (src/web/server/security-headers.ts).
 */
function fullPageLoad(event: MouseEvent): void {
  event.stopPropagation();
}

function DiagramVersions({ partnership, diagram }: { partnership: string; diagram: DiagramEntry }) {
  const caption = `${diagram.key} (${diagram.file})`;
  return (
    <TableWrapper label={`Versions of ${diagram.key}`}>
      <table class="govuk-table" data-diagram={diagram.key}>
        <caption class="govuk-table__caption govuk-table__caption--s">
          {caption}: {plural(diagram.versions.length, 'version')}
        </caption>
        <TableHead
          columns={[
            'Version',
            'Deployed',
            'Deployment',
            { text: 'Running escalations', numeric: true },
            <span class="govuk-visually-hidden">Action</span>,
          ]}
        />
        <tbody class="govuk-table__body">
          {diagram.versions.map((v) => (
            <tr class="govuk-table__row" key={v.definitionId} data-version={v.version}>
              <th scope="row" class="govuk-table__header">
                {v.version} {v.latest && <Tag colour="green">Latest</Tag>}
              </th>
              <td class="govuk-table__cell">{formatDateTime(v.deployedAt)}</td>
              <td class="govuk-table__cell">
                {v.deploymentName ?? 'Unnamed'}
                {v.deploymentSource === 'escalations-api' ? ' (from the modeler or the API)' : ''}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{v.running}</td>
              <td class="govuk-table__cell">
                <a
                  class="govuk-link"
                  href={pathTo('diagramEditor', {
                    partnership,
                    key: diagram.key,
                    version: String(v.version),
                  })}
                  onClick={fullPageLoad}
                >
                  Edit
                  <span class="govuk-visually-hidden">
                    {' '}
                    version {v.version} of {diagram.key}
                  </span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrapper>
  );
}
