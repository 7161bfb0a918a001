/**
 * The open stage's Camunda Form, rendered with form-js from the same `.form` Camunda Tasklist
 * renders (`GET …/tasks/:taskId/form`), and submitted with our own button through
 * `POST …/complete`. The API checks the data the way form-js does and names each bad field
 * (`body.outcome`): the message goes next to the field (form-js's own error slot) and, through
 * `onErrors`, into the page's error summary, each linking to its field. A 403 or 409 is said in
 * plain words. form-js sets its styles through the DOM, which the CSP allows (src/web/README.md).
 */
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import type * as FormJs from '@bpmn-io/form-js-viewer';
import type { Form } from '@bpmn-io/form-js-viewer';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  completeTask,
  getTaskForm,
  type Completed,
  type FormComponent,
  type FormSchema,
} from '../../api/escalation-actions.js';
import { ApiError } from '../../api/problem.js';
import type { SummaryError } from '../../components/error-summary.js';
import { prefetched } from '../../hooks/prefetched.js';
import { useResource } from '../../hooks/use-resource.js';
import { formJsErrors, placeErrors, type OpenTask, type PlacedError } from './escalation-view.js';
import { earlyKeys } from './prefetch.js';

let formModule: Promise<typeof FormJs> | null = null;

/** form-js, fetched once per page load, alongside the form's data. */
export function loadFormJs(): Promise<typeof FormJs> {
  return (formModule ??= import('@bpmn-io/form-js-viewer'));
}

interface Props {
  escalationId: string;
  task: OpenTask;
  /** Errors for the page's summary (empty when there are none). */
  onErrors: (errors: SummaryError[]) => void;
  onCompleted: (answer: Completed) => void;
}

export function TaskForm({ escalationId, task, onErrors, onCompleted }: Props) {
  const loaded = useResource(
    (signal) =>
      prefetched(earlyKeys.form(escalationId, task.id), () => getTaskForm(escalationId, task.id, signal)),
    [escalationId, task.id],
  );
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);
  const [rendered, setRendered] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (loaded.state !== 'ready') return;
    let cancelled = false;
    void loadFormJs().then(async ({ Form }) => {
      if (cancelled || !container.current) return;
      const f = new Form({ container: container.current });
      await f.importSchema(loaded.data.form, { ...loaded.data.variables });
      if (cancelled) return f.destroy();
      form.current = f;
      labelGroups(container.current);
      f.on('changed', () => container.current && labelGroups(container.current));
      setRendered(true);
    });
    return () => {
      cancelled = true;
      form.current?.destroy();
      form.current = null;
    };
  }, [loaded]);

  if (loaded.state === 'failed')
    return (
      <p class="govuk-body">This stage’s form cannot be shown just now. Reload the page to try again.</p>
    );

  const submit = async (event: Event) => {
    event.preventDefault();
    const f = form.current;
    if (!f || sending || loaded.state !== 'ready') return;
    // form-js leaves out what its conditions hide; the API checks the rest and names each bad field.
    const { data } = f.submit();
    f._setState({ errors: {} });
    setSending(true);
    setProblem(null);
    try {
      const answer = await completeTask(escalationId, task.id, data as Record<string, unknown>);
      onErrors([]);
      onCompleted(answer);
    } catch (error) {
      const failure = error instanceof ApiError ? error : null;
      if (failure?.status === 400 && failure.problem.errors?.length) {
        const placed = placeErrors(loaded.data.form, failure.problem.errors);
        f._setState({ errors: formJsErrors(placed) });
        onErrors(summaryOf(placed, loaded.data.form, (f as unknown as { _id: string })._id));
      } else {
        const message = plainProblem(failure);
        setProblem(message);
        onErrors([{ message }]);
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="app-task-form" noValidate onSubmit={submit} aria-busy={!rendered}>
      <div class="app-form-js" ref={container} />
      {problem && <p class="govuk-body app-task-form__problem">{problem}</p>}
      <button type="submit" class="govuk-button" disabled={!rendered || sending} aria-disabled={sending}>
        Record the outcome
      </button>
    </form>
  );
}

/** The summary's entries, each linking to its control (a radio group's first option). */
function summaryOf(placed: readonly PlacedError[], schema: FormSchema, formId: string): SummaryError[] {
  const types = new Map<string, string>();
  const walk = (cs: readonly FormComponent[] | undefined) =>
    cs?.forEach((c) => {
      types.set(c.id, c.type);
      walk(c.components);
    });
  walk(schema.components);
  return placed.map((p) => {
    if (!p.fieldId) return { message: p.message };
    const domId = [`fjs-form-${formId}-${p.fieldId}`, ...p.indexes].join('_');
    const grouped = ['radio', 'checklist'].includes(types.get(p.fieldId) ?? '');
    return { field: grouped ? `${domId}-0` : domId, message: p.message };
  });
}

/** A refusal that names no field, in plain words (the API's own detail where it gives one). */
function plainProblem(error: ApiError | null): string {
  if (!error) return 'The outcome could not be recorded. Try again.';
  if (error.status === 409)
    return 'Someone has already recorded this stage’s outcome, or the escalation has moved on. Reload the page to see where it is now.';
  if (error.status === 403)
    return 'You cannot record this stage’s outcome: only someone holding one of its roles, on its side, can.';
  if (error.status === 404)
    return 'This stage is no longer open. Reload the page to see where the escalation is now.';
  return error.problem.detail ?? 'The outcome could not be recorded. Try again.';
}

/**
 * form-js labels a radio group or checklist with a `<label>` that points at nothing: give the group
 * a role and that label's text as its name, so a screen reader says which question the options answer.
 */
function labelGroups(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>('.fjs-form-field-radio, .fjs-form-field-checklist').forEach((group) => {
    const label = group.querySelector<HTMLElement>(':scope > .fjs-form-field-label');
    const first = group.querySelector<HTMLInputElement>('input');
    if (!label || !first) return;
    label.id ||= `${first.name || first.id}-group-label`;
    group.setAttribute('role', group.classList.contains('fjs-form-field-radio') ? 'radiogroup' : 'group');
    group.setAttribute('aria-labelledby', label.id);
  });
}
