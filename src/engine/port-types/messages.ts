/** Message correlation. */
import type { VariableMap } from '../variables.js';
import type { ProcessInstance } from './instances.js';

export interface CorrelateMessageInput {
  messageName: string;
  businessKey?: string | null;
  processInstanceId?: string | null;
  correlationKeys?: VariableMap;
  processVariables?: VariableMap;
  /** Correlate with every match instead of exactly one. */
  all?: boolean;
  resultEnabled?: boolean;
  variablesInResultEnabled?: boolean;
}

export interface MessageCorrelationResult {
  resultType: 'Execution' | 'ProcessDefinition';
  processInstance: ProcessInstance | null;
  execution: { id: string; processInstanceId: string; ended: boolean; tenantId: string | null } | null;
  variables?: VariableMap;
}
