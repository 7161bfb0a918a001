/**
 * The checks that run before any XML parser sees a resource: the deployment's size, UTF-8 text, and
 * no DOCTYPE or ENTITY declaration anywhere (XXE and billion-laughs attacks need one of them).
 */
import type { DeploymentResourceInput } from '../port.js';
import type { Position } from './positions.js';

/** Camunda answers for the whole deployment; our limit is on the sum of its resources. */
export function sizeProblem(resources: DeploymentResourceInput[], maxBytes: number): string | null {
  const total = resources.reduce((sum, r) => sum + r.content.length, 0);
  return total > maxBytes
    ? `The deployment is ${total} bytes, more than the limit of ${maxBytes} bytes`
    : null;
}

/** Decodes UTF-8 (with or without a byte-order mark); null when the bytes are not UTF-8 text. */
export function decodeText(content: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
    // Binary junk can be valid UTF-8 yet hold NULs, which XML forbids anywhere.
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}

/**
 * Where the first `<!DOCTYPE` or `<!ENTITY` is, if any. Deliberately blunt: one inside a comment or
 * CDATA is refused too, since a diagram never needs one.
 */
export function findDeclaration(text: string): { keyword: string; position: Position } | null {
  const match = /<!\s*(DOCTYPE|ENTITY)/i.exec(text);
  if (!match) return null;
  return { keyword: (match[1] ?? '').toUpperCase(), position: positionOf(text, match.index) };
}

/** 1-based line and column of an offset. */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
