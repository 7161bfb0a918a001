/**
 * Messages (`/messages`): what the service sent, or holds to send, to you or about the escalations
 * you can see, as `GET /messages` answers (another agency's are neither listed nor counted). Filters
 * by status and escalation in the address; each status is a word in a tag, never colour alone.
 */
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { listMessages, type Message, type MessageFilters } from '../../api/messages.js';
import { getPartnership } from '../../api/partnerships.js';
import type { Partnership } from '../../api/types.js';
import { Select } from '../../components/fields.js';
import { Pagination } from '../../components/pagination.js';
import { TableWrapper } from '../../components/table-wrapper.js';
import { Tag, type TagColour } from '../../components/tags.js';
import { formatDateTime, plural } from '../../format.js';
import { useFocusWhen } from '../../hooks/use-focus.js';
import { useResource } from '../../hooks/use-resource.js';
import { pathTo } from '../../route-paths.js';
import { useUser } from '../../session/session.js';
import { Page } from '../../shell/page.js';
import { FailedPage } from '../problem.js';
import { MESSAGE_STATUS_TEXT, messageFiltersOf, messagesHref } from './message-filters.js';
import { TableHead } from '../../components/table-head.js';

const RESULTS = 'messages-list';
const COLOUR: Record<Message['status'], TagColour> = { sent: 'green', queued: 'blue', failed: 'red' };

export default function MessagesPage() {
  const { partnerships } = useUser();
  const { query, url, route } = useLocation();
  const filters = messageFiltersOf(query);
  const key = messagesHref(filters, filters.page);
  const list = useResource((signal) => listMessages(filters, signal), [key]);
  const roles = useResource(
    (signal) => Promise.all(partnerships.map((p) => getPartnership(p.id, signal))),
    [partnerships.map((p) => p.id).join()],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhen(heading, list.state === 'ready' && url.endsWith(`#${RESULTS}`), [list.state]);
  if (list.state === 'failed') return <FailedPage error={list.error} />;
  if (roles.state === 'failed') return <FailedPage error={roles.error} />;
  return (
    <Page title="Messages" width="full" loading={roles.state === 'loading'}>
      <p class="govuk-body">
        The emails this service has sent, or is waiting to send: those to you, and those about escalations you
        can see. Newest first.
      </p>
      <Filters key={key} filters={filters} onApply={(f) => route(`${messagesHref(f)}#${RESULTS}`)} />
      <section aria-labelledby={RESULTS} aria-busy={list.state === 'loading'}>
        <h2 class="govuk-heading-m" id={RESULTS} tabIndex={-1} ref={heading}>
          {list.state === 'ready'
            ? `${plural(list.data.total, 'message')}${aboutText(filters, list.data.items)}`
            : 'Loading messages…'}
        </h2>
        {filters.escalation && (
          <p class="govuk-body">
            <a class="govuk-link" href={messagesHref({ ...filters, escalation: undefined })}>
              Show messages about every escalation
            </a>
          </p>
        )}
        {list.state === 'ready' && roles.state === 'ready' && (
          <>
            <Messages items={list.data.items} partnerships={roles.data} />
            <Pagination
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              label="Pages of messages"
              href={(page) => `${messagesHref(filters, page)}#${RESULTS}`}
            />
          </>
        )}
      </section>
    </Page>
  );
}

/** " about LCC/2026/0042" while the list shows one escalation's messages. */
function aboutText(filters: MessageFilters, items: Message[]): string {
  if (!filters.escalation) return '';
  return items[0]?.caseReference ? ` about ${items[0].caseReference}` : ' about this escalation';
}

function Filters(props: { filters: MessageFilters; onApply: (filters: MessageFilters) => void }) {
  const [status, setStatus] = useState<string>(props.filters.status ?? '');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onApply({ ...props.filters, status: (status || undefined) as MessageFilters['status'] });
      }}
    >
      <div class="app-filters">
        <Select
          name="status"
          label="Status"
          value={status}
          onChange={setStatus}
          options={[
            { value: '', text: 'Any status' },
            ...Object.entries(MESSAGE_STATUS_TEXT).map(([value, text]) => ({ value, text })),
          ]}
        />
        <div class="govuk-form-group">
          <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            Apply filter
          </button>
        </div>
      </div>
    </form>
  );
}

function roleText(partnerships: Partnership[], role: string | null): string | null {
  if (!role) return null;
  for (const p of partnerships) {
    const r = p.roles.find((x) => x.role === role);
    if (r) return r.titles['*'] ?? r.description;
  }
  return role;
}

function Messages({ items, partnerships }: { items: Message[]; partnerships: Partnership[] }) {
  if (!items.length) return <p class="govuk-body">There are no messages to show.</p>;
  return (
    <TableWrapper label="Messages">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">Messages, newest first</caption>
        <TableHead columns={['Message', 'Escalation', 'To', 'Status']} />
        <tbody class="govuk-table__body">
          {items.map((m) => (
            <MessageRow key={m.id} message={m} role={roleText(partnerships, m.role)} />
          ))}
        </tbody>
      </table>
    </TableWrapper>
  );
}

function MessageRow({ message: m, role }: { message: Message; role: string | null }) {
  const reference = m.caseReference ?? 'this escalation';
  return (
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">
        <details class="govuk-details govuk-!-margin-bottom-1">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{m.subject}</span>
          </summary>
          <div class="govuk-details__text app-message-text">{m.text}</div>
        </details>
        <span class="govuk-body-s">
          {formatDateTime(m.createdAt)}
          {m.hasInvite ? ' · with a calendar invite' : ''}
        </span>
      </td>
      <td class="govuk-table__cell">
        <a class="govuk-link" href={pathTo('escalation', { id: m.escalationId })}>
          {reference}
        </a>
        <br />
        <a class="govuk-link govuk-body-s" href={messagesHref({ escalation: m.escalationId })}>
          Only its messages<span class="govuk-visually-hidden"> ({reference})</span>
        </a>
      </td>
      <td class="govuk-table__cell">
        {m.toYou && (
          <>
            <Tag colour="purple">You</Tag>{' '}
          </>
        )}
        <span class="app-break-anywhere">{m.recipient}</span>
        {role && <span class="govuk-body-s govuk-!-display-block">{role}</span>}
      </td>
      <td class="govuk-table__cell">
        <Tag colour={COLOUR[m.status]}>{MESSAGE_STATUS_TEXT[m.status]}</Tag>
        <span class="govuk-body-s govuk-!-display-block">
          {m.status === 'sent' && m.sentAt
            ? formatDateTime(m.sentAt)
            : m.status === 'failed'
              ? `after ${plural(m.attempts, 'attempt')}`
              : null}
        </span>
      </td>
    </tr>
  );
}
