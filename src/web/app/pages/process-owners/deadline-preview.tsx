/**
 * "Deadline preview" beside the modeler (issue 16, "What-if deadlines"): the owner picks when an
 * escalation is raised (a London date and time) and sees each stage's due date under the diagram as
 * edited next to the deployed version's, from `POST /api/v1/simulations` (the code of `escalation
 * simulate --compare`). A date that moves says so in words ("Moved: 1 day later"), never by colour
 * or a mark alone. Each stage is answered a minute before its date, taking the branch that
 * escalates: the latest dates the procedure allows.
 */
import { useState } from 'preact/hooks';
import {
  previewDeadlines,
  type PreviewRow,
  type PreviewStage,
  type SimulationAnswer,
} from '../../api/process-owners.js';
import { ApiError } from '../../api/problem.js';
import { DateInput, datePartsOf, isoDateOf, type DateParts } from '../../components/date-input.js';
import { TextInput } from '../../components/fields.js';
import { TableWrapper } from '../../components/table-wrapper.js';
import { Tag } from '../../components/tags.js';
import { formatDateTime, plural } from '../../format.js';
import { heldTo, londonInstant, minutesOf, movement } from './preview-logic.js';
import { TableHead } from '../../components/table-head.js';

export interface DeadlinePreviewProps {
  /** The diagram as edited now. */
  xml: () => Promise<string>;
  /** Today in London (`YYYY-MM-DD`), the form's first date. */
  today: string;
}

type State =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; answer: SimulationAnswer }
  | { status: 'failed'; message: string };

export function DeadlinePreview({ xml, today }: DeadlinePreviewProps) {
  const [date, setDate] = useState<DateParts>(datePartsOf(today));
  const [time, setTime] = useState('10:00');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<State>({ status: 'idle' });

  async function run(event: Event) {
    event.preventDefault();
    const day = isoDateOf(date);
    const minutes = minutesOf(time);
    const found: Record<string, string> = {};
    if (!day) found.raiseDate = 'Enter the date the escalation is raised, for example 17 12 2026';
    if (minutes === null) found.raiseTime = 'Enter the time in 24-hour form, for example 15:00';
    setErrors(found);
    if (!day || minutes === null) return;
    setState({ status: 'running' });
    try {
      const answer = await previewDeadlines({ diagram: await xml(), raisedAt: londonInstant(day, minutes) });
      setState({ status: 'done', answer });
    } catch (error) {
      setState({ status: 'failed', message: failure(error) });
    }
  }

  return (
    <section class="app-preview" aria-labelledby="deadline-preview-heading">
      <h2 class="govuk-heading-m" id="deadline-preview-heading">
        Deadline preview
      </h2>
      <p class="govuk-body">
        See each stage’s due date under your edit next to the deployed version’s, for an escalation raised
        when you choose. Each stage is answered a minute before its date and takes the branch that escalates,
        so these are the latest dates the procedure allows. Nothing is sent or recorded.
      </p>
      <form class="app-preview__form" noValidate onSubmit={run}>
        <DateInput
          name="raiseDate"
          legend="Raised on"
          hint="For example, 17 12 2026"
          error={errors.raiseDate}
          value={date}
          onChange={setDate}
        />
        <TextInput
          name="raiseTime"
          label="At (London time)"
          hint="24-hour, for example 15:00"
          width={5}
          inputMode="text"
          error={errors.raiseTime}
          value={time}
          onInput={setTime}
        />
        <button
          type="submit"
          class="govuk-button govuk-button--secondary"
          disabled={state.status === 'running'}
        >
          Preview deadlines
        </button>
      </form>
      <div aria-live="polite" aria-busy={state.status === 'running' ? 'true' : 'false'}>
        {state.status === 'running' && <p class="govuk-body">Working out the dates…</p>}
        {state.status === 'failed' && (
          <p class="govuk-error-message">
            <span class="govuk-visually-hidden">Error:</span> {state.message}
          </p>
        )}
        {state.status === 'done' && <PreviewTable answer={state.answer} />}
      </div>
    </section>
  );
}

function failure(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The preview could not be worked out. Try again.';
  const first = error.problem.errors?.[0];
  return first ? `The preview cannot be worked out: ${first.message}` : error.message;
}

function PreviewTable({ answer }: { answer: SimulationAnswer }) {
  const version = answer.deployed.version;
  return (
    <>
      <p class="govuk-body" id="preview-summary">
        Raised {formatDateTime(answer.raisedAt)}.{' '}
        {answer.movedDates === 0
          ? 'No stage’s date moves.'
          : `${plural(answer.movedDates, 'stage’s date moves', 'stages’ dates move')}.`}
      </p>
      <TableWrapper label={`Due dates under version ${version} and under your edit`}>
        <table class="govuk-table app-preview__table">
          <caption class="govuk-table__caption govuk-table__caption--s">
            Due dates under version {version} and under your edit
          </caption>
          <TableHead columns={['Stage', `Version ${version}`, 'Your edit', 'Change']} />
          <tbody class="govuk-table__body">
            {answer.rows.map((row, i) => (
              <Row key={i} row={row} />
            ))}
          </tbody>
        </table>
      </TableWrapper>
    </>
  );
}

function Row({ row }: { row: PreviewRow }) {
  const stage = (row.edited ?? row.deployed)!;
  return (
    <tr class="govuk-table__row" data-stage={stage.elementId}>
      <th scope="row" class="govuk-table__header">
        {stage.name}
        <span class="govuk-body-s app-preview__id">{stage.elementId}</span>
      </th>
      <td class="govuk-table__cell">
        <StageDate stage={row.deployed} />
      </td>
      <td class="govuk-table__cell">
        <StageDate stage={row.edited} />
      </td>
      <td class="govuk-table__cell">
        {row.moved ? (
          <>
            <Tag colour="orange" extra="app-tag--moved">
              Moved
            </Tag>{' '}
            {movement(row)}
          </>
        ) : (
          'No change'
        )}
      </td>
    </tr>
  );
}

function StageDate({ stage }: { stage: PreviewStage | null }) {
  if (!stage) return <>Not reached</>;
  const date = heldTo(stage);
  if (date === null) return <>No deadline</>;
  return (
    <>
      {stage.kind === 'reminder' ? 'Reminder ' : 'Due '}
      {formatDateTime(date)}
      {stage.timescale && <span class="govuk-body-s app-preview__timescale">{stage.timescale}</span>}
    </>
  );
}
