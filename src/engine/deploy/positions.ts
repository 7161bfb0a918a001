/**
 * The well-formedness pass (saxes): the first XML error with its line and column, and the position
 * of every element that has an `id`, so any later problem can be placed. Positions follow Java's SAX
 * Locator, which Camunda uses: 1-based line, and the column just after the start tag's `>`.
 */
import { SaxesParser } from 'saxes';

export interface Position {
  line: number;
  column: number;
}

export interface WellFormedness {
  ids: Map<string, Position>;
  error: { message: string; position: Position } | null;
}

/** Parses without resolving anything external (saxes never fetches or expands external entities). */
export function checkWellFormed(text: string): WellFormedness {
  const ids = new Map<string, Position>();
  // saxes closes the inner element (emitting 'closetag') before it reports a mismatched end tag.
  let lastClosed: string | undefined;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const here = (): Position => ({ line: parser.line, column: parser.column + 1 });
  let error: WellFormedness['error'] = null;
  parser.on('opentag', (tag) => {
    const id = tag.attributes['id'];
    const value = typeof id === 'string' ? id : id?.value;
    if (value !== undefined && !ids.has(value)) ids.set(value, here());
  });
  parser.on('closetag', (tag) => {
    lastClosed = tag.name;
  });
  parser.on('doctype', () => {
    error ??= { message: 'DOCTYPE is not allowed', position: here() };
  });
  parser.on('error', (e) => {
    error ??= { message: describeError(e.message, lastClosed), position: here() };
  });
  try {
    parser.write(text).close();
  } catch {
    // With an error handler attached saxes reports instead of throwing; this is only a safety net.
  }
  return { ids, error };
}

/** saxes' message without its "line:column: " prefix; a misplaced end tag in Java's (Xerces') words. */
function describeError(message: string, unclosed: string | undefined): string {
  const plain = message.replace(/^\d+:\d+: /, '');
  if (plain !== 'unexpected close tag.' || !unclosed) return plain;
  return `The element type "${unclosed}" must be terminated by the matching end-tag "</${unclosed}>".`;
}
