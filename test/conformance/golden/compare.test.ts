import { expect } from 'chai';
import { compareWithGolden, formatDifferences } from './compare.js';
import { normalizeBody, normalizeString } from './normalize.js';

const golden = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: {
    id: '<id>',
    definitionId: '<processDefinitionId>',
    startTime: '<date>',
    businessKey: 'ESC-0001',
    ended: false,
    variables: { aDate: { type: 'Date', value: '<date>', valueInfo: {} } },
    links: [{ method: 'GET', href: '<url>', rel: 'self' }],
  },
};
const answer = () => ({
  status: 200,
  contentType: 'application/json',
  body: {
    id: 'pi-42',
    definitionId: 'escalation:3:abc',
    startTime: '2026-11-23T14:00:00.000+0000',
    businessKey: 'ESC-0002',
    ended: true,
    variables: { aDate: { type: 'Date', value: '2026-07-01T09:30:00.000+0100', valueInfo: {} } },
    links: [{ method: 'GET', href: 'http://127.0.0.1:8080/engine-rest/process-instance/pi-42', rel: 'self' }],
  } as Record<string, unknown>,
});

describe('golden comparator', () => {
  it('Given an answer of the same shape with other ids, dates and values, When compared, Then there is no difference', () => {
    expect(compareWithGolden(golden, answer())).to.deep.equal([]);
  });

  it('Given a date in ISO format with Z, When compared with <date>, Then it is a difference at that path', () => {
    const actual = answer();
    actual.body.startTime = '2026-11-23T14:00:00Z';
    expect(compareWithGolden(golden, actual)).to.deep.equal([
      { path: 'body.startTime', expected: '<date>', actual: '"2026-11-23T14:00:00Z"' },
    ]);
  });

  it('Given a missing key, an extra key and a wrong type, When compared, Then each is reported', () => {
    const actual = answer();
    delete actual.body.ended;
    actual.body.extra = 1;
    actual.body.businessKey = 7;
    const paths = compareWithGolden(golden, actual).map((d) => d.path);
    expect(paths).to.have.members(['body.ended', 'body.extra', 'body.businessKey']);
  });

  it('Given a variable type in another case, When compared, Then the exact-match path reports it', () => {
    const actual = answer();
    (actual.body.variables as { aDate: { type: string } }).aDate.type = 'date';
    expect(compareWithGolden(golden, actual)[0]).to.include({ path: 'body.variables.aDate.type', expected: '"Date"' });
  });

  it('Given a charset on the Content-Type and another status, When compared, Then both are reported', () => {
    const differences = compareWithGolden(golden, { ...answer(), status: 201, contentType: 'application/json; charset=utf-8' });
    expect(differences.map((d) => d.path)).to.deep.equal(['status', 'headers.content-type']);
    expect(formatDifferences('start', differences)).to.contain('start: 2 difference(s)');
  });

  it('Given an error answer, When its type or code differs from Operaton, Then it is a difference', () => {
    const error = { status: 404, headers: { 'content-type': 'application/json' }, body: { type: 'RestException', message: 'x', code: 0 } };
    const actual = { status: 404, contentType: 'application/json', body: { type: 'InvalidRequestException', message: 'y', code: null } };
    expect(compareWithGolden(error, actual).map((d) => d.path)).to.deep.equal(['body.type', 'body.code']);
  });

  it('Given ignore and allowExtraKeys, When compared, Then those keys are not reported', () => {
    const actual = answer();
    delete actual.body.links;
    actual.body.extra = true;
    expect(compareWithGolden(golden, actual, { ignore: ['links'], allowExtraKeys: true })).to.deep.equal([]);
  });

  it('Given every element of an array, When one element has the wrong shape, Then its index is in the path', () => {
    const list = { status: 200, headers: { 'content-type': 'application/json' }, body: [{ id: '<id>', retries: 3 }] };
    const actual = { status: 200, contentType: 'application/json', body: [{ id: 'a', retries: 1 }, { id: 'b', retries: '1' }] };
    expect(compareWithGolden(list, actual).map((d) => d.path)).to.deep.equal(['body.1.retries']);
  });

  it('Given an empty golden list, When the answer lists something, Then it is a difference at that path', () => {
    const empty = { status: 200, headers: { 'content-type': 'application/json' }, body: { links: [] } };
    const actual = { status: 200, contentType: 'application/json', body: { links: [{ rel: 'self' }] } };
    expect(compareWithGolden(empty, actual)).to.deep.equal([
      { path: 'body.links', expected: '[]', actual: '[{"rel":"self"}]' },
    ]);
    expect(compareWithGolden(empty, { ...actual, body: { links: [] } })).to.deep.equal([]);
  });

  it('Given Operaton ids, dates, URLs and ids in text, When normalised, Then they become placeholders', () => {
    expect(normalizeString('21c2dd61-e74e-11f1-9873-02fc00000001')).to.equal('<id>');
    expect(normalizeString('ref-external:4:215fd5d0-e74e-11f1-9873-02fc00000001')).to.equal('<processDefinitionId>');
    expect(normalizeString('Work:21dfdb68-e74e-11f1-9873-02fc00000001')).to.equal('<activityInstanceId>');
    expect(normalizeString('2026-10-24T12:03:05.430+0100')).to.equal('<date>');
    expect(normalizeString('External task with id 21c2dd61-e74e-11f1-9873-02fc00000001 does not exist')).to.equal(
      'External task with id <id> does not exist',
    );
    expect(normalizeBody({ 'ref:1:21c2dd61-e74e-11f1-9873-02fc00000001': { n: 1 } })).to.deep.equal({ '<processDefinitionId>': { n: 1 } });
  });
});
