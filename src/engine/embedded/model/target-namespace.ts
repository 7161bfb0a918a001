/**
 * The `targetNamespace` of a BPMN document's `definitions` element (Camunda 7 reports it as the
 * process definition's category). The text has passed the guarded parser, so it is well-formed.
 */
export function targetNamespaceOf(xml: string): string | null {
  const definitions = /<(?:[\w.-]+:)?definitions\b[^>]*>/.exec(xml)?.[0];
  const match = definitions ? /\stargetNamespace\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(definitions) : null;
  return match ? (match[1] ?? match[2] ?? null) : null;
}
