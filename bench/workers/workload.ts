/**
 * bench:workers' workload: one diagram per topic with a single external task carrying the inputs a
 * real diagram gives that topic, and start variables as the raise contract writes them.
 */
import { bpmn } from '../../test/conformance/fixtures/bpmn-builder.js';
import type { VariableMap } from '../../src/engine/port.js';
import { parseStartVariables, toStartVariableMap } from '../../processes/variables.js';
import { SAMPLE_ESCALATION } from '../../processes/scenarios/scenario.js';

/** The inner XML of each topic's task: its properties or inputs. */
export const TOPIC_TASKS: Record<string, string> = {
  'escalation-schedule':
    '<bpmn:extensionElements><camunda:properties><camunda:property name="timescale" value="2 working days" /><camunda:property name="dueVariable" value="benchDue" /></camunda:properties></bpmn:extensionElements>',
  'escalation-notify':
    '<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="template">stage-started</camunda:inputParameter><camunda:inputParameter name="role">line-manager</camunda:inputParameter><camunda:inputParameter name="side">both</camunda:inputParameter><camunda:inputParameter name="stage">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>',
  'escalation-record':
    '<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="recordKind">stage-outcome</camunda:inputParameter><camunda:inputParameter name="stage">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>',
  'escalation-form':
    '<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="form">liverpool-appendix-1-summary-log</camunda:inputParameter><camunda:inputParameter name="stage">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>',
};

/** start → the topic's task → end. */
export function benchDiagram(topic: string, inner: string): string {
  return bpmn({
    key: `bench_${topic.replace('-', '_')}`,
    name: `Benchmark: ${topic}`,
    elements: [
      { id: 'Start', tag: 'startEvent', col: 0, row: 0 },
      {
        id: 'Work',
        tag: 'serviceTask',
        col: 1,
        row: 0,
        attrs: { 'camunda:type': 'external', 'camunda:topic': topic },
        inner,
      },
      { id: 'End', tag: 'endEvent', col: 2, row: 0 },
    ],
    flows: [
      { from: 'Start', to: 'Work' },
      { from: 'Work', to: 'End' },
    ],
  });
}

/** A Liverpool raise (the default sample; Northamptonshire for the latency run gets its own key). */
export function startVariables(
  i: number,
  caseReference = `CR-2026-${String(i).padStart(5, '0')}`,
): VariableMap {
  const northamptonshire = caseReference.startsWith('CR-2026-9');
  return toStartVariableMap(
    parseStartVariables({
      ...SAMPLE_ESCALATION,
      partnership: northamptonshire ? 'northamptonshire' : 'liverpool',
      escalationId: `bench-${caseReference}`,
      raisedAt: new Date('2026-11-02T10:00:00Z'),
      caseReference,
      ...(northamptonshire ? { stage3MaxLevels: 3 } : {}),
    }),
  );
}
