/** `processVariables` filters of a fetch topic: equality on a process-level variable. */
import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import { processVariableMatch } from '../queries/variable-match.js';

export function addVariableFilterFor(name: string, value: unknown, params: unknown[]): string {
  const [column, stored] = comparable(name, value);
  params.push(name, stored);
  return processVariableMatch('et.process_instance_id', column);
}

function comparable(name: string, value: unknown): [string, unknown] {
  if (typeof value === 'string') return ['text_value', value];
  if (typeof value === 'number') return ['number_value', value];
  if (typeof value === 'boolean') return ['number_value', value ? 1 : 0];
  throw new InvalidRequestError(
    `processVariables.${name}: only strings, numbers and booleans can be matched`,
    'processVariables',
  );
}
