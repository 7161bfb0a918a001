import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ParseError } from '../errors/parse-error.js';
import { DEFAULT_MAX_DEPLOYMENT_BYTES, parseDeployment, type ParseOptions } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/deploy/', import.meta.url));
const resource = (path: string) => ({
  name: path.split('/').pop() ?? path,
  content: readFileSync(FIXTURES + path),
});
const options: ParseOptions = { maxBytes: DEFAULT_MAX_DEPLOYMENT_BYTES };

async function rejection(
  resources: { name: string; content: Buffer }[],
  opts = options,
): Promise<ParseError> {
  try {
    await parseDeployment(resources, opts);
  } catch (error) {
    expect(error).to.be.instanceOf(ParseError);
    return error as ParseError;
  }
  throw new Error('expected the deployment to be rejected');
}

/** Each rejection fixture in test/fixtures/deploy/bad: file, main element id, and what the problem says. */
const REJECTIONS: [string, string | null, string][] = [
  ['async-after', 'Bad', 'camunda:asyncAfter="true" is not supported'],
  ['async-before', 'Bad', 'camunda:asyncBefore="true" is not supported'],
  ['bad-ttl', 'Process_bad', 'camunda:historyTimeToLive must be a number of days'],
  [
    'boundary-on-gateway',
    'Bad',
    'boundary events can be attached only to user tasks, service tasks and sub-processes',
  ],
  ['business-rule-task', 'Bad', 'business rule (DMN) tasks'],
  ['call-activity', 'Bad', 'call activities are not supported'],
  ['camunda-class', 'Bad', "attribute 'camunda:class' is not supported"],
  ['camunda-expression', 'Bad', "attribute 'camunda:expression' is not supported"],
  ['cancel-event', 'Bad', 'cancel events are not supported'],
  ['candidate-users', 'Bad', "attribute 'camunda:candidateUsers' is not supported"],
  ['compensation-event', 'Bad', 'compensation is not supported'],
  ['compensation-handler', 'Bad', 'compensation handlers are not supported'],
  ['complex-gateway', 'Bad', 'complex gateways are not supported'],
  ['condition-syntax', 'Bad', "condition: Error parsing '${a >}'"],
  ['conditional-event', 'Bad', 'conditional events are not supported'],
  ['connector', 'Bad', 'connectors are not supported'],
  ['data-store', 'Bad', 'data stores are not supported'],
  ['default-flow-with-condition', 'Bad', "the default flow 'Flow_b' has a condition too"],
  ['delegate-expression', 'Bad', "attribute 'camunda:delegateExpression' is not supported"],
  ['error-boundary-non-interrupting', 'Bad', 'an error boundary event must be interrupting'],
  ['error-end-without-ref', 'Bad', 'an error end event needs an errorRef'],
  ['error-start-in-process', 'Bad', 'a error start event is not supported at process level'],
  [
    'escalation-boundary-on-task',
    'Bad',
    'an escalation boundary event can be attached only to a sub-process',
  ],
  ['escalation-throw-without-ref', 'Bad', 'an escalation throw event needs an escalationRef'],
  [
    'event-gateway-to-task',
    'Bad',
    'can only be followed by timer or message intermediate catch events, not bpmn:UserTask',
  ],
  ['event-subprocess-error-non-interrupting', 'Bad', 'an error start event must be interrupting'],
  ['event-subprocess-none-start', 'Bad', 'a none start event is not supported in an event sub-process'],
  ['event-subprocess-with-flow', 'Bad', 'cannot have incoming or outgoing sequence flows'],
  [
    'exclusive-missing-condition',
    'Bad',
    "outgoing sequence flow 'Flow_b' has no condition and is not the default flow",
  ],
  ['execution-listener', 'Bad', 'listeners run code'],
  ['expression-forbidden-property', 'Bad', "access to 'constructor' is not allowed"],
  ['expression-in-io', 'Bad', "parameter 'x': Error parsing"],
  ['expression-in-timer', 'Bad', "access to '__proto__' is not allowed"],
  ['expression-method-call', 'Bad', 'method and function calls are not supported'],
  ['expression-syntax', 'Bad', "camunda:assignee: Error parsing '${a +}'"],
  [
    'external-without-topic',
    'Bad',
    "External tasks must specify a 'topic' attribute in the camunda namespace",
  ],
  ['follow-up-date', 'Bad', "attribute 'camunda:followUpDate' is not supported"],
  ['foreign-attribute', 'Bad', "attribute 'zeebe:modelerTemplate' is not supported"],
  ['form-ref-and-form-key', 'Bad', 'use either camunda:formKey or camunda:formRef'],
  ['form-ref-bad-binding', 'Bad', 'camunda:formRefBinding must be one of latest, deployment, version'],
  [
    'form-ref-unknown',
    'Bad',
    "camunda:formRef 'no-such-form' names no form in this deployment or an earlier one",
  ],
  ['form-ref-version-missing', 'Bad', 'needs a whole-number camunda:formRefVersion'],
  ['generated-form', 'Bad', 'generated task forms are not supported'],
  ['io-on-start-event', 'Bad', 'camunda:inputOutput is not supported on bpmn:StartEvent'],
  ['link-event', 'Bad', 'link events are not supported'],
  ['literal-condition', 'Bad', 'a condition must be a single ${…} expression'],
  ['manual-task', 'Bad', 'manual tasks are not supported'],
  ['message-catch-with-topic', 'Bad', 'belong on message end events only'],
  ['message-throw', 'Bad', 'a message intermediate throw event is not supported'],
  ['message-without-name', 'Bad', "the message 'Message_unnamed' it refers to has no name"],
  ['message-without-ref', 'Bad', 'a message event needs a messageRef'],
  ['missing-ttl', 'Process_bad', 'ENGINE-12018 History Time To Live (TTL) cannot be null'],
  ['multi-instance', 'Bad', 'multi-instance activities are not supported'],
  ['multiple-event-definitions', 'Bad', 'several event definitions'],
  ['multiple-none-starts', 'Bad', 'multiple none start events are not supported'],
  ['nested-list', 'Bad', 'lists and maps inside lists or maps'],
  ['parallel-with-condition', 'Bad', 'which a parallel gateway ignores'],
  ['plain-task', 'Bad', 'untyped tasks have no behaviour'],
  [
    'process-candidate-starters',
    'Process_bad',
    "attribute 'camunda:candidateStarterGroups' is not supported",
  ],
  ['receive-task', 'Bad', 'receive tasks are not supported'],
  ['script-condition', 'Bad', 'script conditions (language "javascript")'],
  ['script-io', 'Bad', 'script values are not supported'],
  ['script-task', 'Bad', 'script tasks run code'],
  ['send-task', 'Bad', 'send tasks are not supported'],
  ['service-task-other-type', 'Bad', 'camunda:type must be "external"'],
  ['service-task-without-type', 'Bad', 'a service task must be an external task'],
  ['signal-event', 'Bad', 'signal events are not supported'],
  ['standard-loop', 'Bad', 'standard loops are not supported'],
  ['subprocess-timer-start', 'Bad', 'in an embedded sub-process'],
  ['subprocess-without-start', 'Bad', 'a sub-process needs exactly one start event (found 0)'],
  ['task-listener', 'Bad', 'listeners run code'],
  ['timer-bad-date', 'Bad', "Invalid timeDate '23/11/2026'"],
  ['timer-cron', 'Bad', 'cron expressions are not supported'],
  ['timer-empty', 'Bad', 'a timer needs exactly one of timeDate, timeDuration and timeCycle'],
  ['timer-negative', 'Bad', "Invalid timeDuration 'P-5D'"],
  ['timer-start-in-process', 'Bad', 'a timer start event is not supported at process level'],
  ['topic-expression', 'Bad', 'camunda:topic must be a literal'],
  ['transaction', 'Bad', 'transactions are not supported'],
  ['unknown-bpmn-element', null, 'Unparsable content <bpmn:bogus> detected'],
  ['unknown-camunda-attribute', 'Bad', "attribute 'camunda:bogus' is not supported"],
  ['zeebe-extension', 'Bad', 'Camunda 8 (zeebe) extensions'],
];

describe('Guarded deployment parser', () => {
  describe('rejections, one fixture per reason', () => {
    for (const [file, elementId, fragment] of REJECTIONS) {
      it(`Given bad/${file}.bpmn, when deployed, then it is rejected: ${fragment}`, async () => {
        const error = await rejection([resource(`bad/${file}.bpmn`)]);
        expect(error.message).to.match(/^ENGINE-09005 Could not parse BPMN process\. Errors: \n\* /);
        const problems = error.details[`${file}.bpmn`]?.errors ?? [];
        const problem = problems.find((p) => p.message.includes(fragment));
        expect(problem, JSON.stringify(problems)).to.not.equal(undefined);
        expect(problem?.mainElementId).to.equal(elementId);
        if (elementId) expect(problem?.elementIds).to.include(elementId);
        expect(problem?.line).to.be.above(0);
        expect(problem?.column).to.be.above(0);
        expect(error.message).to.contain(
          `| resource ${file}.bpmn | line ${problem?.line} | column ${problem?.column}`,
        );
      });
    }

    it('Given several bad resources, when deployed together, then every problem of every resource is listed', async () => {
      const error = await rejection([resource('bad/script-task.bpmn'), resource('bad/missing-ttl.bpmn')]);
      expect(Object.keys(error.details)).to.deep.equal(['script-task.bpmn', 'missing-ttl.bpmn']);
      expect(error.details['missing-ttl.bpmn']?.errors[0]?.message).to.equal(
        'ENGINE-12018 History Time To Live (TTL) cannot be null. TTL is necessary for the History Cleanup to work. ' +
          'The following options are possible:\n* Set historyTimeToLive in the model\n' +
          '* Set a default historyTimeToLive as a global process engine configuration\n' +
          '* (Not recommended) Deactivate the enforceTTL config to disable this check',
      );
      expect(error.details['script-task.bpmn']?.warnings).to.deep.equal([]);
    });

    it('Given the same process key in two resources, when deployed, then the duplicate is refused', async () => {
      const two = readFileSync(`${FIXTURES}good/two-executable.bpmn`);
      const error = await rejection([
        { name: 'a.bpmn', content: two },
        { name: 'b.bpmn', content: two },
      ]);
      expect(error.details['b.bpmn']?.errors[0]?.message).to.equal(
        "The deployment contains definitions with the same key 'Raising' (id attribute), this is not allowed",
      );
    });

    it('Given a formRef with binding deployment, when the form exists only in an earlier deployment, then it is refused', async () => {
      const xml = readFileSync(`${FIXTURES}good/all-supported.bpmn`, 'utf8').replace(
        'camunda:formRefBinding="latest"',
        'camunda:formRefBinding="deployment"',
      );
      const error = await rejection([{ name: 'x.bpmn', content: Buffer.from(xml) }], {
        ...options,
        isFormDeployed: () => true,
      });
      expect(error.details['x.bpmn']?.errors[0]?.message).to.contain('names no form in this deployment');
    });
  });

  describe('Camunda Forms', () => {
    const cases: [string, string][] = [
      ['schema-too-new.form', 'newer than Camunda 7 Tasklist renders (at most 16)'],
      ['no-id.form', 'A form needs a non-empty string "id"'],
      ['wrong-type.form', 'A form needs "type": "default"'],
      ['not-json.form', 'The form is not valid JSON'],
    ];
    for (const [file, fragment] of cases) {
      it(`Given forms/${file}, when deployed, then it is rejected: ${fragment}`, async () => {
        const error = await rejection([resource(`forms/${file}`)]);
        expect(error.details[file]?.errors[0]?.message).to.contain(fragment);
      });
    }

    it('Given a form that is not JSON, when rejected, then the problem has the line of the syntax error', async () => {
      const error = await rejection([resource('forms/not-json.form')]);
      expect(error.details['not-json.form']?.errors[0]?.line).to.equal(3);
    });
  });
});
