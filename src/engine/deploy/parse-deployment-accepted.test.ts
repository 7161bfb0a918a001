/** The guarded deployment parser's accepted diagrams (its rejections are in parse-deployment.test.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { DEFAULT_MAX_DEPLOYMENT_BYTES, parseDeployment, type ParseOptions } from './index.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/deploy/', import.meta.url));
const resource = (path: string) => ({
  name: path.split('/').pop() ?? path,
  content: readFileSync(FIXTURES + path),
});
const options: ParseOptions = { maxBytes: DEFAULT_MAX_DEPLOYMENT_BYTES };

describe('Guarded deployment parser', () => {
  describe('accepted diagrams', () => {
    it('Given a diagram using every supported element and extension, when deployed with its form, then it is accepted', async () => {
      const parsed = await parseDeployment(
        [resource('good/all-supported.bpmn'), resource('good/stage-record.form')],
        options,
      );
      const [bpmn, form] = parsed.resources;
      expect(form?.kind).to.equal('form');
      expect(form?.formId).to.equal('stage-record');
      expect(bpmn?.processes).to.have.length(1);
      const process = bpmn?.processes[0];
      expect(process?.key).to.equal('AllSupported');
      expect(process?.historyTimeToLive).to.equal(180);
      expect(process?.versionTag).to.equal('1.0.0');
      expect(process?.isStartableInTasklist).to.equal(true);
      expect(process?.source).to.contain('bpmn:definitions');
      const types = new Set([...(process?.elements.values() ?? [])].map((e) => e.type));
      for (const type of [
        'bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent',
        'bpmn:BoundaryEvent', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway',
        'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway', 'bpmn:SubProcess', 'bpmn:SequenceFlow',
        'bpmn:DataObject', 'bpmn:DataObjectReference',
      ]) expect(types, type).to.include(type); // prettier-ignore
    });

    it('Given the supported diagram, when parsed, then each element carries the metadata the runtime needs', async () => {
      const parsed = await parseDeployment(
        [resource('good/all-supported.bpmn'), resource('good/stage-record.form')],
        options,
      );
      const elements = parsed.resources[0]?.processes[0]?.elements;
      const get = (id: string) => {
        const info = elements?.get(id);
        if (!info) throw new Error(`no element ${id}`);
        return info;
      };
      const task = get('Task_record');
      expect(task.userTask?.assignee?.identifiers).to.deep.equal(['raisedBy']);
      expect(task.userTask?.candidateGroups?.evaluate(() => ({ found: true, value: 'police' }))).to.equal(
        'practitioners, police-managers',
      );
      expect(task.userTask?.dueDate?.source).to.equal('${stageDue}');
      expect(task.userTask?.formRef).to.deep.equal({ key: 'stage-record', binding: 'latest', version: null });
      expect(task.properties).to.deep.equal({ stage: '1', procedure: 'east-riding' });
      expect(task.inputs.map((p) => p.name)).to.deep.equal(['stageName', 'empty', 'recipients', 'labels']);
      expect(task.inputs[1]?.value).to.equal(null);
      expect(Array.isArray(task.inputs[2]?.value)).to.equal(true);
      expect(Object.keys(task.inputs[3]?.value ?? {})).to.deep.equal(['first', 'plain']);
      expect(task.outputs.map((p) => p.name)).to.deep.equal(['recorded']);
      expect(get('Task_notify').external?.topic).to.equal('notify');
      expect(get('Task_notify').external?.priority?.source).to.equal('${priority}');
      expect(get('End_message').external?.topic).to.equal('send-withdrawal');
      expect(get('Start_message').messageName).to.equal('escalation-raised');
      expect(get('Boundary_error')).to.include({ attachedToRef: 'Task_notify', cancelActivity: true, errorCode: 'UNREACHABLE' });
      expect(get('Boundary_reminder').cancelActivity).to.equal(false);
      expect(get('Boundary_reminder').timer?.kind).to.equal('timeCycle');
      expect(get('Boundary_due').timer?.expression.isLiteral).to.equal(false);
      expect(get('Boundary_sub_error').errorCode).to.equal(null);
      expect(get('Boundary_escalation').escalationCode).to.equal('NEXT_LEVEL');
      expect(get('Gateway_decide').defaultFlowId).to.equal('Flow_no');
      expect(get('Flow_yes').condition?.identifiers).to.deep.equal(['resolved', 'outcome']);
      expect(get('Sub_task').parentId).to.equal('SubProcess_stage');
      expect(get('Sub_task').userTask?.formKey).to.equal('embedded:app:forms/discuss.html');
      expect(get('EventSub_message').triggeredByEvent).to.equal(true);
      expect(get('EventSub_message_start').isInterrupting).to.equal(false);
      expect(get('EventSub_timer_start').timer?.expression.source).to.equal('P40D');
    }); // prettier-ignore

    it('Given a BPMN with two executable processes and a non-executable one, when deployed, then both executable ones are definitions', async () => {
      const parsed = await parseDeployment([resource('good/two-executable.bpmn')], options);
      const processes = parsed.resources[0]?.processes ?? [];
      expect(processes.map((p) => p.key)).to.deep.equal(['Raising', 'Receiving']);
      expect(processes[1]?.historyTimeToLive).to.equal(60);
    });

    it('Given a formRef to a form deployed earlier, when the runtime confirms it, then the diagram is accepted', async () => {
      const parsed = await parseDeployment([resource('good/all-supported.bpmn')], {
        ...options,
        isFormDeployed: (id, version) => id === 'stage-record' && version === null,
      });
      expect(parsed.resources[0]?.processes).to.have.length(1);
    });

    it('Given a resource that is neither BPMN nor a form, when deployed, then it is stored as is', async () => {
      const parsed = await parseDeployment([{ name: 'notes.txt', content: Buffer.from('hello') }], options);
      expect(parsed.resources[0]).to.include({ kind: 'other', name: 'notes.txt' });
    });
  });
});
