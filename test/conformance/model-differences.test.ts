/**
 * Where our deployment parser and JUEL evaluator deliberately differ from Camunda 7 (docs/engine.md: "Differences
 * from Camunda 7 (JUEL)", "(deployment)"): each pinned on every target, Operaton's answer on Operaton and ours on
 * ours. Ours refuses at deploy what it would not run, and never lets a missing or unreadable value pass.
 */
import { expect } from 'chai';
import { EngineError, ParseError, ProcessEngineError } from '../../src/engine/errors/index.js';
import type { VariableMap } from '../../src/engine/port.js';
import { conditionDiagram, inputTextDiagram, oneElementDiagram } from './fixtures/difference-diagrams.js';
import { errorBoundaryDiagram, runSuffix } from './fixtures/diagrams.js';
import { deploy, fetchOne, rejection } from './harness/scenario.js';
import { forEachTarget } from './harness/targets.js';

const W = { workerId: 'conformance-worker' };
const map = (json: string): VariableMap[string] => ({
  type: 'Object',
  value: json,
  valueInfo: { objectTypeName: 'java.util.LinkedHashMap', serializationDataFormat: 'application/json' },
});

forEachTarget('Deliberate differences in what a diagram may say', (target) => {
  const ours = () => target().name !== 'remote';
  const tryDeploy = (d: { key: string; file: string; xml: string }) =>
    deploy(target().engine, `conf-${d.key}`, [{ name: d.file, content: d.xml }]);

  /** Deploys `xml`: ours must refuse it with a ParseError naming `element`, Operaton must accept it. */
  async function refusedByOursOnly(d: { key: string; file: string; xml: string }, reason: RegExp) {
    if (!ours()) return void expect((await tryDeploy(d)).id).to.be.a('string');
    const err = await rejection(tryDeploy(d));
    expect(err).to.be.instanceOf(ParseError);
    const problems = (err as ParseError).details[d.file]?.errors ?? [];
    expect(problems.map((p) => p.message).join('\n')).to.match(reason);
  }

  it('Given a method call in a condition, When deployed, Then ours refuses it and Operaton accepts it', async () => {
    const d = conditionDiagram(runSuffix(), "${execution.getVariable('x') == 1}");
    await refusedByOursOnly(d, /method/i);
  });

  it('Given a script task, When deployed, Then ours refuses it and Operaton accepts it', async () => {
    const d = oneElementDiagram(runSuffix(), { tag: 'scriptTask', attrs: { scriptFormat: 'javascript' } });
    // XSD order: the script comes after the task's incoming and outgoing flows.
    const xml = d.xml.replace('</bpmn:scriptTask>', '<bpmn:script>1 + 1</bpmn:script></bpmn:scriptTask>');
    await refusedByOursOnly({ ...d, xml }, /ScriptTask/);
  });

  it('Given camunda:asyncBefore="true", When deployed, Then ours refuses it and Operaton accepts it', async () => {
    const d = oneElementDiagram(runSuffix(), { tag: 'userTask', attrs: { 'camunda:asyncBefore': 'true' } });
    await refusedByOursOnly(d, /asyncBefore/);
  });

  it('Given a formRef to a form that was never deployed, When deployed, Then ours refuses it and Operaton accepts it', async () => {
    const attrs = { 'camunda:formRef': `no-such-form-${runSuffix()}`, 'camunda:formRefBinding': 'latest' };
    await refusedByOursOnly(oneElementDiagram(runSuffix(), { tag: 'userTask', attrs }), /form/i);
  });

  it('Given errorCodeVariable on an error boundary, When deployed, Then ours refuses it and Operaton accepts it', async () => {
    const d = errorBoundaryDiagram(runSuffix());
    const xml = d.xml.replace(
      '<bpmn:errorEventDefinition ',
      '<bpmn:errorEventDefinition camunda:errorCodeVariable="code" camunda:errorMessageVariable="why" ',
    );
    await refusedByOursOnly({ ...d, xml }, /errorCodeVariable/);
  });

  it('Given a condition on a flow leaving a parallel gateway, When deployed, Then ours refuses it and Operaton accepts (and ignores) it', async () => {
    const d = oneElementDiagram(runSuffix(), { tag: 'parallelGateway' }, '${go}');
    await refusedByOursOnly(d, /parallel/i);
  });

  it('Given two diagrams with a problem each, When deployed together, Then ours lists both resources and Operaton only the one it parsed first', async () => {
    const a = oneElementDiagram(runSuffix(), { tag: 'serviceTask', attrs: { 'camunda:type': 'external' } });
    const b = oneElementDiagram(runSuffix(), { tag: 'serviceTask', attrs: { 'camunda:type': 'external' } });
    const err = await rejection(
      deploy(target().engine, `conf-two-${runSuffix()}`, [
        { name: a.file, content: a.xml },
        { name: b.file, content: b.xml },
      ]),
    );
    expect(err).to.be.instanceOf(ParseError);
    const listed = Object.keys((err as ParseError).details).sort();
    if (ours()) expect(listed).to.deep.equal([a.file, b.file].sort());
    else {
      // Operaton parses resources in its own map's order, not the parts' order: it stops at whichever comes first.
      expect(listed).to.have.length(1);
      expect([a.file, b.file]).to.include(listed[0]);
    }
  });

  it('Given an expression syntax error, When deployed, Then ours answers 400 ParseException with details and Operaton 500 ENGINE-01009', async () => {
    const d = conditionDiagram(runSuffix(), '${a +}');
    const err = await rejection(tryDeploy(d));
    if (ours()) {
      expect(err).to.be.instanceOf(ParseError);
      expect(Object.keys((err as ParseError).details)).to.deep.equal([d.file]);
    } else {
      expect(err).to.be.instanceOf(ProcessEngineError);
      expect(err.message).to.match(/^ENGINE-01009 Error while parsing process\. Error parsing '\$\{a \+\}'/);
    }
  });

  /** Runs Set → Check with `condition` and `variables`: which end was reached, or the refused completion. */
  async function evaluate(condition: string, variables: VariableMap): Promise<string | EngineError> {
    const { engine } = target();
    const d = conditionDiagram(runSuffix(), condition);
    await tryDeploy(d);
    const p = await engine.startProcessInstance({ definitionKey: d.key, variables });
    try {
      await engine.completeExternalTask((await fetchOne(engine, d.topic)).id, W);
    } catch (err) {
      return err as EngineError;
    }
    const ends = await engine.listHistoricActivityInstances({
      processInstanceId: p.id,
      activityType: 'noneEndEvent',
    });
    return ends.map((e) => e.activityId).join(',');
  }

  /** Operaton evaluates `condition` to `operaton`; ours refuses the completion with a 500 naming `because`. */
  async function refusedAtRunByOurs(
    condition: string,
    variables: VariableMap,
    operaton: string,
    because: RegExp,
  ) {
    const outcome = await evaluate(condition, variables);
    if (!ours()) return void expect(outcome).to.equal(operaton);
    expect(outcome).to.be.instanceOf(ProcessEngineError);
    expect((outcome as Error).message).to.match(because);
  }

  it('Given an Object (JSON) variable, When a condition reads a property or an index, Then Operaton reads the Java map or list (missing is null) and ours refuses', async () => {
    const m = map('{"role":"lead"}');
    await refusedAtRunByOurs("${m.role == 'lead'}", { m }, 'Yes', /Unknown property used in expression/);
    await refusedAtRunByOurs('${m.zz == null}', { m }, 'Yes', /Unknown property used in expression/);
    const l: VariableMap[string] = {
      type: 'Object',
      value: '[1,2]',
      valueInfo: { objectTypeName: 'java.util.ArrayList', serializationDataFormat: 'application/json' },
    };
    await refusedAtRunByOurs('${l[5] == null}', { l }, 'Yes', /Unknown property used in expression/);
  });

  it('Given Long arithmetic beyond 2^53, When evaluated, Then Operaton computes it and ours refuses', async () => {
    await refusedAtRunByOurs('${9007199254740991 + 2 > 0}', {}, 'Yes', /Error while evaluating expression/);
  });

  it('Given a Date ordered against a String, When evaluated, Then Operaton compares toString() texts and ours refuses', async () => {
    const d = { type: 'Date' as const, value: new Date('2026-11-23T14:00:00.000Z') };
    await refusedAtRunByOurs("${d < 'x'}", { d }, 'Yes', /Error while evaluating expression/);
  });

  it('Given a String that is not a number in arithmetic, When evaluated, Then both refuse; only Operaton quotes the value', async () => {
    const outcome = await evaluate('${s + 1 > 0}', { s: { type: 'String', value: 'abc-personal' } });
    expect(outcome).to.be.instanceOf(EngineError);
    expect((outcome as EngineError).httpStatus).to.equal(500);
    if (ours()) expect((outcome as Error).message).to.not.contain('abc-personal');
    else expect((outcome as Error).message).to.contain('abc-personal');
  });

  it('Given a Date in a composite text, When the input is evaluated, Then Operaton prints Java’s Date.toString() and ours ISO 8601', async () => {
    const { engine } = target();
    const d = inputTextDiagram(runSuffix(), 'Due ${d}');
    await tryDeploy(d);
    await engine.startProcessInstance({
      definitionKey: d.key,
      variables: { d: { type: 'Date', value: new Date('2026-11-23T14:00:00.000Z') } },
    });
    const task = await fetchOne(engine, d.topic, { localVariables: true });
    expect(task.variables.note?.value).to.equal(
      ours() ? 'Due 2026-11-23T14:00:00.000Z' : 'Due Mon Nov 23 14:00:00 GMT 2026',
    );
  });
});
