/**
 * Readers of the escalation's record for the documents: which stages ended how and when, whether
 * the latest one ended in a breach, and a stage's own form data. A stage's outcome entry keeps the
 * data of that stage's form, so a document reads a stage's fields from there rather than from the
 * process variables, where a value typed at an earlier stage may still linger.
 */
import type { RecordEntry } from '../../src/record/record-store.js';
import type { DocumentSources, FieldValue } from './document.js';
import { day, textOf } from './values.js';

const STAGE_END_KINDS: readonly string[] = ['stage-outcome', 'stage-breached'];

/** The stage forms' outcome values in words; a document may override them with its procedure's. */
export const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  resolved: 'Resolved',
  unresolved: 'Not resolved',
  'next-level': 'Not resolved: referred to the next level of management',
  'top-reached': 'Not resolved: the top of the management structure was reached',
  'significant-harm': 'Immediate risk of significant harm: escalated to service managers',
};

/** The latest entry of one of `kinds` for any of `stages`, or null. */
export function latestEntry(
  sources: DocumentSources,
  stages: readonly string[],
  kinds: readonly string[] = STAGE_END_KINDS,
): RecordEntry | null {
  for (let i = sources.record.length - 1; i >= 0; i--) {
    const e = sources.record[i]!;
    if (e.stage !== null && stages.includes(e.stage) && kinds.includes(e.kind)) return e;
  }
  return null;
}

/** The stage this document is about: the task's `stage` input, else the stage the record last ended. */
export function currentStage(sources: DocumentSources): string | null {
  const input = textOf(sources.variable('stage'));
  if (input !== null) return input;
  const last = [...sources.record]
    .reverse()
    .find((e) => e.stage !== null && STAGE_END_KINDS.includes(e.kind));
  return last?.stage ?? null;
}

/**
 * A field of a stage's form: from the stage's latest outcome entry when it kept the form's data
 * (every stage form has an `outcome`), else (no entry yet, data erased, or an entry that kept only
 * its register) the process variable.
 */
export function stageValue(sources: DocumentSources, stage: string, name: string): unknown {
  const payload = latestEntry(sources, [stage], ['stage-outcome'])?.payload;
  return payload && 'outcome' in payload ? payload[name] : sources.variable(name);
}

export interface OutcomeOptions {
  /** The outcome values in the procedure's words. */
  words?: Readonly<Record<string, string>>;
  /** What follows when the stage's deadline passes, e.g. `Stage Five begins`. */
  breached?: string;
  /** Include the plan of action (false where the document has its own field for it). */
  plan?: boolean;
}

/**
 * A stage's outcome as lines: in words, then the agreed outcome (resolved) or why not, the plan of
 * action and how outstanding issues will be pursued. A stage whose latest entry is a breach says so.
 */
export function outcomeLines(
  sources: DocumentSources,
  stage: string,
  options: OutcomeOptions = {},
): FieldValue {
  const { words = OUTCOME_WORDS, breached = 'escalated to the next stage', plan = true } = options;
  const entry = latestEntry(sources, [stage]);
  if (entry?.kind === 'stage-breached') {
    return [
      `Not completed within the timescale: the Stage ${stage} deadline passed on ${entryDay(entry)}; ${breached}`,
    ];
  }
  const outcome = entry?.outcome ?? textOf(stageValue(sources, stage, 'outcome'));
  if (outcome === null) return null;
  const value = (name: string) => textOf(stageValue(sources, stage, name));
  const resolved = outcome === 'resolved';
  const lines = [
    words[outcome] ?? outcome,
    labelled('Agreed outcome', resolved ? value('agreedOutcome') : null),
    labelled('Why it is not resolved', resolved ? null : value('unresolvedReason')),
    labelled('Plan of action, with timescales', plan ? value('actionPlan') : null),
    labelled('How outstanding issues will be pursued', value('outstandingIssues')),
  ];
  return lines.filter((l): l is string => l !== null);
}

/**
 * Lines `Stage N: <outcome> on <day>` for the record's outcomes and breaches of the given stages,
 * in order; with `details`, each outcome's plan of action or reason from its entry.
 */
export function stageOutcomes(
  sources: DocumentSources,
  stages: readonly string[],
  options: { words?: Readonly<Record<string, string>>; details?: boolean } = {},
): FieldValue {
  const { words = OUTCOME_WORDS, details = false } = options;
  const lines = sources.record
    .filter((e) => e.stage !== null && stages.includes(e.stage) && STAGE_END_KINDS.includes(e.kind))
    .map((e) => {
      const what =
        e.kind === 'stage-breached'
          ? 'deadline passed without an outcome'
          : (words[e.outcome ?? ''] ?? e.outcome ?? 'outcome recorded');
      const line = `Stage ${e.stage}: ${what} on ${entryDay(e)}`;
      return details ? [line, ...entryDetails(e)].join('. ') : line;
    });
  return lines.length === 0 ? null : lines;
}

function entryDetails(e: RecordEntry): string[] {
  if (e.kind !== 'stage-outcome' || !e.payload) return [];
  const p = e.payload;
  return [
    labelled('Agreed outcome', e.outcome === 'resolved' ? textOf(p['agreedOutcome']) : null),
    labelled('Why it is not resolved', e.outcome === 'resolved' ? null : textOf(p['unresolvedReason'])),
    labelled('Plan of action, with timescales', textOf(p['actionPlan'])),
  ].filter((l): l is string => l !== null);
}

/** The London day an entry was recorded. */
export function entryDay(e: RecordEntry): string {
  return day(new Date(e.recordedAt));
}

function labelled(label: string, value: string | null): string | null {
  return value === null ? null : `${label}: ${value}`;
}
