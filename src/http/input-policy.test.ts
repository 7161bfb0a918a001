import { expect } from 'chai';
import {
  checkJsonBodyDepth,
  InputPolicyError,
  jsonTextDepth,
  MAX_JSON_DEPTH,
  MAX_TEXT_VALUE_BYTES,
  MAX_VALUE_DEPTH,
  resourceNameProblem,
  serializedValueProblem,
  textValueProblem,
  tooDeepAt,
  tooDeepInUtf8At,
} from './input-policy.js';

/** JSON text nested `n` levels. */
const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('http/input-policy', () => {
  describe('depth of parsed JSON', () => {
    it('Given a body nested a million levels, When checked, Then it is refused without overflowing the stack, naming where', () => {
      const body = { a: { b: JSON.parse(nested(1_000_000)) as unknown } };
      expect(tooDeepAt(body, MAX_JSON_DEPTH)).to.equal('a.b[0][0][0][0]…');
      expect(() => checkJsonBodyDepth(body))
        .to.throw(InputPolicyError)
        .that.satisfies(
          (e: InputPolicyError) => e.code === 'JSON_TOO_DEEP' && e.status === 400 && e.limit === 100,
        );
    });

    it('Given bodies exactly at the limit and one above, When checked, Then only the deeper one is refused', () => {
      expect(tooDeepAt(JSON.parse(nested(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).to.equal(null);
      expect(tooDeepAt(JSON.parse(nested(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).to.not.equal(null);
      expect(tooDeepAt(JSON.parse(nested(3)), 2)).to.equal('[0][0]');
    });

    it('Given scalars, a wide flat array and a long key, When checked, Then they pass and a long key is shortened in the path', () => {
      for (const v of [null, 1, 'x', true]) expect(tooDeepAt(v, 1)).to.equal(null);
      expect(tooDeepAt(new Array(500_000).fill(1), 1)).to.equal(null);
      const path = tooDeepAt({ ['k'.repeat(10_000)]: [[1]] }, 2)!;
      expect(path.length).to.be.below(100);
    });
  });

  describe('depth of a raw UTF-8 body, before parsing', () => {
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    for (const text of [
      `{"a":{"b":${nested(300)}}}`,
      `{"workerId":"w","variables":{"x":{"type":"String","value":${nested(5_000)}}}}`,
      `[1,2,{"k":"[[[\\"{{","é€":[0,${nested(150)}]}]`,
      nested(3),
      `{"first":${nested(120)},"second":${nested(130)}}`,
      // Escapes in a key: the key is named decoded, as the parsed walk names it.
      `{"a\\\\b\\u00e9\\"":${nested(150)}}`,
    ]) {
      it(`Given ${text.slice(0, 40)}…, When scanned raw, Then it names the same place as the parsed walk`, () => {
        expect(tooDeepInUtf8At(utf8(text), 100)).to.equal(tooDeepAt(JSON.parse(text), 100));
        expect(tooDeepInUtf8At(utf8(text), 2)).to.equal(tooDeepAt(JSON.parse(text), 2));
      });
    }

    it('Given brackets inside strings and a body within the limit, When scanned raw, Then it passes', () => {
      expect(tooDeepInUtf8At(utf8(`{"a":"${'['.repeat(1000)}","b":${nested(100)}}`), 101)).to.equal(null);
      expect(tooDeepInUtf8At(utf8(nested(1_000_000)), 100)).to.equal('[0][0][0][0][0][0]…');
    });
  });

  describe('depth of JSON text', () => {
    it('Given brackets inside strings and escaped quotes, When counted, Then only structure counts', () => {
      expect(jsonTextDepth('{"a":"[[[[","b":"\\"[[["}')).to.equal(1);
      expect(jsonTextDepth('[{"a":[1,{"b":[]}]}]')).to.equal(5);
      expect(jsonTextDepth('"just a string"')).to.equal(0);
    });

    it('Given text nested a million levels, When counted with a limit, Then it stops just past the limit', () => {
      expect(jsonTextDepth(nested(1_000_000), MAX_VALUE_DEPTH)).to.equal(MAX_VALUE_DEPTH + 1);
    });
  });

  describe('serialized and text values', () => {
    it('Given serialized text at, above and beyond the limits, When checked, Then each problem names the limit', () => {
      expect(serializedValueProblem(nested(MAX_VALUE_DEPTH))).to.equal(null);
      expect(serializedValueProblem(nested(MAX_VALUE_DEPTH + 1))).to.equal(
        `nests deeper than the limit of ${MAX_VALUE_DEPTH} levels`,
      );
      expect(serializedValueProblem(`"${'x'.repeat(MAX_TEXT_VALUE_BYTES)}"`)).to.equal(
        `is larger than the limit of ${MAX_TEXT_VALUE_BYTES} bytes`,
      );
      expect(serializedValueProblem('{"a":')).to.equal('is not valid JSON');
    });

    it('Given a String counted in UTF-8 bytes, When just over the limit in bytes, Then it is refused', () => {
      expect(textValueProblem('x'.repeat(MAX_TEXT_VALUE_BYTES))).to.equal(null);
      expect(textValueProblem('é'.repeat(MAX_TEXT_VALUE_BYTES / 2 + 1))).to.contain('262144 bytes');
    });
  });

  describe('resource names', () => {
    for (const name of [
      'escalation.bpmn',
      'dir/x.bpmn',
      'processes/liverpool/escalation.bpmn',
      'a.bpmn20.xml',
    ]) {
      it(`Given ${JSON.stringify(name)}, When checked, Then it is a resource name`, () => {
        expect(resourceNameProblem(name)).to.equal(null);
      });
    }
    for (const [shape, name] of [
      ['a leading /', '/etc/x.bpmn'],
      ['a .. segment', 'dir/../x.bpmn'],
      ['a leading .. segment', '../x.bpmn'],
      ['a . segment', './x.bpmn'],
      ['a backslash', 'dir\\x.bpmn'],
      ['a control character', 'x\u0007.bpmn'],
      ['a newline', 'x\n.bpmn'],
      ['an empty segment', 'dir//x.bpmn'],
      ['a trailing /', 'dir/'],
      ['a hidden segment', 'dir/.git/x.bpmn'],
      ['no name at all', ''],
      ['256 characters', 'x'.repeat(252) + '.bpmn'],
    ]) {
      it(`Given a resource name with ${shape}, When checked, Then it is refused`, () => {
        expect(resourceNameProblem(name!)).to.be.a('string');
      });
    }
  });
});
