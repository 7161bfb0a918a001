/**
 * Reads the variables an expression text uses. `${…}` and `#{…}` blocks are scanned with string
 * literals removed; a root identifier is any name not after a `.` that is not a JUEL keyword.
 * This is a lint-time reading only: the engine's own JUEL parser validates at deploy time.
 */

const KEYWORDS = new Set([
  'true',
  'false',
  'null',
  'empty',
  'not',
  'and',
  'or',
  'eq',
  'ne',
  'lt',
  'gt',
  'le',
  'ge',
  'div',
  'mod',
  'instanceof',
]);

/** The bodies of the `${…}` / `#{…}` blocks in a text. */
export function expressionBodies(text: string): string[] {
  const out: string[] = [];
  const re = /[$#]\{((?:[^}'"]|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")*)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? '');
  return out;
}

function withoutStrings(body: string): string {
  return body.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, '""');
}

/** Root variable names used in a text's expressions, e.g. `${outcome == 'resolved'}` → outcome. */
export function usedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const body of expressionBodies(text)) {
    const re = /(^|[^.\w$])([A-Za-z_$][\w$]*)/g;
    const clean = withoutStrings(body);
    for (let m = re.exec(clean); m; m = re.exec(clean)) {
      const name = m[2] ?? '';
      if (!KEYWORDS.has(name) && !/^\d/.test(name)) names.add(name);
    }
  }
  return [...names];
}

/** Property paths (`a.b`, `a['b']`) in a text's expressions, as written. */
export function propertyPaths(text: string): string[] {
  const out: string[] = [];
  for (const body of expressionBodies(text)) {
    const clean = withoutStrings(body);
    const re = /[A-Za-z_$][\w$]*\s*(?:\.\s*[A-Za-z_$][\w$]*|\[)/g;
    for (let m = re.exec(clean); m; m = re.exec(clean)) out.push(m[0]);
  }
  return out;
}
