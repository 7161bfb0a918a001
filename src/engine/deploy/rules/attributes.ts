/**
 * Attribute rules: which `camunda:*` attributes each element type may carry, and no attribute from a
 * namespace moddle does not know (e.g. `zeebe:*`), except the Modeler's harmless metadata.
 */
import { camundaAttributes, type ModdleElement } from '../moddle.js';
import type { ResourceProblems } from '../problems.js';
import { describe } from './whitelist.js';

/** Async continuations are jobs, which this engine does not have; `false` is the default and harmless. */
const ASYNC = ['asyncBefore', 'asyncAfter'];

const CAMUNDA_BY_TYPE: Record<string, string[]> = {
  'bpmn:Definitions': ['diagramRelationId'],
  'bpmn:Process': ['historyTimeToLive', 'versionTag', 'isStartableInTasklist'],
  'bpmn:UserTask': [...ASYNC, 'assignee', 'candidateGroups', 'dueDate', 'formKey', 'formRef', 'formRefBinding', 'formRefVersion'],
  'bpmn:ServiceTask': [...ASYNC, 'type', 'topic', 'taskPriority'],
  // A message end event is implemented on its definition: <messageEventDefinition camunda:type="external" …>.
  'bpmn:MessageEventDefinition': ['type', 'topic', 'taskPriority'],
  'bpmn:Error': ['errorMessage'],
}; // prettier-ignore

/** Attributes the Modeler writes that carry no behaviour, by element type (DI colours anywhere in DI). */
const FOREIGN_ALLOWED: Record<string, RegExp> = {
  'bpmn:Definitions':
    /^(xmlns(:.*)?|xsi:schemaLocation|modeler:executionPlatform|modeler:executionPlatformVersion)$/,
  'bpmndi:BPMNShape': /^(xmlns(:.*)?|bioc:.*|color:.*)$/,
  'bpmndi:BPMNEdge': /^(xmlns(:.*)?|bioc:.*|color:.*)$/,
  'bpmndi:BPMNLabel': /^(xmlns(:.*)?|bioc:.*|color:.*)$/,
};

export function checkAttributes(element: ModdleElement, hostId: string | null, problems: ResourceProblems): void {
  const what = describe(element.$type, element.id);
  const foreign = FOREIGN_ALLOWED[element.$type] ?? /^(xmlns(:.*)?|xsi:type)$/;
  for (const name of Object.keys(element.$attrs ?? {})) {
    if (!foreign.test(name)) problems.add(`${what}: attribute '${name}' is not supported`, hostId);
  }
  // camunda:* elements (properties, parameters …) carry their own attributes; the whitelist covers them.
  if (element.$type.startsWith('camunda:')) return;
  const allowed = CAMUNDA_BY_TYPE[element.$type] ?? [];
  const asyncAllowed = allowed.length > 0 || element.$type.endsWith('Event') || element.$type.endsWith('Gateway') || element.$type === 'bpmn:SubProcess';
  for (const [name, value] of camundaAttributes(element)) {
    if (ASYNC.includes(name) && asyncAllowed) {
      if (value === true) problems.add(`${what}: camunda:${name}="true" is not supported (no asynchronous continuations)`, hostId);
    } else if (!allowed.includes(name)) {
      problems.add(`${what}: attribute 'camunda:${name}' is not supported`, hostId);
    }
  }
} // prettier-ignore
