/**
 * What has happened so far: the documents to download (`GET /documents/:id`, PDFs), the messages
 * sent about it, the written record with its chain status in words, and the timeline of every step
 * in the diagram's words. Wide tables scroll within themselves at 320 px.
 */
import { useState } from 'preact/hooks';
import { documentHref } from '../../api/escalation-actions.js';
import type { Escalation } from '../../api/types.js';
import { Tag } from '../../components/tags.js';
import { TableWrapper } from '../../components/table-wrapper.js';
import { WarningText } from '../../components/warning-text.js';
import { formatDateTime } from '../../format.js';
import { outcomeText, roleName, sentence, timelineText } from './escalation-view.js';
import { TableHead } from '../../components/table-head.js';

type Document = Escalation['documents'][number];

export function Documents({ documents }: { documents: Document[] }) {
  return (
    <section aria-labelledby="documents-heading">
      <h2 class="govuk-heading-m" id="documents-heading">
        Documents
      </h2>
      {documents.length === 0 ? (
        <p class="govuk-body">No document has been made yet.</p>
      ) : (
        <ul class="govuk-list app-documents">
          {documents.map((d) => (
            <DocumentLink key={d.id} document={d} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A link to the PDF. A plain click downloads it through the API, so a refusal (403: it prints the
 * child's details) is said here in words instead of opening the API's answer.
 */
function DocumentLink({ document: d }: { document: Document }) {
  const [problem, setProblem] = useState<string | null>(null);
  const download = async (event: MouseEvent) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    setProblem(null);
    const response = await fetch(documentHref(d.id), { credentials: 'same-origin' }).catch(() => null);
    if (!response?.ok) {
      setProblem(
        response?.status === 403
          ? 'You cannot download this document: it shows the child’s details, which only those the procedure gives them to may see.'
          : 'The document cannot be downloaded just now. Try again.',
      );
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = window.document.createElement('a');
    a.href = url;
    a.download = `${d.form}.pdf`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <li>
      <a class="govuk-link" href={documentHref(d.id)} onClick={download}>
        {d.title} (PDF)
      </a>
      <span class="govuk-hint app-documents__meta">
        Made {formatDateTime(d.createdAt)}
        {d.holdsChildDetails && '. It shows the child’s details'}
      </span>
      {problem && (
        <p class="govuk-error-message" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

const MESSAGE_STATUS = {
  sent: ['Sent', 'green'],
  queued: ['Waiting to send', 'grey'],
  failed: ['Not sent', 'red'],
} as const;

export function Messages({ messages }: { messages: Escalation['messages'] }) {
  return (
    <section aria-labelledby="messages-heading">
      <h2 class="govuk-heading-m" id="messages-heading">
        Messages sent
      </h2>
      {messages.length === 0 ? (
        <p class="govuk-body">No message has been sent about it yet.</p>
      ) : (
        <TableWrapper label="Messages sent">
          <table class="govuk-table app-messages">
            <caption class="govuk-table__caption govuk-visually-hidden">
              Messages sent about this escalation
            </caption>
            <TableHead columns={['Message', 'To', 'When', 'Status']} />
            <tbody class="govuk-table__body">
              {messages.map((m) => {
                const [status, colour] = MESSAGE_STATUS[m.status];
                return (
                  <tr class="govuk-table__row" key={m.id}>
                    <th scope="row" class="govuk-table__header app-table__text">
                      {m.subject}
                    </th>
                    <td class="govuk-table__cell app-table__text">
                      {m.role ? `${roleName(m.role)}: ` : ''}
                      {m.recipient}
                    </td>
                    <td class="govuk-table__cell">{formatDateTime(m.sentAt ?? m.createdAt)}</td>
                    <td class="govuk-table__cell">
                      <Tag colour={colour}>{status}</Tag>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrapper>
      )}
    </section>
  );
}

export function Record({ records, parties }: Pick<Escalation, 'records' | 'parties'>) {
  const agency = (id: string) => parties.find((p) => p.agency.id === id)?.agency.name ?? id;
  const broken = records.filter((r) => !r.chain.intact);
  return (
    <section aria-labelledby="record-heading">
      <h2 class="govuk-heading-m" id="record-heading">
        The record
      </h2>
      {records.length === 0 ? (
        <p class="govuk-body">Nothing has been written to the record yet.</p>
      ) : broken.length === 0 ? (
        <p class="govuk-body" id="record-chain">
          The record is intact: every entry below is exactly as it was written, in its place in the chain.
        </p>
      ) : (
        <WarningText id="record-chain">
          The record’s chain is broken at entry {broken[0]!.number}: that entry, or one before it, was changed
          or removed after it was written. Tell the partnership’s business office.
        </WarningText>
      )}
      {records.length > 0 && (
        <TableWrapper label="Record entries">
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">Entries in the record</caption>
            <TableHead columns={['Entry', 'What', 'By', 'Written', 'Chain']} />
            <tbody class="govuk-table__body">
              {records.map((r) => (
                <tr class="govuk-table__row" key={r.number}>
                  <td class="govuk-table__cell">{r.number}</td>
                  <th scope="row" class="govuk-table__header app-table__text">
                    {sentence(r.kind)}
                    {r.stage ? `, stage ${r.stage}` : ''}
                    {r.outcome ? `: ${outcomeText(r.outcome)}` : ''}
                  </th>
                  <td class="govuk-table__cell">
                    {r.actorRole
                      ? `${roleName(r.actorRole)}${r.actorAgency ? `, ${agency(r.actorAgency)}` : ''}`
                      : 'The service'}
                  </td>
                  <td class="govuk-table__cell">{formatDateTime(r.recordedAt)}</td>
                  <td class="govuk-table__cell">
                    {r.chain.intact ? (
                      <Tag colour="green">Intact</Tag>
                    ) : (
                      <Tag colour="red" extra="app-tag--overdue">
                        Broken
                      </Tag>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrapper>
      )}
    </section>
  );
}

export function Timeline({ timeline }: { timeline: Escalation['timeline'] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 class="govuk-heading-m" id="timeline-heading">
        Timeline
      </h2>
      <TableWrapper label="Timeline">
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">
            Every step so far, oldest first
          </caption>
          <TableHead columns={['When', 'What happened']} />
          <tbody class="govuk-table__body">
            {timeline.map((t, i) => (
              <tr class="govuk-table__row" key={i}>
                <td class="govuk-table__cell app-table__when">{formatDateTime(t.at)}</td>
                <td class="govuk-table__cell app-table__text">{timelineText(t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrapper>
    </section>
  );
}
