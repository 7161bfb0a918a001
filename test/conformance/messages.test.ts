import { expect } from 'chai';
import { EngineError } from '../../src/engine/errors/index.js';
import { messageDiagram, runSuffix } from './fixtures/diagrams.js';
import { deploy, rejection } from './harness/scenario.js';
import { forEachTarget } from './harness/targets.js';

forEachTarget('Message correlation', (target) => {
  let m: ReturnType<typeof messageDiagram>;

  before(async () => {
    m = messageDiagram(runSuffix());
    await deploy(target().engine, `conf-${m.key}`, [{ name: m.file, content: m.xml }]);
  });

  const ended = async (id: string) =>
    (await target().engine.listHistoricProcessInstances({ processInstanceId: id }))[0]?.state === 'COMPLETED';

  it('Given two waiting instances, When a message names one business key, Then only that one moves on', async () => {
    const { engine } = target();
    const a = await engine.startProcessInstance({ definitionKey: m.key, businessKey: `A-${runSuffix()}` });
    const b = await engine.startProcessInstance({ definitionKey: m.key, businessKey: `B-${runSuffix()}` });
    const results = await engine.correlateMessage({
      messageName: m.message,
      businessKey: a.businessKey,
      resultEnabled: true,
      processVariables: { decision: { type: 'String', value: 'agreed' } },
    });
    expect(results.map((r) => [r.resultType, r.execution?.processInstanceId])).to.deep.equal([
      ['Execution', a.id],
    ]);
    expect(await ended(a.id)).to.equal(true);
    expect(await ended(b.id)).to.equal(false);
    const [v] = await engine.listHistoricVariableInstances({
      processInstanceId: a.id,
      variableName: 'decision',
    });
    expect(v?.value).to.equal('agreed');
  });

  it('Given a waiting instance, When a message names its id, Then it moves on', async () => {
    const { engine } = target();
    const p = await engine.startProcessInstance({ definitionKey: m.key });
    await engine.correlateMessage({ messageName: m.message, processInstanceId: p.id });
    expect(await ended(p.id)).to.equal(true);
  });

  it('Given several waiting instances, When correlated with all and correlation keys, Then every match moves on', async () => {
    const { engine } = target();
    const tag = `case-${runSuffix()}`;
    const vars = { caseRef: { type: 'String' as const, value: tag } };
    const a = await engine.startProcessInstance({ definitionKey: m.key, variables: vars });
    const b = await engine.startProcessInstance({ definitionKey: m.key, variables: vars });
    const results = await engine.correlateMessage({
      messageName: m.message,
      correlationKeys: vars,
      all: true,
      resultEnabled: true,
    });
    expect(results.map((r) => r.execution?.processInstanceId).sort()).to.deep.equal([a.id, b.id].sort());
  });

  it('Given no waiting instance matches, When correlated, Then a 400-class engine error is given', async () => {
    const { engine } = target();
    const err = await rejection(
      engine.correlateMessage({ messageName: m.message, businessKey: `nobody-${runSuffix()}` }),
    );
    expect(err).to.be.instanceOf(EngineError);
    expect((err as EngineError).httpStatus).to.equal(400);
  });

  it('Given two matches, When correlated without all, Then a 400-class engine error is given and neither moves', async () => {
    const { engine } = target();
    const tag = `dup-${runSuffix()}`;
    const vars = { caseRef: { type: 'String' as const, value: tag } };
    const a = await engine.startProcessInstance({ definitionKey: m.key, variables: vars });
    const b = await engine.startProcessInstance({ definitionKey: m.key, variables: vars });
    const err = await rejection(engine.correlateMessage({ messageName: m.message, correlationKeys: vars }));
    expect((err as EngineError).httpStatus).to.equal(400);
    expect([await ended(a.id), await ended(b.id)]).to.deep.equal([false, false]);
  });
});
