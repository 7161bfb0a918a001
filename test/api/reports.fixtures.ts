/**
 * A fixed set of Liverpool escalations raised and driven through /api/v1 over two periods of a
 * week, for the partnership report's tests (issue 16). Every raise, stage outcome, withdrawal and
 * immediate-risk report is an HTTP call by a user who may make it; time passes on the product's fake
 * clock, and with `breaches` two deadlines pass (a Stage 1 of the workers, a line managers' step), so
 * the engine's timers cut those stages off. Without `breaches` no deadline is reached, which is how
 * the same set runs on a real Operaton (its timers keep real time).
 *
 * Week 1 (from `start`, a Monday at 10:00 in London):
 * - A: school → Children's Services (general), resolved at Stage 1 after 2 hours;
 * - B: school → Children's Services (referral/enquiry), Stage 1 unresolved, resolved at Stage 2;
 * - C: health → Children's Services (conference request), immediate risk when raised, the workers'
 *   Stage 1 deadline passes (or, without breaches, they record it unresolved), the line managers
 *   resolve it the next morning;
 * - D: health → Children's Services (conference decision), withdrawn by its raiser during Stage 1;
 * - E: Merseyside Police → Children's Services (CP plan), resolved at Stage 3, then the Report to
 *   LSCB with lessons (training, partnership guidance);
 * - F: school → health (general), raised Thursday, unresolved by the workers; the line managers'
 *   deadline passes (or they record it unresolved): open at the end of the week.
 * Week 2: G school → Children's Services, resolved at Stage 1; H health → Children's Services,
 * immediate risk reported after the raise, resolved at Stage 1. Merseyside Police and Children's
 * Services raise nothing in week 2.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import type { ApiHarness, As } from './harness.js';
import { SCHOOL_RAISE } from '../support/raise-body.js';

const L = (agency: string | null, organisation: string | null, roles: string[], reports = false) => ({
  partnership: 'liverpool',
  agency,
  organisation,
  roles,
  reports,
});
const ACTING = [
  'raising-professional',
  'line-manager',
  'organisation-safeguarding-representative',
  'lscb-safeguarding-representative',
];

/** The people: three raising agencies' professionals, the business office (reports), and two without. */
export const PEOPLE = {
  // A school's DSL who also has the reports permission (to read her own agency's summary log).
  sam: L('school', 'st-marys', ACTING, true),
  hana: L('health', 'alder-hey', ACTING),
  pol: L('merseyside-police', 'mp-pvpu', ACTING),
  // The LSCB Business Manager with the reports permission: every figure of the partnership.
  bea: L(null, null, ['lscb-business-manager'], true),
  // The LSCB Team, a member without the reports permission.
  tess: L(null, null, ['lscb-team']),
  // A member of another partnership only.
  wes: { partnership: 'wiltshire', agency: 'school', organisation: 'ash-school', roles: ['line-manager'] },
};

/** The child of A (made up): never in a report or a summary log. */
export const CHILD = {
  name: 'Perpetua Oyelaran-Brisk',
  dateOfBirth: '2015-03-09',
  address: '3 Gannet Row, L8 1ZZ',
};

export const APPENDIX_1 = {
  agencyEscalationNumber: 'SCH-2026/001',
  concern: 'Missed health appointments',
  actionsUndertaken: 'Telephone discussion between the workers',
};

const HOUR = 3_600_000;
const resolved = { outcome: 'resolved', agreedOutcome: 'Assessment agreed', actionPlan: 'Visit by Friday' };
const unresolved = { outcome: 'unresolved', unresolvedReason: 'The threshold is still disputed' };

export interface Period {
  from: string;
  to: string;
}

/** Drives the escalations through the API; every helper waits for the workers before it returns. */
export class ReportScenario {
  private readonly tokens = new Map<string, As>();
  /** Escalation ids by letter. */
  readonly ids: Record<string, string> = {};
  /** When F's line managers' step ended (its deadline passing, or their outcome). */
  fLineManagersEnded = 0;

  constructor(
    readonly h: ApiHarness,
    /** A Monday at 10:00 in London. */
    readonly start: number,
  ) {}

  /** Creates the people, each with a personal access token. */
  async people(): Promise<void> {
    for (const [name, person] of Object.entries(PEOPLE)) {
      await this.h.user(name, person);
      this.tokens.set(name, this.h.token(name));
    }
  }

  as(name: string): As {
    return this.tokens.get(name)!;
  }

  /** The two weeks, as [from, to) in London days. */
  periods(): { week1: Period; week2: Period } {
    const monday = DateTime.fromMillis(this.start, { zone: 'Europe/London' }).startOf('day');
    const day = (d: DateTime) => d.toFormat('yyyy-MM-dd');
    return {
      week1: { from: day(monday), to: day(monday.plus({ days: 7 })) },
      week2: { from: day(monday.plus({ days: 7 })), to: day(monday.plus({ days: 14 })) },
    };
  }

  /** Moves the fake clock to `hours` after the start. */
  async at(hours: number): Promise<void> {
    await this.h.clock.advanceTo(this.start + hours * HOUR);
  }

  async raise(letter: string, who: string, over: Record<string, unknown>): Promise<void> {
    const res = await this.h.call<{ id: string }>('POST', '/api/v1/escalations', this.as(who), {
      ...SCHOOL_RAISE,
      otherOrganisation: 'liverpool-csc',
      caseReference: `LPL/REPORT/${letter}-${this.start.toString(36)}`,
      ...over,
    });
    expect(res.status, res.text).to.equal(201);
    this.ids[letter] = res.body.id;
    await this.settle(letter);
  }

  private async settle(letter: string): Promise<void> {
    await this.h.settle(this.h.product.stores.escalations.get(this.ids[letter]!)!.processInstanceId);
  }

  private async openTask(letter: string, who: string, elementId: string) {
    const view = await this.h.call<{ openTasks: { id: string; elementId: string; due: string | null }[] }>(
      'GET',
      `/api/v1/escalations/${this.ids[letter]}`,
      this.as(who),
    );
    const task = view.body.openTasks.find((t) => t.elementId === elementId);
    expect(task, `${letter}: ${elementId} is open`).to.not.equal(undefined);
    return task!;
  }

  async complete(
    letter: string,
    who: string,
    elementId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    const task = await this.openTask(letter, who, elementId);
    const url = `/api/v1/escalations/${this.ids[letter]}/tasks/${task.id}/complete`;
    const done = await this.h.call('POST', url, this.as(who), data);
    expect(done.status, `${letter} ${elementId}: ${done.text}`).to.equal(200);
    await this.settle(letter);
  }

  async act(letter: string, who: string, action: string, body?: unknown): Promise<void> {
    const res = await this.h.call(
      'POST',
      `/api/v1/escalations/${this.ids[letter]}/${action}`,
      this.as(who),
      body,
    );
    expect(res.status, res.text).to.equal(202);
    await this.settle(letter);
  }

  /** Moves the clock to a second past the open task's deadline; returns that instant. */
  async letDeadlinePass(letter: string, who: string, elementId: string): Promise<number> {
    const task = await this.openTask(letter, who, elementId);
    const passed = Date.parse(task.due!) + 1000;
    await this.h.clock.advanceTo(passed);
    await this.settle(letter);
    return passed;
  }

  /** Both weeks, as the header says. */
  async drive(breaches: boolean): Promise<void> {
    await this.weekOne(breaches);
    await this.weekTwo();
  }

  private async weekOne(breaches: boolean): Promise<void> {
    await this.raise('A', 'sam', { disagreementContext: 'general', levelOfNeed: 'S17', subject: CHILD });
    await this.raise('B', 'sam', { disagreementContext: 'referral-enquiry' });
    await this.raise('C', 'hana', { disagreementContext: 'conference-request', immediateRisk: true });
    await this.raise('D', 'hana', { disagreementContext: 'conference-decision' });
    await this.raise('E', 'pol', { disagreementContext: 'cp-plan' });
    await this.at(2);
    await this.complete('A', 'sam', 'Stage1_RecordOutcome', { ...resolved, ...APPENDIX_1 });
    await this.complete('B', 'sam', 'Stage1_RecordOutcome', unresolved);
    await this.complete('E', 'pol', 'Stage1_RecordOutcome', unresolved);
    if (!breaches) await this.complete('C', 'hana', 'Stage1_RecordOutcome', unresolved);
    await this.at(3);
    await this.act('D', 'hana', 'withdraw', { reason: 'Agreed on the telephone after all' });
    await this.at(4);
    await this.complete('B', 'sam', 'Stage1LineManager_RecordOutcome', unresolved);
    await this.complete('E', 'pol', 'Stage1LineManager_RecordOutcome', unresolved);
    if (breaches) await this.letDeadlinePass('C', 'hana', 'Stage1_RecordOutcome');
    await this.at(24);
    await this.complete('C', 'hana', 'Stage1LineManager_RecordOutcome', resolved);
    await this.at(26);
    await this.complete('B', 'sam', 'Stage2_RecordOutcome', resolved);
    await this.complete('E', 'pol', 'Stage2_RecordOutcome', unresolved);
    await this.at(48);
    await this.complete('E', 'pol', 'Stage3_RecordOutcome', resolved);
    await this.at(49);
    await this.complete('E', 'pol', 'Lessons_CompleteReport', {
      lessons: ['training', 'partnership-guidance'],
      lessonsDetails: 'Threshold training for front-line staff',
    });
    await this.at(72);
    await this.raise('F', 'sam', { otherAgency: 'health', otherOrganisation: 'alder-hey' });
    await this.at(73);
    await this.complete('F', 'sam', 'Stage1_RecordOutcome', unresolved);
    if (breaches) {
      this.fLineManagersEnded = await this.letDeadlinePass('F', 'sam', 'Stage1LineManager_RecordOutcome');
    } else {
      await this.at(74);
      await this.complete('F', 'sam', 'Stage1LineManager_RecordOutcome', unresolved);
      this.fLineManagersEnded = this.start + 74 * HOUR;
    }
  }

  private async weekTwo(): Promise<void> {
    await this.at(7 * 24);
    await this.raise('G', 'sam', { disagreementContext: 'general' });
    await this.raise('H', 'hana', { disagreementContext: 'referral-enquiry' });
    await this.at(7 * 24 + 1);
    await this.complete('G', 'sam', 'Stage1_RecordOutcome', resolved);
    await this.act('H', 'hana', 'immediate-risk');
    await this.at(7 * 24 + 2);
    await this.complete('H', 'hana', 'Stage1_RecordOutcome', resolved);
  }
}

/** GET as someone, the body as bytes (for PDFs and CSV). */
export async function download(
  h: ApiHarness,
  path: string,
  as: As,
): Promise<{ status: number; type: string; disposition: string; bytes: Buffer }> {
  const headers: Record<string, string> = {};
  if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
  const res = await fetch(`${h.base}${path}`, { headers });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}
