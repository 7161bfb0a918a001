/**
 * The SQL condition "the process instance in `instanceColumn` has a process-level variable `?`
 * whose `valueColumn` equals `?`" (parameters: the name, then the value), shared by the instance
 * query, fetch-and-lock topic filters and message correlation keys.
 */
export function processVariableMatch(instanceColumn: string, valueColumn: string): string {
  return `EXISTS (SELECT 1 FROM variable v WHERE v.process_instance_id = ${instanceColumn}
    AND v.scope_id = ${instanceColumn} AND v.name = ? AND v.${valueColumn} = ?)`;
}
