/**
 * Which outgoing sequence flows a node takes, with Camunda 7's rules: an exclusive gateway takes
 * the first flow whose condition holds (in diagram order), an inclusive gateway every one, a
 * parallel gateway all; any other activity takes every unconditional or true flow (an implicit
 * split). Each falls back to its default flow; with nothing to take, the step fails.
 */
import { ProcessEngineError } from '../../errors/process-engine-error.js';
import type { FlowNode, SequenceFlow } from '../model/process-model.js';
import { evaluateCondition } from './evaluate.js';
import type { Step } from './step.js';
import type { ScopeRef } from './variables.js';

export function selectOutgoing(step: Step, node: FlowNode, chain: readonly ScopeRef[]): SequenceFlow[] {
  const { outgoing } = node;
  if (outgoing.length === 0) return [];
  if (node.behaviour === 'parallelGateway') return [...outgoing];
  const holds = (flow: SequenceFlow): boolean =>
    !flow.condition || evaluateCondition(step, flow.condition, chain);
  const candidates = outgoing.filter((f) => !f.isDefault);
  const fallback = outgoing.find((f) => f.isDefault);
  if (node.behaviour === 'exclusiveGateway') {
    const first = candidates.find(holds);
    if (first) return [first];
    if (fallback) return [fallback];
    throw noFlow(node);
  }
  const taken = candidates.filter(holds);
  if (taken.length > 0) return taken;
  if (fallback) return [fallback];
  throw noFlow(node);
}

function noFlow(node: FlowNode): ProcessEngineError {
  if (node.behaviour === 'exclusiveGateway' || node.behaviour === 'inclusiveGateway') {
    return new ProcessEngineError(
      `ENGINE-02004 No outgoing sequence flow for the element with id '${node.id}' could be selected for continuing the process.`,
      'NO_OUTGOING_FLOW',
    );
  }
  return new ProcessEngineError(
    `No conditional sequence flow leaving the Flow Node '${node.id}' could be selected for continuing the process`,
    'NO_OUTGOING_FLOW',
  );
}
