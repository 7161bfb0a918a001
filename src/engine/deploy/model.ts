/**
 * What the guarded deployment parser (`./index.ts`) hands the embedded engine: every resource,
 * and for each executable process the validated metadata the runtime needs. Everything here has
 * passed validation; the runtime never meets an unsupported element.
 */
import type { Expression } from '../expressions/expression.js';
import type { TimerKind } from '../time/timer-definition.js';

export interface ParsedDeployment {
  resources: ParsedResource[];
}

export interface ParsedResource {
  name: string;
  content: Buffer;
  kind: 'bpmn' | 'form' | 'other';
  /** Executable processes in a `.bpmn` (non-executable ones are stored but define nothing). */
  processes: ParsedProcess[];
  /** The `id` of a Camunda Form (`.form`), which `camunda:formRef` refers to. */
  formId?: string;
}

export interface ParsedProcess {
  /** The process element's id: the definition key. */
  key: string;
  name: string | null;
  versionTag: string | null;
  /** Days (`camunda:historyTimeToLive`, required). */
  historyTimeToLive: number;
  isStartableInTasklist: boolean;
  resourceName: string;
  /** The whole resource's XML, as deployed. */
  source: string;
  /** Elements of this process (and its sub-processes) by id. */
  elements: Map<string, ElementInfo>;
}

/** Validated metadata of one flow element, sequence flow or event definition's host. */
export interface ElementInfo {
  id: string;
  /** The moddle type, e.g. `bpmn:UserTask`, `bpmn:BoundaryEvent`. */
  type: string;
  name: string | null;
  /** Id of the enclosing process or sub-process. */
  parentId: string;
  /** `camunda:properties`, as written. */
  properties: Record<string, string>;
  /** `camunda:inputOutput` input parameters (local variables), evaluated in order on activation. */
  inputs: Parameter[];
  outputs: Parameter[];
  external?: { topic: string; priority: Expression | null };
  userTask?: {
    assignee: Expression | null;
    candidateGroups: Expression | null;
    dueDate: Expression | null;
    formKey: string | null;
    formRef: { key: string; binding: 'latest' | 'deployment' | 'version'; version: number | null } | null;
  };
  timer?: { kind: TimerKind; expression: Expression };
  /** Sequence flow condition. */
  condition?: Expression;
  /** Message, error and escalation event definitions (names/codes resolved from their root elements). */
  messageName?: string;
  errorCode?: string | null;
  escalationCode?: string | null;
  /** Boundary events. */
  attachedToRef?: string;
  cancelActivity?: boolean;
  /** Start events of event sub-processes. */
  isInterrupting?: boolean;
  /** Sub-processes. */
  triggeredByEvent?: boolean;
  /** Gateways and activities with a default flow. */
  defaultFlowId?: string;
}

/** One `camunda:inputParameter` / `camunda:outputParameter`. */
export interface Parameter {
  name: string;
  /** A text value (possibly an expression), a list or a map of them; null for an empty parameter. */
  value: Expression | Expression[] | Record<string, Expression> | null;
}
