import { expect } from 'chai';
import { z } from 'zod';
import { parseBody } from './body.js';
import { RestError } from './rest-error.js';

const schema = z.object({ workerId: z.string().min(1), retries: z.number().int().nonnegative().default(0) });

describe('JSON bodies', () => {
  it('Given a valid body with unknown fields, When parsed, Then unknown fields are ignored as Jackson does', () => {
    expect(parseBody(schema, { workerId: 'w', extra: 1 })).to.deep.equal({ workerId: 'w', retries: 0 });
  });

  it('Given a wrong type, When parsed, Then a 400 InvalidRequestException names the field', () => {
    try {
      parseBody(schema, { workerId: 'w', retries: 'three' });
      expect.fail('expected a refusal');
    } catch (err) {
      expect(err).to.be.instanceOf(RestError);
      const e = err as RestError;
      expect([e.status, e.camundaType, e.field]).to.deep.equal([400, 'InvalidRequestException', 'retries']);
      expect(e.message).to.match(/^Invalid value for 'retries': /);
    }
  });

  it('Given no body at all, When parsed, Then it counts as {} and required fields are named', () => {
    expect(() => parseBody(schema, undefined)).to.throw(RestError, "'workerId'");
  });
});
