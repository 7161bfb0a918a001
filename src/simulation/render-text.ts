/**
 * The timeline as text for a process owner: one block per stage with its start, its deadline (or
 * reminder, or none) in London time with the deadline worker's explanation, where its timer leads,
 * and how it was answered; compared, the two diagrams' dates side by side with every moved date
 * marked `*`.
 */
import { formatLondonInstant } from '../calendar/index.js';
import { stageDate, type Comparison } from './compare.js';
import type { AnswerChoice } from './outcome-choice.js';
import type { RunEnd, Timeline, TimelineStage } from './timeline.js';

const LABEL = 11;
const COLUMN = 38;
const when = (iso: string): string => formatLondonInstant(new Date(iso));
const line = (label: string, text: string): string => `   ${label.padEnd(LABEL)}${text}`;

/** The timeline of one diagram. */
export function renderTimelineText(timeline: Timeline, file: string): string {
  const out = [heading(timeline, file), ''];
  timeline.stages.forEach((stage, i) => out.push(...stageBlock(stage, i + 1), ''));
  out.push(...ending(timeline));
  return `${out.join('\n')}\n`;
}

function heading(t: Timeline, file: string): string {
  const pace = t.atOnce
    ? 'each stage answered as soon as it starts'
    : 'each stage answered one minute before its date';
  return [
    `What-if deadlines: ${file} (${t.processKey}${t.processName ? `, ${t.processName}` : ''})`,
    `Partnership ${t.partnership}; raised ${when(t.raisedAt)} (${t.raisedAt}); ${pace}.`,
    'Messages (immediate risk, withdrawal) are not simulated; no one is told and nothing is recorded.',
  ].join('\n');
}

function stageBlock(s: TimelineStage, n: number): string[] {
  const out = [`${n}. ${s.elementId}: ${s.name}`, line('Started', `${when(s.startedAt)} (${s.startedAt})`)];
  out.push(line(s.kind === 'reminder' ? 'Reminder' : 'Due', dateText(s)));
  for (const text of s.explanation ?? []) out.push(line('', text));
  if (s.timer) {
    const to = s.timer.leadsTo.map((t) => `${t.id} (${t.name})`).join(', ');
    out.push(
      line(s.timer.interrupting ? 'If missed' : 'Reminds', `${s.timer.id} "${s.timer.name}" leads to ${to}`),
    );
  }
  out.push(
    s.answeredAt === null
      ? line('Unanswered', answerText(s))
      : line('Answered', `${when(s.answeredAt)}: ${answerText(s)}`),
  );
  return out;
}

function dateText(s: TimelineStage): string {
  const rule = [s.timescale, s.dueVariable].filter(Boolean).join(', ');
  const suffix = rule ? `  [${rule}]` : '';
  if (s.kind === 'deadline') return `${when(s.due!)} (${s.due})${suffix}`;
  if (s.kind === 'reminder')
    return `no fixed timescale; reminder ${when(s.reminder!)} (${s.reminder})${suffix}`;
  return 'no deadline and no reminder';
}

const CHOSEN: Record<AnswerChoice, string> = {
  given: 'as asked',
  escalates: 'the branch that escalates',
  'no-decision': 'it does not change the route',
};

function answerText(s: TimelineStage): string {
  if (s.chosen === 'missed')
    return 'its deadline had passed when it started, so the escalation took the breach route';
  if (s.chosen === 'closed') return 'the escalation moved on without it';
  return s.outcome === null
    ? `completed (${CHOSEN[s.chosen]})`
    : `outcome "${s.outcome}" (${CHOSEN[s.chosen]})`;
}

function ending(t: Timeline): string[] {
  const out = [endText(t.end)];
  if (t.unusedOutcomes.length > 0)
    out.push(`Not used (the escalation ended first): ${t.unusedOutcomes.join(', ')}.`);
  return out;
}

function endText(end: RunEnd): string {
  if (end.kind === 'completed')
    return `Ended ${when(end.at)} at ${end.elementId ?? 'an end event'}${end.name ? ` (${end.name})` : ''}.`;
  if (end.kind === 'task-limit')
    return `Stopped after ${end.limit} stages at ${when(end.at)}: the route loops.`;
  return `Stopped at ${when(end.at)}: ${end.detail}.`;
}

/** Two diagrams side by side; `files` names them. */
export function renderComparisonText(c: Comparison, files: { base: string; compare: string }): string {
  const moved = c.rows.filter((r) => r.moved || r.startMoved).length;
  const out = [
    heading(c.base, `${files.base} against ${files.compare}`),
    `Dates marked * move. ${moved === 0 ? 'No date moves.' : `${moved} ${moved === 1 ? 'stage has' : 'stages have'} a date that moves.`}`,
    '',
  ];
  c.rows.forEach((row, i) => {
    const s = (row.base ?? row.compare)!;
    out.push(`${i + 1}. ${s.elementId}: ${s.name}`);
    out.push(line('', `${files.base.padEnd(COLUMN)}  ${files.compare}`));
    out.push(pair('Started', row.base?.startedAt ?? null, row.compare?.startedAt ?? null, row.startMoved));
    out.push(pair(label(row.base ?? row.compare!), stageDate(row.base), stageDate(row.compare), row.moved));
    const changed =
      row.base && row.compare && rule(row.base) !== rule(row.compare) ? '  (timescale changed)' : '';
    out.push(line('', `${(rule(row.base) ?? '').padEnd(COLUMN)}  ${rule(row.compare) ?? ''}${changed}`));
    out.push('');
  });
  out.push(`${files.base}: ${endText(c.base.end)}`, `${files.compare}: ${endText(c.compare.end)}`);
  return `${out.join('\n')}\n`;
}

function pair(name: string, a: string | null, b: string | null, moved: boolean): string {
  const cell = (iso: string | null) => (iso ? when(iso) : '—');
  return line(name, `${cell(a).padEnd(COLUMN)}${moved ? '* ' : '  '}${cell(b)}`);
}

const label = (s: TimelineStage): string => (s.kind === 'reminder' ? 'Reminder' : 'Due');

function rule(s: TimelineStage | null): string | null {
  if (!s) return '(not reached)';
  if (s.kind === 'none') return 'no deadline';
  return s.kind === 'reminder' ? `${s.timescale ?? ''} (reminder)` : s.timescale;
}
