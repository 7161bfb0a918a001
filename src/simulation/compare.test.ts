import { expect } from 'chai';
import { compareTimelines } from './compare.js';
import { renderComparisonJson, renderTimelineJson } from './render-json.js';
import { renderComparisonText } from './render-text.js';
import { simulate } from './runner.js';
import { requestFor } from './simulation.test-harness.js';
import { throwawayEngines } from './throwaway-engine.js';

const RAISED = '2026-12-17T15:00:00Z';

describe('simulation: two diagrams compared (issue 16, --compare)', function () {
  this.timeout(60_000);

  it('Given Liverpool and a copy whose Stage 2 is "Day 10" instead of "Day 9", When compared, Then exactly Stage 2’s deadline moves and Stage 3 starts later, while Day 16 and Day 23 stay where the raise date puts them', async () => {
    const request = requestFor('liverpool', 'liverpool/escalation.bpmn', RAISED);
    const edited = request.diagram.replace(
      'name="timescale" value="Day 9"',
      'name="timescale" value="Day 10"',
    );
    expect(edited).to.not.equal(request.diagram);
    const base = await simulate(request, throwawayEngines());
    const other = await simulate({ ...request, diagram: edited }, throwawayEngines());
    const { rows } = compareTimelines(base, other);

    expect(rows.map((r) => [r.base?.elementId, r.compare?.elementId])).to.deep.equal(
      base.stages.map((s) => [s.elementId, s.elementId]),
    );
    expect(rows.filter((r) => r.moved).map((r) => r.base!.elementId)).to.deep.equal(['Stage2_RecordOutcome']);
    expect(rows.filter((r) => r.startMoved).map((r) => r.base!.elementId)).to.deep.equal([
      'Stage3_RecordOutcome',
    ]);
    const stage2 = rows.find((r) => r.base!.elementId === 'Stage2_RecordOutcome')!;
    expect([stage2.base!.due, stage2.compare!.due]).to.deep.equal([
      '2026-12-26T00:00:00.000Z',
      '2026-12-27T00:00:00.000Z',
    ]);

    const json = JSON.parse(
      renderComparisonJson({ base, compare: other, rows }, { base: 'a.bpmn', compare: 'b.bpmn' }),
    );
    expect(
      json.stages.map((s: { elementId: string; moved: boolean }) => [s.elementId, s.moved]),
    ).to.deep.equal(base.stages.map((s) => [s.elementId, s.elementId === 'Stage2_RecordOutcome']));
    expect(json.stages[2]).to.include({
      due: '2026-12-26T00:00:00.000Z',
      compareDue: '2026-12-27T00:00:00.000Z',
    });
    expect(json.compareOnly).to.deep.equal([]);

    const text = renderComparisonText({ base, compare: other, rows }, { base: 'a.bpmn', compare: 'b.bpmn' });
    const marked = text.split('\n').filter((l) => l.startsWith('   ') && l.includes('* '));
    expect(marked).to.have.length(2);
    expect(marked[0]).to.match(/^ {3}Due +Sat 26 Dec 2026 at 00:00 GMT +\* Sun 27 Dec 2026 at 00:00 GMT$/);
    expect(marked[1]).to.match(
      /^ {3}Started +Fri 25 Dec 2026 at 23:59 GMT +\* Sat 26 Dec 2026 at 23:59 GMT$/,
    );
  });

  it('Given a copy that routes differently (Stage 1 resolves), When compared, Then the stages only one diagram reaches are listed on their side and marked moved', async () => {
    const request = requestFor('liverpool', 'liverpool/escalation.bpmn', RAISED, {
      outcomes: ['unresolved', 'resolved'],
    });
    const base = await simulate(request, throwawayEngines());
    const other = await simulate({ ...request, outcomes: ['resolved'] }, throwawayEngines());
    const { rows } = compareTimelines(base, other);
    expect(rows.map((r) => [r.base?.elementId ?? null, r.compare?.elementId ?? null, r.moved])).to.deep.equal(
      [
        ['Stage1_RecordOutcome', 'Stage1_RecordOutcome', false],
        ['Stage1LineManager_RecordOutcome', null, true],
      ],
    );
    const swapped = compareTimelines(other, base);
    const json = JSON.parse(renderComparisonJson(swapped, { base: 'b.bpmn', compare: 'a.bpmn' }));
    expect(json.compareOnly.map((s: { elementId: string }) => s.elementId)).to.deep.equal([
      'Stage1LineManager_RecordOutcome',
    ]);
    // A timeline alone prints the fields first.
    const alone = JSON.parse(renderTimelineJson(base));
    expect(Object.keys(alone.stages[0]).slice(0, 6)).to.deep.equal([
      'elementId',
      'name',
      'startedAt',
      'due',
      'timescale',
      'explanation',
    ]);
  });
});
