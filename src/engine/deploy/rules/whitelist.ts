/**
 * Which moddle types a deployment may contain at all. Anything else is refused with a reason; the
 * family rules (events.ts, activities.ts, gateways.ts …) then check how the allowed ones are used.
 */

/** Element types that may appear anywhere (structure, artifacts, DI, extension containers). */
const ALLOWED = new Set([
  'bpmn:Definitions', 'bpmn:Process', 'bpmn:Collaboration', 'bpmn:Participant', 'bpmn:MessageFlow',
  'bpmn:LaneSet', 'bpmn:Lane', 'bpmn:TextAnnotation', 'bpmn:Group', 'bpmn:Category', 'bpmn:CategoryValue',
  'bpmn:Association', 'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataInputAssociation',
  'bpmn:DataOutputAssociation', 'bpmn:Property', 'bpmn:Documentation', 'bpmn:ExtensionElements',
  'bpmn:Message', 'bpmn:Error', 'bpmn:Escalation', 'bpmn:FormalExpression', 'bpmn:Expression',
  'bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent',
  'bpmn:BoundaryEvent', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway', 'bpmn:SubProcess', 'bpmn:SequenceFlow',
  'bpmn:MessageEventDefinition', 'bpmn:ErrorEventDefinition', 'bpmn:EscalationEventDefinition',
  'bpmn:TerminateEventDefinition', 'bpmn:TimerEventDefinition',
  'bpmndi:BPMNDiagram', 'bpmndi:BPMNPlane', 'bpmndi:BPMNShape', 'bpmndi:BPMNEdge', 'bpmndi:BPMNLabel',
  'bpmndi:BPMNLabelStyle', 'dc:Bounds', 'dc:Point', 'dc:Font',
  'camunda:Properties', 'camunda:Property', 'camunda:InputOutput', 'camunda:InputParameter',
  'camunda:OutputParameter', 'camunda:List', 'camunda:Map', 'camunda:Entry', 'camunda:Value',
]); // prettier-ignore

/** Why a known but unsupported type is refused (the default reason covers the rest). */
const REASONS: Record<string, string> = {
  'bpmn:ScriptTask': 'script tasks run code inside the engine; use an external service task',
  'bpmn:SendTask': 'send tasks are not supported; use an external service task that sends the message',
  'bpmn:ReceiveTask': 'receive tasks are not supported; use an intermediate message catch event',
  'bpmn:BusinessRuleTask': 'business rule (DMN) tasks are not supported; use an external service task',
  'bpmn:ManualTask': 'manual tasks are not supported; use a user task',
  'bpmn:Task': 'untyped tasks have no behaviour to run; use a user task or an external service task',
  'bpmn:CallActivity': 'call activities are not supported; use an embedded sub-process',
  'bpmn:Transaction': 'transactions are not supported',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes are not supported',
  'bpmn:ComplexGateway': 'complex gateways are not supported',
  'bpmn:SignalEventDefinition': 'signal events are not supported; use message events',
  'bpmn:Signal': 'signals are not supported; use messages',
  'bpmn:ConditionalEventDefinition': 'conditional events are not supported',
  'bpmn:CompensateEventDefinition': 'compensation is not supported',
  'bpmn:LinkEventDefinition': 'link events are not supported; draw the sequence flow',
  'bpmn:CancelEventDefinition': 'cancel events are not supported',
  'bpmn:MultiInstanceLoopCharacteristics': 'multi-instance activities are not supported',
  'bpmn:StandardLoopCharacteristics': 'standard loops are not supported; model the loop with gateways',
  'bpmn:DataStoreReference': 'data stores are not supported',
  'camunda:ExecutionListener': 'listeners run code inside the engine and are not supported',
  'camunda:TaskListener': 'listeners run code inside the engine and are not supported',
  'camunda:Script': 'script values are not supported; use an expression or a text',
  'camunda:Connector': 'connectors are not supported; use an external service task',
  'camunda:FormData': 'generated task forms are not supported; use camunda:formRef with a Camunda Form',
  'camunda:FailedJobRetryTimeCycle': 'asynchronous continuations (jobs) are not supported',
  'camunda:In': 'call activities are not supported',
  'camunda:Out': 'call activities are not supported',
};

/** Null when the type is allowed, else why not. */
export function typeProblem(type: string): string | null {
  if (ALLOWED.has(type)) return null;
  if (REASONS[type]) return REASONS[type];
  if (type.startsWith('zeebe:'))
    return 'Camunda 8 (zeebe) extensions are not supported; this engine runs Camunda 7 diagrams';
  return 'not supported by this engine';
}

/** How an element is named in problems: `bpmn:ScriptTask 'Task_1'`. */
export function describe(type: string, id: string | undefined): string {
  return id ? `${type} '${id}'` : type;
}
