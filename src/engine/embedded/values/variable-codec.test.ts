import { expect } from 'chai';
import type { TypedValue } from '../../variables.js';
import { decodeValue, encodeValue, typeOf } from './variable-codec.js';

describe('embedded/values: typed variables to columns and back', () => {
  const samples: TypedValue[] = [
    { type: 'String', value: 'Stage 2' },
    { type: 'String', value: null },
    { type: 'Boolean', value: false },
    { type: 'Integer', value: -7 },
    { type: 'Long', value: 9007199254740991 },
    { type: 'Double', value: 2.5 },
    { type: 'Date', value: new Date('2026-11-23T09:00:00.000Z') },
    { type: 'Null', value: null },
    { type: 'Json', value: '{"plan":{"by":"2026-12-01"}}' },
    {
      type: 'Object',
      value: '{"role":"lead"}',
      valueInfo: { objectTypeName: 'java.util.LinkedHashMap', serializationDataFormat: 'application/json' },
    },
    { type: 'Bytes', value: Buffer.from([0, 1, 2, 255]) },
    {
      type: 'File',
      value: Buffer.from('minutes'),
      valueInfo: { filename: 'minutes.txt', mimeType: 'text/plain' },
    },
  ];

  for (const sample of samples) {
    it(`Given a ${sample.type} value, when stored and read back, then it is the same typed value`, () => {
      expect(decodeValue(encodeValue(sample))).to.deep.equal(sample);
    });
  }

  it('Given values an expression produced, when typed, then they get the types Camunda would give their Java values', () => {
    expect(typeOf('x').type).to.equal('String');
    expect(typeOf(3).type).to.equal('Integer');
    expect(typeOf(2 ** 40).type).to.equal('Long');
    expect(typeOf(0.5).type).to.equal('Double');
    expect(typeOf(null).type).to.equal('Null');
    expect(typeOf(['a'])).to.deep.include({ type: 'Object', value: '["a"]' });
  });
});
