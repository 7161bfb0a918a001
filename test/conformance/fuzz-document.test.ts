/**
 * The document `npm run fuzz` hands schemathesis (scripts/fuzz/document.ts): the corrected Camunda
 * document cut to exactly the operations our router serves, path parameters drawn from seeded ids,
 * and long polls capped so the response-time guard holds.
 */
import { expect } from 'chai';
import {
  FUZZ_LONG_POLL_MS,
  fuzzingDocument,
  servedOperations,
  UNKNOWN_ID,
} from '../../scripts/fuzz/document.js';

type Doc = {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: unknown }[] }>>;
  components: { schemas: Record<string, { properties: Record<string, unknown> }> };
};

describe('npm run fuzz: the fuzzing document', () => {
  const { document, operations } = fuzzingDocument({
    task: { id: ['t-1', 't-2'] },
    '*': { varName: ['aString'] },
  });
  const doc = document as unknown as Doc;
  const shapes = Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.keys(item).map((m) => `${m} ${p.replace(/\{[^}]+\}/g, '{}')}`),
  );

  it('Given our router, When the document is cut, Then it keeps only served operations, 69 of them', () => {
    const served = servedOperations();
    expect(operations).to.equal(69);
    expect(shapes.length).to.equal(69);
    for (const shape of shapes) expect(served.has(shape), shape).to.equal(true);
    expect(shapes).to.include('post /external-task/{}/complete');
    expect(shapes).to.not.include('put /process-instance/{}/suspended');
  });

  it('Given seeded ids, When placed, Then a path parameter takes only those and one unknown id', () => {
    const get = doc.paths['/task/{id}']!.get!.parameters!.find((p) => p.name === 'id')!;
    expect(get.schema).to.deep.equal({ type: 'string', enum: ['t-1', 't-2', UNKNOWN_ID] });
    const variable = doc.paths['/process-instance/{id}/variables/{varName}']!.get!.parameters!.find(
      (p) => p.name === 'varName',
    )!;
    expect(variable.schema).to.deep.equal({ type: 'string', enum: ['aString', UNKNOWN_ID] });
  });

  it('Given fetchAndLock, When fuzzed, Then its long poll is at most 1 s', () => {
    const property = doc.components.schemas.FetchExternalTasksDto!.properties.asyncResponseTimeout;
    expect(property).to.deep.include({ maximum: FUZZ_LONG_POLL_MS });
  });
});
