/**
 * Seeds an application database with Liverpool escalations as the workers would have recorded them,
 * for the partnership report's benchmark: each escalation indexed as the API indexes a raise, and
 * its record entries appended through the real RecordStore (hash chain, sealed payloads with form
 * data of realistic size, the lessons' plain facts) with the element ids, stages, kinds and outcomes
 * of processes/liverpool/escalation.bpmn, in the order its paths write them: the raise, an
 * immediate-risk routing for some, Stage 1 (workers, then line managers), Stages 2, 3 (then the
 * mediated meeting) and 4, each resolved, unresolved or breached with plausible odds and durations,
 * lessons and the Executive Group notice after Stages 3 and 4, some withdrawn on the way. A seeded
 * PRNG makes the same count give the same database.
 */
import { randomUUID } from 'node:crypto';
import type { AppStores } from '../src/store/app-stores.js';
import type { NewRecordEntry } from '../src/record/record-store.js';

const HOUR = 3_600_000;
const AGENCIES = ['school', 'health', 'childrens-services', 'merseyside-police'];
const RAISING_WEIGHTS = [35, 30, 10, 25];
const CONTEXTS = ['general', 'referral-enquiry', 'conference-request', 'conference-decision', 'cp-plan'];
const CONTEXT_WEIGHTS = [40, 30, 10, 8, 12];
const LESSONS = ['training', 'commissioning', 'agency-guidance', 'partnership-guidance'];

/** mulberry32: a small, fast, seeded PRNG (the benchmark needs repeatable data, not secrecy). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(rand: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rand() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/** One step of the path: which element writes which kind at which stage, and its outcome odds. */
interface Step {
  group: string;
  stage: string;
  resolved: number;
  breached: number;
  /** Hours a stage takes: at least, plus up to. */
  hours: [number, number];
}

const PATH: Step[] = [
  { group: 'Stage1', stage: '1', resolved: 0.45, breached: 0.1, hours: [1, 20] },
  { group: 'Stage1LineManager', stage: '1', resolved: 0.5, breached: 0.08, hours: [4, 40] },
  { group: 'Stage2', stage: '2', resolved: 0.55, breached: 0.08, hours: [24, 150] },
  { group: 'Stage3', stage: '3', resolved: 0.4, breached: 0.05, hours: [24, 150] },
  { group: 'Stage3Mediation', stage: '3', resolved: 0.5, breached: 0.05, hours: [24, 120] },
  { group: 'Stage4', stage: '4', resolved: 0.8, breached: 0.05, hours: [24, 150] },
];

const TEXT = 'Practice detail of realistic length for a sealed record payload. '.repeat(6);

/** The entries one escalation's record would hold, in order. */
function lifecycle(
  rand: () => number,
  raisedAt: number,
): Omit<NewRecordEntry, 'escalationId' | 'caseReference' | 'partnership' | 'processInstanceId'>[] {
  const out: Omit<NewRecordEntry, 'escalationId' | 'caseReference' | 'partnership' | 'processInstanceId'>[] =
    [];
  let t = raisedAt;
  const entry = (
    elementId: string,
    kind: string,
    stage: string | null,
    outcome: string | null,
    payload: Record<string, unknown> | null,
  ) =>
    out.push({
      externalTaskId: randomUUID(),
      stage,
      elementId,
      kind,
      actorRole: null,
      actorAgency: null,
      outcome,
      correctsSeq: null,
      recordedAt: new Date(t),
      payload,
    });
  entry('Raise_Record', 'escalation-raised', '1', null, {
    disagreement: TEXT,
    outcomeSought: TEXT,
    timescaleSought: '5 working days',
    immediateRisk: false,
    register: 'case-record',
  });
  if (rand() < 0.06)
    entry('Raise_RecordRouting', 'immediate-risk-routed', '1', null, { register: 'case-record' });
  const withdrawAt = rand() < 0.04 ? Math.floor(rand() * PATH.length) : -1;
  for (let i = 0; i < PATH.length; i++) {
    const step = PATH[i]!;
    t += (step.hours[0] + rand() * step.hours[1]) * HOUR;
    if (i === withdrawAt) {
      entry('Withdrawn_Record', 'withdrawn', null, 'withdrawn', {
        withdrawalReason: TEXT,
        register: 'case-record',
      });
      return out;
    }
    if (rand() < 0.02)
      entry('ImmediateRisk_Record', 'immediate-risk-routed', null, null, { register: 'case-record' });
    const x = rand();
    if (x < step.breached) {
      entry(`${step.group}_RecordBreach`, 'stage-breached', step.stage, 'breached', {
        register: 'case-record',
      });
      continue;
    }
    const resolved = x < step.breached + step.resolved;
    entry(`${step.group}_RecordCaseFile`, 'stage-outcome', step.stage, resolved ? 'resolved' : 'unresolved', {
      outcome: resolved ? 'resolved' : 'unresolved',
      agreedOutcome: TEXT,
      actionPlan: TEXT,
      register: 'case-record',
    });
    if (!resolved) continue;
    entry('Resolved_Record', 'resolution', null, 'resolved', { register: 'case-record' });
    if (Number(step.stage) >= 3) {
      t += (24 + rand() * 200) * HOUR;
      entry('Lessons_Record', 'lessons', step.stage, null, {
        lessons: LESSONS.filter(() => rand() < 0.35),
        lessonsDetails: TEXT,
        register: 'case-record',
      });
      t += (24 + rand() * 200) * HOUR;
      entry('BusinessManager_Record', 'executive-group-notified', step.stage, null, {
        executiveGroupOutcome: TEXT,
      });
    }
    return out;
  }
  entry('Final_RecordUnresolved', 'closed-unresolved', '4', 'unresolved', { register: 'case-record' });
  return out;
}

/**
 * Seeds `count` Liverpool escalations raised evenly over [from, to) (seeded by `seed`); returns
 * how many record entries were written.
 */
export function seedLiverpool(stores: AppStores, count: number, from: Date, to: Date, seed = 16): number {
  const rand = prng(seed);
  const span = to.getTime() - from.getTime();
  let entries = 0;
  const batch = stores.db.transaction((first: number, last: number) => {
    for (let n = first; n < last; n++) {
      const raisedAt = from.getTime() + Math.floor((span * n) / count);
      const raising = weighted(rand, AGENCIES, RAISING_WEIGHTS);
      const other =
        raising === 'childrens-services'
          ? weighted(
              rand,
              AGENCIES.filter((a) => a !== raising),
              [40, 30, 30],
            )
          : 'childrens-services';
      const id = randomUUID();
      const caseReference = `LCC/BENCH/${String(n).padStart(6, '0')}`;
      const processInstanceId = randomUUID();
      stores.escalations.add({
        id,
        partnership: 'liverpool',
        caseReference,
        processInstanceId,
        definitionKey: 'LiverpoolEscalation',
        disagreementContext: weighted(rand, CONTEXTS, CONTEXT_WEIGHTS),
        raisedAt: new Date(raisedAt).toISOString(),
        raisedBy: null,
        raisedByRole: 'raising-professional',
        raisedByAgency: raising,
        raisedByOrganisation: null,
        otherAgency: other,
        otherOrganisation: null,
      });
      for (const e of lifecycle(rand, raisedAt)) {
        stores.record.append({
          ...e,
          escalationId: id,
          caseReference,
          partnership: 'liverpool',
          processInstanceId,
        });
        entries += 1;
      }
    }
  });
  for (let first = 0; first < count; first += 1000) batch(first, Math.min(count, first + 1000));
  return entries;
}
