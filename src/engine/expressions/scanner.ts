/**
 * JUEL's scanner: splits a text into literal text, `${` / `#{` openers, the tokens inside, and `}`.
 * Follows juel-impl's Scanner (string escapes `\\` and `\'`/`\"` only, `\${` escapes an opener in text,
 * numbers as INTEGER or FLOAT), with positions as zero-based UTF-16 offsets.
 */
import { ExpressionSyntaxError } from './errors/expression-syntax-error.js';

export type TokenKind =
  'text' | 'start' | 'end' | 'ident' | 'keyword' | 'string' | 'integer' | 'float' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The token's meaning: the unescaped string, the identifier, the operator, `${` or `#{` … */
  value: string;
  position: number;
}

const KEYWORDS = new Set([
  'null', 'true', 'false', 'empty', 'div', 'mod', 'not', 'and', 'or',
  'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'instanceof',
]); // prettier-ignore

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '+', '-', '*', '/', '%', '?', ':', '.', '[', ']', '(', ')', ',']; // prettier-ignore

/** Java identifier characters (Character.isJavaIdentifierStart / Part, close enough for Unicode letters). */
const IDENT_START = /[\p{L}\p{Nl}\p{Sc}_]/u;
const IDENT_PART = /[\p{L}\p{Nl}\p{Sc}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Scans the whole text into tokens, ending with `eof`. Throws ExpressionSyntaxError on lexical errors. */
export function scan(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    pos = scanText(text, pos, tokens);
    if (pos < text.length) pos = scanEval(text, pos, tokens);
  }
  tokens.push({ kind: 'eof', value: '', position: text.length });
  return tokens;
}

function isOpener(text: string, i: number): boolean {
  return (text[i] === '$' || text[i] === '#') && text[i + 1] === '{';
}

/** Literal text up to the next unescaped `${` / `#{`. */
function scanText(text: string, start: number, tokens: Token[]): number {
  let out = '';
  let i = start;
  while (i < text.length && !isOpener(text, i)) {
    if (text[i] === '\\' && isOpener(text, i + 1)) {
      out += `${text[i + 1]}{`;
      i += 3;
    } else {
      out += text[i];
      i += 1;
    }
  }
  if (i > start) tokens.push({ kind: 'text', value: out, position: start });
  return i;
}

/** One `${ … }`: the opener, the tokens inside and the closing brace. */
function scanEval(text: string, start: number, tokens: Token[]): number {
  tokens.push({ kind: 'start', value: `${text[start]}{`, position: start });
  let i = start + 2;
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i] ?? '')) i += 1;
    if (i >= text.length) throw lexical(text, i, 'unterminated expression, expected }');
    if (text[i] === '}') {
      tokens.push({ kind: 'end', value: '}', position: i });
      return i + 1;
    }
    const token = nextToken(text, i);
    tokens.push(token.token);
    i = token.end;
  }
}

function nextToken(text: string, i: number): { token: Token; end: number } {
  const c = text[i] ?? '';
  if (c === "'" || c === '"') return scanString(text, i);
  if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) return scanNumber(text, i);
  if (IDENT_START.test(c)) return scanIdentifier(text, i);
  const op = OPERATORS.find((o) => text.startsWith(o, i));
  if (op) return { token: { kind: 'op', value: op, position: i }, end: i + op.length };
  throw lexical(text, i, `lexical error at position ${i}, encountered '${describe(text, i)}'`);
}

function scanString(text: string, start: number): { token: Token; end: number } {
  const quote = text[start];
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === quote) return { token: { kind: 'string', value: out, position: start }, end: i + 1 };
    if (c === '\\') {
      const next = text[i + 1];
      if (next !== '\\' && next !== quote) {
        throw lexical(text, i, `lexical error at position ${i}, invalid escape sequence in string literal`);
      }
      out += next;
      i += 2;
    } else {
      out += c;
      i += 1;
    }
  }
  throw lexical(text, start, `lexical error at position ${start}, unterminated string literal`);
}

function scanNumber(text: string, start: number): { token: Token; end: number } {
  let i = start;
  let kind: TokenKind = 'integer';
  while (isDigit(text[i] ?? '')) i += 1;
  if (text[i] === '.') {
    kind = 'float';
    i += 1;
    while (isDigit(text[i] ?? '')) i += 1;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    let j = i + 1;
    if (text[j] === '+' || text[j] === '-') j += 1;
    if (isDigit(text[j] ?? '')) {
      while (isDigit(text[j] ?? '')) j += 1;
      kind = 'float';
      i = j;
    }
  }
  return { token: { kind, value: text.slice(start, i), position: start }, end: i };
}

function scanIdentifier(text: string, start: number): { token: Token; end: number } {
  let i = start;
  // Step by code point so astral letters (e.g. 𝒳) stay whole.
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (!(i > start ? IDENT_PART : IDENT_START).test(ch)) break;
    i += ch.length;
  }
  const word = text.slice(start, i);
  return { token: { kind: KEYWORDS.has(word) ? 'keyword' : 'ident', value: word, position: start }, end: i };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function describe(text: string, i: number): string {
  const cp = text.codePointAt(i) ?? 0;
  return cp < 0x20 || cp === 0x7f ? `\\u${cp.toString(16).padStart(4, '0')}` : String.fromCodePoint(cp);
}

function lexical(text: string, position: number, reason: string): ExpressionSyntaxError {
  return new ExpressionSyntaxError(text, position, reason);
}
