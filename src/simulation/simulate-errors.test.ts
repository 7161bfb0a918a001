import { expect } from 'chai';
import { DiagramTaskError } from './errors/diagram-task-error.js';
import { InvalidDiagramError } from './errors/invalid-diagram-error.js';
import { OutcomeNotOfferedError } from './errors/outcome-not-offered-error.js';
import { UnknownOutcomeError } from './errors/unknown-outcome-error.js';
import { simulate } from './runner.js';
import { requestFor } from './simulation.test-harness.js';
import { throwawayEngines } from './throwaway-engine.js';

describe('simulation: bad input is refused with a clear error (issue 16)', function () {
  this.timeout(60_000);
  const simulateWith = (over: Partial<ReturnType<typeof requestFor>>) =>
    simulate(
      { ...requestFor('liverpool', 'liverpool/escalation.bpmn', '2026-12-17T15:00:00Z'), ...over },
      throwawayEngines(),
    );

  it('Given an outcome no form offers, When simulated, Then UnknownOutcomeError lists the outcomes', async () => {
    const error = await simulateWith({ outcomes: ['fixed'] }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(UnknownOutcomeError).and.to.include({ code: 'UNKNOWN_OUTCOME' });
    expect((error as Error).message).to.match(/^unknown outcome "fixed"; outcomes are resolved, unresolved/);
  });

  it('Given an outcome the stage’s form does not offer, When simulated, Then OutcomeNotOfferedError names the stage and what it offers', async () => {
    const error = await simulateWith({ outcomes: ['stuck'] }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(OutcomeNotOfferedError);
    expect((error as Error).message).to.equal(
      'outcome "stuck" is not offered at Stage1_RecordOutcome (Record the attempted resolution); it offers resolved, unresolved',
    );
  });

  it('Given text that is not BPMN, or BPMN without an executable process, When simulated, Then InvalidDiagramError says so', async () => {
    const notXml = await simulateWith({ diagram: 'not a diagram' }).catch((e: unknown) => e);
    expect(notXml).to.be.instanceOf(InvalidDiagramError);
    expect((notXml as Error).message).to.match(/^not a BPMN 2\.0 diagram/);
    const empty = await simulateWith({
      diagram:
        '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><bpmn:process id="P" isExecutable="false"/></bpmn:definitions>',
    }).catch((e: unknown) => e);
    expect((empty as Error).message).to.equal(
      'the diagram has 0 executable processes; a simulation runs exactly one',
    );
  });

  it('Given a diagram the engine refuses (a form it references is missing), When simulated, Then InvalidDiagramError quotes the engine', async () => {
    const error = await simulateWith({ forms: [] }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(InvalidDiagramError);
    expect((error as Error).message).to.match(/^the engine refuses the diagram: .*names no form/);
  });

  it('Given a timescale the calendar does not accept, When simulated, Then DiagramTaskError names the task, as the worker’s incident would', async () => {
    const base = requestFor('liverpool', 'liverpool/escalation.bpmn', '2026-12-17T15:00:00Z');
    const diagram = base.diagram.replace(
      'name="timescale" value="Day 1"',
      'name="timescale" value="48 hourz"',
    );
    const error = await simulate({ ...base, diagram }, throwawayEngines()).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DiagramTaskError).and.to.include({ code: 'DIAGRAM_TASK_FAILED' });
    expect((error as Error).message).to.match(/^timescale "48 hourz" on Stage1_ScheduleDeadline: /);
  });
});
