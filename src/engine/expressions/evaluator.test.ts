import { expect } from 'chai';
import {
  ExpressionEvaluationError,
  parseExpression,
  UnknownPropertyError,
  type VariableResolver,
} from './index.js';
import { ProcessEngineError } from '../errors/process-engine-error.js';

/** A scope like the runtime's: plain values, optionally typed. */
function scope(vars: Record<string, unknown>, types: Record<string, string> = {}): VariableResolver {
  return (name) =>
    Object.hasOwn(vars, name) ? { found: true, value: vars[name], type: types[name] } : { found: false };
}

const vars = {
  a: { b: { c: 5 }, list: [10, 20], flag: true },
  n: 2,
  big: 9007199254740991,
  s: '5',
  word: 'abc',
  t: 'TRUE',
  nothing: null,
  d1: new Date('2026-11-23T09:00:00Z'),
  d2: new Date('2026-11-30T09:00:00Z'),
  empties: { s: '', l: [], m: {} },
};
const evaluate = (text: string, extra: Record<string, unknown> = {}) =>
  parseExpression(text).evaluate(scope({ ...vars, ...extra }));

describe('JUEL evaluator', () => {
  describe('values and paths', () => {
    const cases: [string, unknown][] = [
      ['${n}', 2],
      ['#{n}', 2],
      ['${a.b.c}', 5],
      ["${a['b']['c']}", 5],
      ['${a["list"][1]}', 20],
      ["${a.list['0']}", 10],
      ['${nothing}', null],
      ['${nothing.x}', null],
      ["${'a\\'b'}", "a'b"],
      ['${"a\\"b\\\\c"}', 'a"b\\c'],
      ['${12}', 12],
      ['${1.5e3}', 1500],
      ['${.5}', 0.5],
      ['${true}', true],
      ['${false}', false],
      ['${null}', null],
      ['Stage ${n} of ${a.b.c}', 'Stage 2 of 5'],
      ['plain text', 'plain text'],
      ['\\${n} is ${n}', '${n} is 2'],
      ['${n}${n}', '22'],
      ['x ${nothing}', 'x '],
      ['${1.0}', 1],
      ['v=${1.0}', 'v=1.0'],
      ['v=${a.list}', 'v=[10, 20]'],
      ['v=${1e10 * 1}', 'v=1.0E10'],
      ['v=${0.0001 * 1}', 'v=1.0E-4'],
      ['v=${7 / 2}', 'v=3.5'],
      ['v=${a.b}', 'v={c=5}'],
      ['${d1}', vars.d1],
    ];
    for (const [text, expected] of cases) {
      it(`Given the scope, when ${text} is evaluated, then it yields ${JSON.stringify(expected)}`, () => {
        expect(evaluate(text)).to.deep.equal(expected);
      });
    }
  });

  describe('operators (JSR-245 coercion)', () => {
    const cases: [string, unknown][] = [
      ["${'5' == 5}", true],
      ['${s == 5}', true],
      ["${'' == 0}", true],
      ['${nothing == null}', true],
      ['${nothing == 0}', false],
      ['${n eq 2}', true],
      ['${n != 2}', false],
      ['${n ne 3}', true],
      ["${'true' == true}", true],
      ['${t == true}', true],
      ["${'abc' == 'abc'}", true],
      ['${1.5 == 1.5}', true],
      ["${'1.5' == 1.5}", true],
      ['${3 > 2}', true],
      ['${3 gt 2}', true],
      ['${2 < 10}', true],
      ["${'2' < '10'}", false],
      ["${'2' < 10}", true],
      ['${2 le 2}', true],
      ['${2 ge 3}', false],
      ['${2 lt 2.5}', true],
      ['${nothing < 1}', false],
      ['${nothing > 1}', false],
      ['${nothing <= nothing}', true],
      ['${d1 < d2}', true],
      ['${d2 ge d1}', true],
      ['${d1 == d1}', true],
      ['${false < true}', true],
      ['${1 + 2}', 3],
      ["${'1' + 2}", 3],
      ["${'1.5' + 1}", 2.5],
      ['${s + 1}', 6],
      ['${nothing + nothing}', 0],
      ['${nothing + 1}', 1],
      ['${7 / 2}', 3.5],
      ['${7 div 2}', 3.5],
      ['${6 / 3}', 2],
      ['${1 / 0}', Infinity],
      ['${7 % 3}', 1],
      ['${-7 % 3}', -1],
      ['${7 mod 3}', 1],
      ['${7.5 % 2}', 1.5],
      ['${2 * 3 + 4}', 10],
      ['${2 * (3 + 4)}', 14],
      ['${-n}', -2],
      ['${-s}', -5],
      ["${-'1.5'}", -1.5],
      ['${- -n}', 2],
      ['${10 - 2 - 3}', 5],
      ['${true && false}', false],
      ['${true and true}', true],
      ['${false || true}', true],
      ['${false or false}', false],
      ['${!true}', false],
      ['${not false}', true],
      ["${!'true'}", false],
      ['${nothing && true}', false],
      ['${false && missing}', false],
      ['${true || missing}', true],
      ['${empty nothing}', true],
      ['${empty empties.s}', true],
      ['${empty empties.l}', true],
      ['${empty empties.m}', true],
      ['${empty a}', false],
      ['${empty word}', false],
      ['${not empty a.list}', true],
      ['${n > 1 ? "high" : "low"}', 'high'],
      ["${nothing ? 'y' : 'n'}", 'n'],
      ['${true ? false ? 1 : 2 : 3}', 2],
      ['${1 < 2 && 2 < 3 || false}', true],
      ['${1 + 2 == 3}', true],
    ];
    for (const [text, expected] of cases) {
      it(`Given the scope, when ${text} is evaluated, then it yields ${String(expected)}`, () => {
        expect(evaluate(text)).to.deep.equal(expected);
      });
    }
  });

  describe('failures', () => {
    it("Given no variable stageDue, when ${stageDue} is evaluated, then Camunda's exact UnknownPropertyError is thrown", () => {
      const error = catchError(() => evaluate('${stageDue}'));
      expect(error).to.be.instanceOf(UnknownPropertyError).and.instanceOf(ProcessEngineError);
      const e = error as UnknownPropertyError;
      expect(e.message).to.equal(
        "Unknown property used in expression: ${stageDue}. Cause: Cannot resolve identifier 'stageDue'",
      );
      expect(e.code).to.equal('UNKNOWN_PROPERTY');
      expect(e.expression).to.equal('${stageDue}');
      expect(e.identifier).to.equal('stageDue');
      expect(e.httpStatus).to.equal(500);
    });

    it('Given a composite text, when a variable is missing, then the message quotes the whole text', () => {
      const error = catchError(() => evaluate('Due ${missing} now')) as UnknownPropertyError;
      expect(error.message).to.equal(
        "Unknown property used in expression: Due ${missing} now. Cause: Cannot resolve identifier 'missing'",
      );
    });

    it('Given a map without key zz, when ${a.zz} is evaluated, then an UnknownPropertyError names the property', () => {
      const error = catchError(() => evaluate('${a.zz}')) as UnknownPropertyError;
      expect(error).to.be.instanceOf(UnknownPropertyError);
      expect(error.identifier).to.equal('zz');
      expect(error.message).to.equal(
        "Unknown property used in expression: ${a.zz}. Cause: Cannot resolve property 'zz' in 'a'",
      );
    });

    it('Given a Json variable, when a property path is read from it, then it is an UnknownPropertyError', () => {
      const resolve = scope({ j: '{"x":1}' }, { j: 'Json' });
      const error = catchError(() => parseExpression('${j.x}').evaluate(resolve)) as UnknownPropertyError;
      expect(error).to.be.instanceOf(UnknownPropertyError);
      expect(error.message).to.contain("Cannot resolve property 'x' of Json variable 'j'");
      expect(parseExpression('${j}').evaluate(resolve)).to.equal('{"x":1}');
    });

    const evaluationFailures: [string, string][] = [
      ["${'abc' + 1}", 'Cannot coerce a String that is not a number to class java.lang.Long'],
      ['${word == 5}', 'Cannot coerce a String that is not a number to class java.lang.Long'],
      ["${'1.0' == 1}", 'Cannot coerce a String that is not a number to class java.lang.Long'],
      ['${true + 1}', 'Cannot coerce from class java.lang.Boolean to class java.lang.Long'],
      ['${n && true}', 'Cannot coerce from class java.lang.Long to class java.lang.Boolean'],
      ['${-true}', 'Cannot negate a value of class java.lang.Boolean'],
      ['${1 % 0}', '/ by zero'],
      ['${d1 < word}', "Cannot compare 'class java.util.Date' and 'class java.lang.String'"],
      ['${a < a.b}', "Cannot compare 'class java.util.LinkedHashMap' and 'class java.util.LinkedHashMap'"],
      ['${big + 1}', 'Integer result outside the exactly representable range (±2^53-1)'],
      ['${n.x}', "Cannot resolve property 'x' in 'n': not a map or a list"],
    ];
    for (const [text, cause] of evaluationFailures) {
      it(`Given the scope, when ${text} is evaluated, then it fails with "${cause}"`, () => {
        const error = catchError(() => evaluate(text));
        expect(error).to.be.instanceOf(ProcessEngineError);
        expect((error as Error).message).to.contain(`Cause: ${cause}`);
      });
    }

    it('Given a failed coercion, when the error is built, then the message names the type but not the value', () => {
      const error = catchError(() =>
        evaluate('${secret + 1}', { secret: 'Jane Doe' }),
      ) as ExpressionEvaluationError;
      expect(error).to.be.instanceOf(ExpressionEvaluationError);
      expect(error.message).not.to.contain('Jane');
    });

    it('Given a list of 2, when index 5 is read, then it is an UnknownPropertyError rather than null', () => {
      expect(catchError(() => evaluate('${a.list[5]}'))).to.be.instanceOf(UnknownPropertyError);
    });
  });

  describe('typed variables', () => {
    it('Given a Double variable 2, when it is printed in text, then Java prints 2.0', () => {
      const resolve = scope({ d: 2 }, { d: 'Double' });
      expect(parseExpression('score ${d}').evaluate(resolve)).to.equal('score 2.0');
      expect(parseExpression('${d == 2}').evaluate(resolve)).to.equal(true);
      expect(parseExpression("${d == '2.5'}").evaluate(resolve)).to.equal(false);
    });

    it('Given a Long variable 2, when it is compared with a decimal String, then JUEL fails as Java does', () => {
      expect(catchError(() => evaluate("${n == '2.5'}"))).to.be.instanceOf(ExpressionEvaluationError);
    });
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
