import { expect } from 'chai';
import fc from 'fast-check';
import { ExpressionSyntaxError, MAX_NESTING, parseExpression } from './index.js';

function syntaxError(text: string): ExpressionSyntaxError {
  try {
    parseExpression(text);
  } catch (error) {
    expect(error).to.be.instanceOf(ExpressionSyntaxError);
    return error as ExpressionSyntaxError;
  }
  throw new Error(`expected ${text} to be rejected`);
}

describe('JUEL parser', () => {
  describe('accepted forms', () => {
    it('Given a composite text, when it is parsed, then its root identifiers are listed once each', () => {
      const e = parseExpression('Stage ${n} for ${a.b[c] > n ? x : y}');
      expect(e.isLiteral).to.equal(false);
      expect(e.identifiers).to.deep.equal(['n', 'a', 'c', 'x', 'y']);
    });

    it('Given a text without ${…}, when it is parsed, then it is a literal', () => {
      const e = parseExpression('candidates-group');
      expect(e.isLiteral).to.equal(true);
      expect(e.identifiers).to.deep.equal([]);
      expect(e.evaluate(() => ({ found: false }))).to.equal('candidates-group');
    });

    it('Given Unicode identifiers and strings, when parsed and evaluated, then they work', () => {
      const e = parseExpression("${émigré == 'Zoë 🙂'}");
      expect(e.identifiers).to.deep.equal(['émigré']);
      expect(e.evaluate(() => ({ found: true, value: 'Zoë 🙂' }))).to.equal(true);
    });

    it('Given whitespace and newlines inside ${ }, when parsed, then they are ignored', () => {
      expect(parseExpression('${\n  1 +\t2\r\n}').evaluate(() => ({ found: false }))).to.equal(3);
    });
  });

  describe('rejections', () => {
    const cases: [string, number, string][] = [
      ['${a.b()}', 5, 'method and function calls are not supported'],
      ['${f()}', 3, 'method and function calls are not supported'],
      ['${a[0]()}', 6, 'method and function calls are not supported'],
      ['${fn:upper(x)}', 2, 'method and function calls are not supported'],
      ['${a.constructor}', 4, "access to 'constructor' is not allowed"],
      ["${a['__proto__']}", 4, "access to '__proto__' is not allowed"],
      ['${a["prototype"]}', 4, "access to 'prototype' is not allowed"],
      ["${''.constructor}", 5, "access to 'constructor' is not allowed"],
      ['${constructor}', 2, "access to 'constructor' is not allowed"],
      ['${a.b.__proto__.x}', 6, "access to '__proto__' is not allowed"],
      ["${'abc}", 2, 'unterminated string literal'],
      ['${"abc', 2, 'unterminated string literal'],
      ["${'a\\nb'}", 4, 'invalid escape sequence'],
      ['${a', 3, 'unterminated expression'],
      ['${a +}', 5, "encountered '}'"],
      ['${}', 2, "encountered '}'"],
      ['${a b}', 4, "expected '}'"],
      ['${(a}', 4, "expected ')'"],
      ['${a ? b}', 7, "expected ':'"],
      ['${a.1}', 3, 'encountered'],
      ['${a.empty}', 4, 'expected <IDENTIFIER>'],
      ['${a instanceof b}', 4, "encountered 'instanceof'"],
      ['${a = 1}', 4, "encountered '='"],
      ['${a & b}', 4, "encountered '&'"],
      ['${#a}', 2, "encountered '#'"],
      ['${99999999999999999999}', 2, 'integer literal at position 2 is too large'],
      ['#{a} ${b}', 5, 'cannot mix'],
    ];
    for (const [text, position, reason] of cases) {
      it(`Given ${text}, when it is parsed, then it is rejected at position ${position} (${reason})`, () => {
        const error = syntaxError(text);
        expect(error.position).to.equal(position);
        expect(error.reason).to.contain(reason);
        expect(error.text).to.equal(text);
        expect(error.message).to.equal(`Error parsing '${text}': ${error.reason}`);
        expect(error.code).to.equal('EXPRESSION_SYNTAX');
      });
    }
  });

  describe('hostile input', () => {
    it('Given 100,000 nested parentheses, when parsed, then a syntax error is thrown, not a stack overflow', () => {
      const text = '${' + '('.repeat(100_000) + 'a' + ')'.repeat(100_000) + '}';
      expect(syntaxError(text).reason).to.contain('nested too deeply');
    });

    it('Given nesting just inside the limit, when parsed, then it is accepted', () => {
      const depth = MAX_NESTING - 2;
      const text = '${' + '('.repeat(depth) + '1' + ')'.repeat(depth) + '}';
      expect(parseExpression(text).evaluate(() => ({ found: false }))).to.equal(1);
    });

    it('Given 100,000 chained additions, when parsed, then the tree height limit rejects it', () => {
      const text = '${' + Array.from({ length: 100_000 }, () => 'a').join('+') + '}';
      expect(syntaxError(text).reason).to.contain('nested too deeply');
    });

    it('Given 100,000 unary minus signs, when parsed, then it is rejected cleanly', () => {
      expect(syntaxError('${' + '-'.repeat(100_000) + '1}').reason).to.contain('nested too deeply');
    });

    it('Given a huge float literal, when evaluated, then it is Infinity as in Java', () => {
      const text = '${' + '9'.repeat(400) + '.0}';
      expect(parseExpression(text).evaluate(() => ({ found: false }))).to.equal(Infinity);
    });

    it('Given a one-megabyte string literal, when parsed, then it evaluates and the error text stays short', () => {
      const big = 'x'.repeat(1_000_000);
      expect(parseExpression("${'" + big + "'}").evaluate(() => ({ found: false }))).to.have.length(
        1_000_000,
      );
      expect(syntaxError("${'" + big).message.length).to.be.below(400);
    });

    it('Given control characters and lone surrogates, when parsed, then the parser answers with a syntax error', () => {
      expect(syntaxError('${\u0000}').reason).to.contain('\\u0000');
      expect(syntaxError('${\ud800}').reason).to.contain('lexical error');
    });

    it('Given arbitrary text, when parsed, then only ExpressionSyntaxError is ever thrown', () => {
      const pieces = fc.constantFrom(
        '${', '#{', '}', '(', ')', '[', ']', '.', "'", '"', '\\', '?', ':', ' ', 'a', 'b1', '1', '2.5e3',
        '+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||', '!', 'not', 'empty', 'and', 'eq', 'div',
        'null', 'true', 'constructor', '__proto__', 'x()', '\u0000', '🙂', 'é',
      ); // prettier-ignore
      const texts = fc.oneof(
        fc.string(),
        fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
      );
      fc.assert(
        fc.property(texts, (text) => {
          try {
            parseExpression(text);
          } catch (error) {
            if (!(error instanceof ExpressionSyntaxError)) throw error;
          }
        }),
        { numRuns: 5000 },
      );
    });

    it('Given arbitrary parsed expressions, when evaluated against odd values, then only engine errors escape', () => {
      const values = fc.oneof(
        fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(),
        fc.date({ noInvalidDate: true }), fc.array(fc.integer(), { maxLength: 3 }),
        fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }),
      ); // prettier-ignore
      const ops = fc.constantFrom('+', '-', '*', '/', '%', '==', '<', '>=', '&&', '||', ' div ', ' mod ');
      fc.assert(
        fc.property(values, values, ops, (x, y, op) => {
          const resolve = (name: string) => ({ found: true as const, value: name === 'x' ? x : y });
          try {
            parseExpression(`\${x ${op} y} \${x.k} \${empty y} \${-x} \${x[y]}`).evaluate(resolve);
          } catch (error) {
            expect((error as { code?: string }).code).to.be.oneOf([
              'UNKNOWN_PROPERTY',
              'EXPRESSION_EVALUATION',
            ]);
          }
        }),
        { numRuns: 3000 },
      );
    });
  });
});
