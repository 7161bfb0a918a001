/**
 * The dashboard's "Open escalations by stage" from `GET /escalations/counts`, run in Node: every
 * stage of the user's partnerships' diagrams once (0 where none is open), the API's counts on the
 * right partnership's stage, and a stage open that no current diagram has still counted.
 */
import { expect } from 'chai';
import type { Partnership, StageDefinition } from '../../api/types.js';
import { stageCountsOf } from './dashboard-data.js';

const stage = (elementId: string, name: string): StageDefinition => ({
  elementId,
  name,
  candidateRoles: [],
  timescale: null,
  dueVariable: null,
});

const partnership = (id: string, diagrams: StageDefinition[][]): Partnership => ({
  id,
  name: id,
  procedure: { title: '', edition: '', publisher: '' },
  division: '',
  agencies: [],
  roles: [],
  diagrams: diagrams.map((stages, i) => ({ key: `${id}-${i}`, contexts: [], implements: [], stages })),
});

describe('Dashboard: open escalations by stage from the counts', () => {
  it('Given two partnerships whose diagrams share a stage, When the counts come, Then each stage is listed once per partnership with its own count, 0 where none is open, and an open stage of no current diagram comes last by its id', () => {
    const lp = partnership('liverpool', [
      [stage('Stage1', 'Stage 1'), stage('Stage2', 'Stage 2')],
      [stage('Stage1', 'Stage 1'), stage('Conference', 'Conference')],
    ]);
    const wilts = partnership('wiltshire', [[stage('Stage1', 'First stage')]]);
    const rows = stageCountsOf([lp, wilts], {
      items: [
        { partnership: 'liverpool', stage: 'Stage1', count: 7 },
        { partnership: 'liverpool', stage: 'OldStage', count: 1 },
        { partnership: 'wiltshire', stage: 'Stage1', count: 2 },
        // Not one of the user's partnerships' (cannot happen; never shown if it did).
        { partnership: 'elsewhere', stage: 'Stage1', count: 9 },
      ],
      total: 10,
    });
    expect(rows.map((r) => [r.partnership.id, r.elementId, r.name, r.open])).to.deep.equal([
      ['liverpool', 'Stage1', 'Stage 1', 7],
      ['liverpool', 'Stage2', 'Stage 2', 0],
      ['liverpool', 'Conference', 'Conference', 0],
      ['wiltshire', 'Stage1', 'First stage', 2],
      ['liverpool', 'OldStage', 'OldStage', 1],
    ]);
  });
});
