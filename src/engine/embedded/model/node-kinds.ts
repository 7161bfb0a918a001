/** Maps a moddle element to the interpreter's behaviour and Camunda's activity type name. */
import type { Behaviour, EventKind } from './process-model.js';

const EVENT_KINDS: Record<string, EventKind> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:TerminateEventDefinition': 'terminate',
};

/** The kind of an event's (single) event definition. */
export function eventKindOf(definitionTypes: readonly string[]): EventKind {
  const first = definitionTypes[0];
  return first ? (EVENT_KINDS[first] ?? 'none') : 'none';
}

const BEHAVIOURS: Record<string, Behaviour> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateCatchEvent': 'catchEvent',
  'bpmn:IntermediateThrowEvent': 'throwEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:ServiceTask': 'externalTask',
  'bpmn:SendTask': 'externalTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:Task': 'passThrough',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:SubProcess': 'subProcess',
};

/** The behaviour of a flow node type, or null for elements that carry none (annotations, data…). */
export function behaviourOf(bpmnType: string, triggeredByEvent: boolean): Behaviour | null {
  if (bpmnType === 'bpmn:SubProcess' && triggeredByEvent) return 'eventSubProcess';
  return BEHAVIOURS[bpmnType] ?? null;
}

const EVENT_TYPES: Record<string, Partial<Record<EventKind, string>>> = {
  startEvent: {
    none: 'startEvent',
    message: 'messageStartEvent',
    timer: 'startTimerEvent',
    error: 'errorStartEvent',
    escalation: 'escalationStartEvent',
  },
  endEvent: {
    none: 'noneEndEvent',
    message: 'messageEndEvent',
    error: 'errorEndEvent',
    escalation: 'escalationEndEvent',
    terminate: 'terminateEndEvent',
  },
  catchEvent: { timer: 'intermediateTimer', message: 'intermediateMessageCatch' },
  throwEvent: {
    none: 'intermediateNoneThrowEvent',
    escalation: 'intermediateEscalationThrowEvent',
    message: 'intermediateMessageThrowEvent',
  },
  boundaryEvent: {
    timer: 'boundaryTimer',
    message: 'boundaryMessage',
    error: 'boundaryError',
    escalation: 'boundaryEscalation',
  },
};

const OTHER_TYPES: Partial<Record<Behaviour, string>> = {
  externalTask: 'serviceTask',
  userTask: 'userTask',
  passThrough: 'task',
  exclusiveGateway: 'exclusiveGateway',
  parallelGateway: 'parallelGateway',
  inclusiveGateway: 'inclusiveGateway',
  eventBasedGateway: 'eventBasedGateway',
  subProcess: 'subProcess',
  eventSubProcess: 'subProcess',
};

/** Camunda's activity type name (`ActivityTypes`), as history and activity trees report it. */
export function activityTypeOf(behaviour: Behaviour, event: EventKind, bpmnType: string): string {
  const byEvent = EVENT_TYPES[behaviour];
  if (byEvent) return byEvent[event] ?? behaviour;
  if (bpmnType === 'bpmn:SendTask') return 'sendTask';
  return OTHER_TYPES[behaviour] ?? behaviour;
}
