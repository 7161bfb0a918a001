import { expect } from 'chai';
import { z } from 'zod';
import { pagingShape, parseQuery, qBool, qDate, qList, qSortBy, qSortOrder, qString } from './query.js';
import { RestError } from './rest-error.js';

const schema = z.object({
  key: qString.optional(),
  latestVersion: qBool.optional(),
  ids: qList.optional(),
  dueBefore: qDate.optional(),
  sortBy: qSortBy(['id', 'name']).optional(),
  sortOrder: qSortOrder.optional(),
  ...pagingShape,
});

function refusal(query: Record<string, unknown>): RestError {
  try {
    parseQuery(schema, query);
  } catch (err) {
    expect(err).to.be.instanceOf(RestError);
    return err as RestError;
  }
  throw new Error('expected a refusal');
}

describe('Query parameters', () => {
  it('Given Camunda-style values, When parsed, Then they are converted', () => {
    const q = parseQuery(schema, {
      key: 'escalation',
      latestVersion: 'true',
      ids: 'a,b',
      dueBefore: '2026-11-23T14:00:00.000+0000',
      maxResults: '0',
      unknownParameter: 'ignored',
    });
    expect(q).to.deep.equal({
      key: 'escalation',
      latestVersion: true,
      ids: ['a', 'b'],
      dueBefore: new Date('2026-11-23T14:00:00.000Z'),
      maxResults: 0,
    });
  });

  it('Given a repeated parameter, When parsed, Then the first value counts as in Camunda', () => {
    expect(parseQuery(schema, { key: ['first', 'second'] }).key).to.equal('first');
  });

  it('Given maxResults=abc, When parsed, Then the 400 names the parameter in Camunda’s words', () => {
    const err = refusal({ maxResults: 'abc' });
    expect(err.status).to.equal(400);
    expect(err.camundaType).to.equal('InvalidRequestException');
    expect(err.message).to.equal(
      "Cannot set query parameter 'maxResults' to value 'abc': Cannot convert value abc to java type java.lang.Integer",
    );
  });

  it('Given a negative firstResult, When parsed, Then it is refused', () => {
    expect(refusal({ firstResult: '-1' }).field).to.equal('firstResult');
  });

  it('Given a bad boolean, When parsed, Then Camunda’s Boolean conversion message is given', () => {
    expect(refusal({ latestVersion: 'yes' }).message).to.equal(
      "Cannot set query parameter 'latestVersion' to value 'yes': Cannot convert value yes to java type java.lang.Boolean",
    );
  });

  it('Given a bad date, When parsed, Then the value is quoted as Camunda’s DateConverter does', () => {
    expect(refusal({ dueBefore: '2026-11-23' }).message).to.equal(
      "Cannot set query parameter 'dueBefore' to value '2026-11-23': Cannot convert value \"2026-11-23\" to java type java.util.Date",
    );
  });

  it('Given an unknown sortBy, When parsed, Then the message has no converter suffix', () => {
    expect(refusal({ sortBy: 'colour', sortOrder: 'asc' }).message).to.equal(
      "Cannot set query parameter 'sortBy' to value 'colour'",
    );
  });

  it('Given sortBy without sortOrder, When parsed, Then Camunda’s pairing rule refuses it', () => {
    expect(refusal({ sortBy: 'id' }).message).to.equal(
      'Only a single sorting parameter specified. sortBy and sortOrder required',
    );
  });
});
