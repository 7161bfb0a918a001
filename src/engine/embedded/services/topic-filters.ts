/** `processVariables` filters of a fetch topic: equality on a process-level variable. */
import { InvalidRequestError } from '../../errors/invalid-request-error.js';

export function addVariableFilterFor(name: string, value: unknown, params: unknown[]): string {
  const [column, stored] = comparable(name, value);
  params.push(name, stored);
  return `EXISTS (SELECT 1 FROM variable v WHERE v.process_instance_id = et.process_instance_id
    AND v.scope_id = et.process_instance_id AND v.name = ? AND v.${column} = ?)`;
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
