import { expect } from 'chai';
import { decodeTypedValue, decodeVariables } from './typed-values.js';
import { encodeTypedValue, encodeVariables } from './typed-values-encode.js';
import { RestError } from './rest-error.js';

function refusal(fn: () => unknown): RestError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(RestError);
    return err as RestError;
  }
  throw new Error('expected a refusal');
}

describe('Typed variables on the wire', () => {
  describe('decoding', () => {
    it('Given type names in any case, When decoded, Then they become the capitalised port types', () => {
      const out = decodeVariables({
        a: { value: 'x', type: 'string' },
        b: { value: true, type: 'BOOLEAN' },
        c: { value: 5000000000, type: 'long' },
        d: { value: '{"k":1}', type: 'json' },
        e: { value: null, type: 'null' },
        f: { value: 1.5, type: 'Double' },
      });
      expect(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.type]))).to.deep.equal({
        a: 'String',
        b: 'Boolean',
        c: 'Long',
        d: 'Json',
        e: 'Null',
        f: 'Double',
      });
    });

    it('Given the official client’s date, When decoded, Then it is a Date at that instant', () => {
      const v = decodeTypedValue({ value: '2026-11-23T14:00:00.000+0000', type: 'date' }, 'due');
      expect(v.type).to.equal('Date');
      expect((v.value as Date).toISOString()).to.equal('2026-11-23T14:00:00.000Z');
    });

    it('Given numbers and booleans as strings, When decoded to primitive types, Then they are coerced as Jackson would', () => {
      expect(decodeTypedValue({ value: '42', type: 'Integer' }, 'x').value).to.equal(42);
      expect(decodeTypedValue({ value: 'true', type: 'Boolean' }, 'x').value).to.equal(true);
      expect(decodeTypedValue({ value: 7, type: 'String' }, 'x').value).to.equal('7');
      expect(decodeTypedValue({ value: '2.5', type: 'Double' }, 'x').value).to.equal(2.5);
    });

    it('Given untyped values, When decoded, Then the type is inferred from the JSON type', () => {
      const out = decodeVariables({
        s: { value: 'a' },
        i: { value: 3 },
        l: { value: 2 ** 40 },
        d: { value: 0.5 },
        n: {},
      });
      expect(Object.values(out).map((v) => v.type)).to.deep.equal([
        'String',
        'Integer',
        'Long',
        'Double',
        'Null',
      ]);
    });

    it('Given an unknown type, When decoded, Then a 400 RestException names the variable', () => {
      const err = refusal(() => decodeVariables({ amount: { value: 1, type: 'BigDecimal' } }));
      expect(err.status).to.equal(400);
      expect(err.camundaType).to.equal('RestException');
      expect(err.message).to.equal("Unsupported value type 'BigDecimal' (variables.amount)");
      expect(err.field).to.equal('variables.amount.type');
    });

    it('Given an Integer out of range, When decoded, Then Camunda’s conversion message names the variable', () => {
      const err = refusal(() => decodeVariables({ n: { value: 2 ** 31, type: 'Integer' } }));
      expect(err.camundaType).to.equal('InvalidRequestException');
      expect(err.message).to.equal(
        "Cannot convert value '2147483648' of type 'Integer' to java type java.lang.Integer (variables.n)",
      );
    });

    it('Given a date in ISO form with Z, When decoded, Then it is refused', () => {
      const err = refusal(() => decodeTypedValue({ value: '2026-11-23T14:00:00Z', type: 'Date' }, 'due'));
      expect(err.message).to.contain('java.util.Date');
    });

    it('Given a Json value that is not a string, When decoded, Then Camunda’s SerializableValue message is given', () => {
      const err = refusal(() => decodeTypedValue({ value: { a: 1 }, type: 'Json' }, 'payload'));
      expect(err.message).to.equal(
        "Must provide 'null' or String value for value of SerializableValue type 'Json'. (payload)",
      );
    });

    it('Given a Json string that does not parse, When decoded, Then it is refused so nothing unreadable is stored', () => {
      refusal(() => decodeTypedValue({ value: '{oops', type: 'Json' }, 'payload'));
    });

    it('Given an Object with a Java serialization format, When decoded, Then only application/json is accepted', () => {
      const err = refusal(() =>
        decodeTypedValue(
          {
            value: 'rO0AB',
            type: 'Object',
            valueInfo: {
              objectTypeName: 'java.util.HashMap',
              serializationDataFormat: 'application/x-java-serialized-object',
            },
          },
          'o',
        ),
      );
      expect(err.field).to.equal('o.valueInfo.serializationDataFormat');
    });

    it('Given a File with base64 content, When decoded, Then the bytes and metadata arrive', () => {
      const v = decodeTypedValue(
        {
          value: Buffer.from('hello').toString('base64'),
          type: 'file',
          valueInfo: { filename: 'a.txt', mimeType: 'text/plain' },
        },
        'doc',
      );
      expect(v.type).to.equal('File');
      expect((v.value as Buffer).toString()).to.equal('hello');
      expect(v.valueInfo).to.deep.equal({ filename: 'a.txt', mimeType: 'text/plain' });
    });

    it('Given a File without a filename, When decoded, Then it is refused', () => {
      refusal(() => decodeTypedValue({ value: 'aGk=', type: 'File', valueInfo: {} }, 'doc'));
    });

    it('Given bytes that are not base64, When decoded, Then they are refused', () => {
      refusal(() => decodeTypedValue({ value: 'not base64!', type: 'Bytes' }, 'b'));
    });

    it('Given a path-traversal variable name, When decoded, Then it is refused before anything else', () => {
      expect(() => decodeVariables({ '../etc/passwd': { value: 'x', type: 'String' } })).to.throw(
        /variable name/,
      );
    });

    it('Given variables that are an array, When decoded, Then the field is named', () => {
      const err = refusal(() => decodeVariables([], 'localVariables'));
      expect(err.field).to.equal('localVariables');
    });
  });

  describe('encoding', () => {
    it('Given every type, When encoded, Then types are capitalised and valueInfo is always present', () => {
      const wire = encodeVariables({
        s: { type: 'String', value: 'x' },
        d: { type: 'Date', value: new Date('2026-11-23T14:00:00.000Z') },
        j: { type: 'Json', value: '{"a":1}' },
        b: { type: 'Bytes', value: Buffer.from('hi') },
        n: { type: 'Null', value: null },
      });
      expect(wire).to.deep.equal({
        s: { type: 'String', value: 'x', valueInfo: {} },
        d: { type: 'Date', value: '2026-11-23T14:00:00.000+0000', valueInfo: {} },
        j: { type: 'Json', value: '{"a":1}', valueInfo: {} },
        b: { type: 'Bytes', value: 'aGk=', valueInfo: {} },
        n: { type: 'Null', value: null, valueInfo: {} },
      });
    });

    it('Given a File, When encoded, Then its content stays on the server (value null) as in Camunda', () => {
      expect(
        encodeTypedValue({
          type: 'File',
          value: Buffer.from('pdf'),
          valueInfo: { filename: 'r.pdf', mimeType: 'application/pdf' },
        }),
      ).to.deep.equal({
        type: 'File',
        value: null,
        valueInfo: { filename: 'r.pdf', mimeType: 'application/pdf' },
      });
    });

    it('Given an Object, When encoded with and without deserializeValues, Then it is JSON or its serialized string', () => {
      const o = {
        type: 'Object' as const,
        value: '{"a":1}',
        valueInfo: {
          objectTypeName: 'java.util.LinkedHashMap',
          serializationDataFormat: 'application/json' as const,
        },
      };
      expect(encodeTypedValue(o).value).to.deep.equal({ a: 1 });
      expect(encodeTypedValue(o, { deserializeValues: false }).value).to.equal('{"a":1}');
    });

    it('Given any decoded value, When encoded and decoded again, Then it is unchanged', () => {
      const input = {
        s: { type: 'String', value: 'é' },
        l: { type: 'Long', value: 9007199254740991 },
        d: { type: 'Date', value: '2026-07-01T15:00:00.000+0100' },
        j: { type: 'Json', value: '[1,2]' },
      };
      const once = decodeVariables(input);
      expect(decodeVariables(encodeVariables(once))).to.deep.equal(once);
    });
  });
});
