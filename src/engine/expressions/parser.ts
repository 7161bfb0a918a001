/**
 * Recursive-descent parser for the JUEL subset Camunda 7 diagrams use (EL 2.2 grammar, juel-impl's
 * Parser): `?:`, `|| or`, `&& and`, `== != eq ne`, `< > <= >= lt gt le ge`, `+ -`, `* / div % mod`,
 * unary `- ! not empty`, property paths `a.b` / `a['b']`, literals and parentheses. The sandbox
 * rejects method and function calls and the names `constructor`, `__proto__` and `prototype`.
 */
import type { BinaryOperator, Composite, Node } from './ast.js';
import { ExpressionSyntaxError } from './errors/expression-syntax-error.js';
import { scan, type Token } from './scanner.js';

/** Deepest nesting accepted, in parser recursion and in tree height: far above any real diagram. */
export const MAX_NESTING = 200;

const FORBIDDEN_NAMES = new Set(['constructor', '__proto__', 'prototype']);
const VALUE_START = "<IDENTIFIER>|<STRING>|<FLOAT>|<INTEGER>|'true'|'false'|'null'|'-'|'!'|'not'|'empty'|'('";

type Level = Record<string, BinaryOperator>;
const OR: Level = { '||': '||', or: '||' };
const AND: Level = { '&&': '&&', and: '&&' };
const EQUALITY: Level = { '==': '==', eq: '==', '!=': '!=', ne: '!=' };
const RELATIONAL: Level = {
  '<': '<',
  lt: '<',
  '>': '>',
  gt: '>',
  '<=': '<=',
  le: '<=',
  '>=': '>=',
  ge: '>=',
};
const ADDITIVE: Level = { '+': '+', '-': '-' };
const MULTIPLICATIVE: Level = { '*': '*', '/': '/', div: '/', '%': '%', mod: '%' };

/** Parses a whole text (literal text with `${…}` / `#{…}` parts). */
export function parseComposite(text: string): Composite {
  return new Parser(text, scan(text)).composite();
}

class Parser {
  private index = 0;
  private depth = 0;
  private readonly heights = new WeakMap<Node, number>();

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  composite(): Composite {
    const parts: (string | Node)[] = [];
    let deferred: boolean | null = null;
    for (let token = this.next(); token.kind !== 'eof'; token = this.next()) {
      if (token.kind === 'text') {
        parts.push(token.value);
        continue;
      }
      const isDeferred = token.value === '#{';
      if (deferred !== null && deferred !== isDeferred) {
        throw this.error(token.position, 'cannot mix ${…} and #{…} in one text');
      }
      deferred = isDeferred;
      parts.push(this.expression());
      this.expect('end', '}');
    }
    return { parts, deferred: deferred ?? false };
  }

  private expression(): Node {
    this.enter();
    let node = this.binary(OR, () => this.binary(AND, () => this.equality()));
    if (this.isOp('?')) {
      this.index += 1;
      const then = this.expression();
      this.expect('op', ':');
      const otherwise = this.expression();
      node = this.build({ type: 'choice', test: node, then, otherwise }, [node, then, otherwise]);
    }
    this.depth -= 1;
    return node;
  }

  private equality(): Node {
    const relational = () => this.binary(RELATIONAL, additive);
    const additive = () => this.binary(ADDITIVE, () => this.binary(MULTIPLICATIVE, () => this.unary()));
    return this.binary(EQUALITY, relational);
  }

  /** One left-associative precedence level. */
  private binary(level: Level, operand: () => Node): Node {
    let left = operand();
    for (let op = this.levelOperator(level); op; op = this.levelOperator(level)) {
      this.index += 1;
      const right = operand();
      left = this.build({ type: 'binary', operator: op, left, right }, [left, right]);
    }
    return left;
  }

  private levelOperator(level: Level): BinaryOperator | undefined {
    const token = this.peek();
    if (token.kind !== 'op' && token.kind !== 'keyword') return undefined;
    return Object.hasOwn(level, token.value) ? level[token.value] : undefined;
  }

  private unary(): Node {
    const token = this.peek();
    const operator =
      token.kind === 'op' && token.value === '-'
        ? '-'
        : (token.kind === 'op' && token.value === '!') || (token.kind === 'keyword' && token.value === 'not')
          ? '!'
          : token.kind === 'keyword' && token.value === 'empty'
            ? 'empty'
            : null;
    if (!operator) return this.value();
    this.index += 1;
    this.enter();
    const operand = this.unary();
    this.depth -= 1;
    return this.build({ type: 'unary', operator, operand }, [operand]);
  }

  private value(): Node {
    const start = this.peek().position;
    let node = this.nonLiteral() ?? this.literal();
    for (;;) {
      if (this.isOp('.')) node = this.dotProperty(node, start);
      else if (this.isOp('[')) node = this.bracketProperty(node, start);
      else return node;
    }
  }

  private dotProperty(base: Node, start: number): Node {
    const dot = this.next();
    const name = this.next();
    if (name.kind !== 'ident') throw this.unexpected(name, '<IDENTIFIER>');
    this.checkName(name.value, name.position);
    this.rejectCall(name.value);
    const baseText = this.text.slice(start, dot.position).trim();
    const node: Node = {
      type: 'property',
      base,
      key: name.value,
      baseText,
      keyLabel: name.value,
      position: name.position,
    };
    return this.build(node, [base]);
  }

  private bracketProperty(base: Node, start: number): Node {
    const bracket = this.next();
    this.enter();
    const key = this.expression();
    this.depth -= 1;
    const close = this.expect('op', ']');
    const isStringKey = key.type === 'literal' && typeof key.value === 'string';
    if (isStringKey) this.checkName(String(key.value), bracket.position + 1);
    this.rejectCall('[…]');
    const baseText = this.text.slice(start, bracket.position).trim();
    const keyText = this.text.slice(bracket.position + 1, close.position).trim();
    const keyLabel = key.type === 'literal' ? String(key.value) : `[${keyText}]`;
    const node: Node = { type: 'property', base, key, baseText, keyLabel, position: bracket.position };
    return this.build(node, [base, key]);
  }

  private nonLiteral(): Node | null {
    const token = this.peek();
    if (token.kind === 'ident') {
      this.index += 1;
      this.checkName(token.value, token.position);
      this.rejectCall(token.value);
      this.rejectFunction(token);
      return { type: 'identifier', name: token.value, position: token.position };
    }
    if (token.kind === 'op' && token.value === '(') {
      this.index += 1;
      const inner = this.expression();
      this.expect('op', ')');
      return inner;
    }
    return null;
  }

  private literal(): Node {
    const token = this.next();
    if (token.kind === 'string') return { type: 'literal', value: token.value, float: false };
    if (token.kind === 'integer') {
      const value = Number(token.value);
      if (!Number.isSafeInteger(value)) {
        throw this.error(
          token.position,
          `integer literal at position ${token.position} is too large (limit ±2^53-1)`,
        );
      }
      return { type: 'literal', value, float: false };
    }
    if (token.kind === 'float') return { type: 'literal', value: Number(token.value), float: true };
    if (token.kind === 'keyword' && ['true', 'false', 'null'].includes(token.value)) {
      const value = token.value === 'null' ? null : token.value === 'true';
      return { type: 'literal', value, float: false };
    }
    throw this.unexpected(token, VALUE_START);
  }

  private checkName(name: string, position: number): void {
    if (FORBIDDEN_NAMES.has(name)) {
      throw this.error(position, `access to '${name}' is not allowed (position ${position})`);
    }
  }

  /** `a.b(…)`, `f(…)`, `a[x](…)`: Camunda can call Java methods; our sandbox never calls anything. */
  private rejectCall(name: string): void {
    if (this.isOp('(')) {
      const at = this.peek().position;
      throw this.error(at, `method and function calls are not supported: '${name}(' at position ${at}`);
    }
  }

  /** `ns:f(…)`: an EL function call. */
  private rejectFunction(prefix: Token): void {
    const [colon, name, paren] = this.tokens.slice(this.index, this.index + 3);
    if (colon?.value === ':' && name?.kind === 'ident' && paren?.value === '(') {
      throw this.error(
        prefix.position,
        `method and function calls are not supported: '${prefix.value}:${name.value}(' at position ${prefix.position}`,
      );
    }
  }

  private build(node: Node, children: Node[]): Node {
    const height = 1 + Math.max(...children.map((c) => this.heights.get(c) ?? 1));
    if (height > MAX_NESTING) throw this.tooDeep(this.peek().position);
    this.heights.set(node, height);
    return node;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_NESTING) throw this.tooDeep(this.peek().position);
  }

  private tooDeep(position: number): ExpressionSyntaxError {
    return this.error(position, `expression nested too deeply (more than ${MAX_NESTING} levels)`);
  }

  private expect(kind: Token['kind'], value: string): Token {
    const token = this.next();
    if (token.kind !== kind || token.value !== value) throw this.unexpected(token, `'${value}'`);
    return token;
  }

  private unexpected(token: Token, expected: string): ExpressionSyntaxError {
    const image = token.value.length > 40 ? `${token.value.slice(0, 40)}…` : token.value;
    const encountered = token.kind === 'eof' ? '<EOF>' : `'${image}'`;
    return this.error(
      token.position,
      `syntax error at position ${token.position}, encountered ${encountered}, expected ${expected}`,
    );
  }

  private error(position: number, reason: string): ExpressionSyntaxError {
    return new ExpressionSyntaxError(this.text, position, reason);
  }

  private isOp(value: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.value === value;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }
}
