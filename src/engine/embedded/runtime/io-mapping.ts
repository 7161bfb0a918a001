/**
 * `camunda:inputOutput`: input parameters become local variables of the activity when it starts
 * (evaluated in the enclosing scope); output parameters are evaluated in the activity's scope when
 * it ends and set in the enclosing scope with Camunda's `setVariable` propagation.
 */
import type { Parameter } from '../../deploy/model.js';
import type { Expression } from '../../expressions/expression.js';
import type { TypedValue } from '../../variables.js';
import type { FlowNode } from '../model/process-model.js';
import type { ActivityRow } from '../store/rows.js';
import { typeOf } from '../values/variable-codec.js';
import { evaluate, evaluateTyped } from './evaluate.js';
import type { Step } from './step.js';
import { scopeChain, setLocalVariable, setVariable, type ScopeRef } from './variables.js';

export function mapInputs(step: Step, activity: ActivityRow, node: FlowNode): void {
  if (node.info.inputs.length === 0) return;
  const own: ScopeRef = { scopeId: activity.execution_id, activityInstanceId: activity.id };
  // Inputs see the enclosing scopes and the inputs mapped before them (Camunda maps in order).
  const chain = [own, ...scopeChain(step.instance, activity).filter((s) => s.scopeId !== own.scopeId)];
  for (const parameter of node.info.inputs) {
    setLocalVariable(step, own, parameter.name, parameterValue(step, parameter, chain));
  }
}

export function mapOutputs(step: Step, activity: ActivityRow, node: FlowNode): void {
  if (node.info.outputs.length === 0) return;
  const inner = scopeChain(step.instance, activity);
  const outer = inner.slice(1);
  for (const parameter of node.info.outputs) {
    setVariable(step, outer, parameter.name, parameterValue(step, parameter, inner));
  }
}

function parameterValue(step: Step, parameter: Parameter, chain: readonly ScopeRef[]): TypedValue {
  const { value } = parameter;
  if (value === null) return { type: 'Null', value: null };
  if (Array.isArray(value)) return typeOf(value.map((e) => plain(step, e, chain)));
  if (isExpression(value)) return evaluateTyped(step, value, chain);
  const map: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) map[key] = plain(step, entry, chain);
  return typeOf(map);
}

function plain(step: Step, expression: Expression, chain: readonly ScopeRef[]): unknown {
  return evaluate(step, expression, chain);
}

function isExpression(value: Expression | Record<string, Expression>): value is Expression {
  return typeof (value as Expression).evaluate === 'function';
}
