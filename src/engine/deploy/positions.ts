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
  const parser = new SaxesParser({ xmlns: true, position: true });
  let error: WellFormedness['error'] = null;
  parser.on('opentag', (tag) => {
    const id = tag.attributes['id'];
    const value = typeof id === 'string' ? id : id?.value;
    if (value !== undefined && !ids.has(value))
      ids.set(value, { line: parser.line, column: parser.column + 1 });
  });
  parser.on('doctype', () => {
    error ??= {
      message: 'DOCTYPE is not allowed',
      position: { line: parser.line, column: parser.column + 1 },
    };
  });
  parser.on('error', (e) => {
    // saxes prefixes "line:column: "; we report the position separately.
    error ??= {
      message: e.message.replace(/^\d+:\d+: /, ''),
      position: { line: parser.line, column: parser.column + 1 },
    };
  });
  try {
    parser.write(text).close();
  } catch {
    // saxes throws after emitting 'error' when no handler stops it; the first error is already kept.
  }
  return { ids, error };
}
