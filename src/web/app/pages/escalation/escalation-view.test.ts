/**
 * The escalation page's pure logic in Node: the diagram's marks, who completes a stage in the
 * partnership's titles, who belongs to the raising party, and the API's field errors placed on a
 * stage form's fields (form-js's errors state, dynamic lists included).
 */
import { expect } from 'chai';
import type { Escalation, Partnership, User } from '../../api/types.js';
import { dueFor } from '../../../../calendar/due.js';
import {
  deadlineSummary,
  diagramMarks,
  formJsErrors,
  inRaisingParty,
  placeErrors,
  whoCompletes,
} from './escalation-view.js';

const stage = (elementId: string, over: Partial<Escalation['stages'][number]> = {}) => ({
  elementId,
  name: elementId,
  startedAt: '2026-11-02T10:00:00.000Z',
  due: '2026-11-03T00:00:00.000Z',
  dueExplanation: null,
  overdue: false,
  endedAt: null,
  outcome: null,
  ...over,
});

const task = (elementId: string, overdue = false) => ({
  id: `task-${elementId}`,
  elementId,
  name: elementId,
  candidateRoles: ['line-manager'],
  due: null,
  overdue,
  formKey: null,
  canComplete: true,
});

const parties: Escalation['parties'] = [
  {
    side: 'raised-by',
    agency: { id: 'health', name: 'Health' },
    organisation: { id: 'alder-hey', name: 'Alder Hey' },
  },
  { side: 'other', agency: { id: 'childrens-services', name: "Children's Services" }, organisation: null },
];

describe('Escalation page logic', () => {
  it('Given a stage breached and the next one open, When the diagram is marked, Then the path taken is completed (flows whose source ended and target was reached), the open stage current and the breached one overdue', () => {
    const marks = diagramMarks(
      {
        reached: ['Start', 'Stage1', 'Stage1_Deadline', 'Stage2'],
        ended: ['Start', 'Stage1_Deadline'],
      },
      {
        stages: [
          stage('Stage1', { endedAt: '2026-11-03T00:00:00.000Z', outcome: 'breached' }),
          stage('Stage2'),
        ],
        openTasks: [task('Stage2')],
      },
      [
        { id: 'F1', source: 'Start', target: 'Stage1' },
        { id: 'F2', source: 'Stage1', target: 'Stage1_Resolved' },
        { id: 'F3', source: 'Stage1_Deadline', target: 'Stage2' },
      ],
    );
    expect(marks).to.deep.equal({
      completed: ['Start', 'Stage1_Deadline', 'F1', 'F3'],
      current: ['Stage2'],
      overdue: ['Stage1'],
    });
  });

  it('Given a stage reached again (a repeated level) whose earlier run was breached, When marked, Then only its open run counts: current, and overdue only if that run is', () => {
    const escalation = {
      stages: [
        stage('Stage3', { endedAt: '2026-11-05T00:00:00.000Z', outcome: 'breached' }),
        stage('Stage3'),
      ],
      openTasks: [task('Stage3')],
    };
    const path = { reached: ['Stage3'], ended: ['Stage3'] };
    expect(diagramMarks(path, escalation, [])).to.deep.equal({
      completed: [],
      current: ['Stage3'],
      overdue: [],
    });
    const late = { ...escalation, openTasks: [task('Stage3', true)] };
    expect(diagramMarks(path, late, []).overdue).to.deep.equal(['Stage3']);
  });

  it('Given the partnership’s roles, When saying who completes a stage, Then agency roles are named by the parties’ agencies’ titles and partnership roles by their own title', () => {
    const partnership = {
      roles: [
        {
          role: 'line-manager',
          description: '',
          scope: 'agency',
          titles: {
            health: 'Safeguarding Specialist Practitioner',
            'childrens-services': 'Team Manager',
            school: 'Head',
          },
        },
        {
          role: 'lscb-independent-chair',
          description: '',
          scope: 'partnership',
          titles: { '*': 'LSCB Independent Chair' },
        },
      ],
    } as unknown as Partnership;
    expect(whoCompletes(['line-manager'], partnership, parties)).to.equal(
      "Line manager (Safeguarding Specialist Practitioner at Health, Team Manager at Children's Services)",
    );
    expect(whoCompletes(['lscb-independent-chair', 'unknown-role'], partnership, parties)).to.equal(
      'LSCB Independent Chair, or Unknown role',
    );
    expect(whoCompletes(['line-manager'], null, parties)).to.equal('Line manager');
  });

  it('Given memberships, Then only the raising party’s organisation (or its whole agency when none is named) may withdraw', () => {
    const user = (agency: string, organisation: string | null) =>
      ({ memberships: [{ partnership: 'liverpool', agency, organisation }] }) as unknown as User;
    const e = { partnership: 'liverpool', parties };
    expect(inRaisingParty(user('health', 'alder-hey'), e)).to.equal(true);
    expect(inRaisingParty(user('health', 'other-trust'), e)).to.equal(false);
    expect(inRaisingParty(user('childrens-services', null), e)).to.equal(false);
    const wholeAgency = { partnership: 'liverpool', parties: [{ ...parties[0]!, organisation: null }] };
    expect(inRaisingParty(user('health', 'other-trust'), wholeAgency)).to.equal(true);
  });

  it('Given the API’s errors for a stage form, When placed, Then each lands on its form-js field (by id, with a dynamic list’s entry), and one naming no field goes to the summary only', () => {
    const schema = {
      components: [
        { id: 'Field_outcome', type: 'radio', key: 'outcome' },
        {
          id: 'Field_group',
          type: 'group',
          components: [{ id: 'Field_reason', type: 'textarea', key: 'unresolvedReason' }],
        },
        {
          id: 'Field_list',
          type: 'dynamiclist',
          path: 'otherProfessionals',
          components: [{ id: 'Field_role', type: 'textfield', key: 'role' }],
        },
      ],
    };
    const placed = placeErrors(schema, [
      { path: 'body.outcome', message: 'Choose one' },
      { path: 'body.unresolvedReason', message: 'Say why' },
      { path: 'body.otherProfessionals.1.role', message: 'Their role' },
      { path: 'body', message: 'Whole body' },
    ]);
    expect(placed).to.deep.equal([
      { message: 'Choose one', fieldId: 'Field_outcome', indexes: [] },
      { message: 'Say why', fieldId: 'Field_reason', indexes: [] },
      { message: 'Their role', fieldId: 'Field_role', indexes: [1] },
      { message: 'Whole body', fieldId: null, indexes: [] },
    ]);
    expect(formJsErrors(placed)).to.deep.equal({
      Field_outcome: ['Choose one'],
      Field_reason: ['Say why'],
      Field_role: { 1: ['Their role'] },
    });
  });

  it('Given the calendar’s own explanations, When a deadline is summed up, Then a London midnight is the end of the day before with the rule first ("Day 2: due end of Thu 24 Dec 2026", in GMT and BST), a time of day is kept, a passed one "was due", and none says so (LSCB procedure, Stage 1 and line managers: Day 1, Day 2)', () => {
    const explained = (timescale: string, from: string) => {
      const d = dueFor(timescale, { from, raised: from });
      return { due: d.due.toISOString(), dueExplanation: d.explanation.join('\n') };
    };
    // Raised Wed 23 Dec 2026: Day 2 is Thu 24 Dec, so due at midnight starting Christmas Day (GMT).
    expect(deadlineSummary(explained('Day 2', '2026-12-23T10:00:00Z'))).to.equal(
      'Day 2: due end of Thu 24 Dec 2026',
    );
    // Raised Wed 31 Mar 2027 (BST): Day 1 ends at 23:00 UTC.
    const bst = explained('Day 1', '2027-03-31T09:00:00Z');
    expect(bst.due).to.equal('2027-03-31T23:00:00.000Z');
    expect(deadlineSummary(bst)).to.equal('Day 1: due end of Wed 31 Mar 2027');
    expect(deadlineSummary(bst, true)).to.equal('Day 1: was due end of Wed 31 Mar 2027');
    // Elapsed time keeps the wall-clock time.
    expect(deadlineSummary(explained('72 hours', '2026-11-02T10:00:00Z'))).to.equal(
      '72 hours: due Thu 5 Nov 2026, 10:00am',
    );
    expect(deadlineSummary({ due: '2026-11-05T17:00:00.000Z', dueExplanation: null })).to.equal(
      'Due Thu 5 Nov 2026, 5:00pm',
    );
    expect(deadlineSummary({ due: null, dueExplanation: null })).to.equal('No deadline');
  });
});
