/**
 * How element ids name stages: every id starts with its group, `<Group>_<Step>`
 * (`Stage2_RecordOutcome`, `Adjournment_Deadline`, `Lessons_Record`). The lint rules, the workers
 * (which stage a notice or record entry belongs to) and the API read stages the same way.
 */

/** The group of an element id: the text before its first `_` (the whole id if there is none). */
export function groupOf(id: string): string {
  const at = id.indexOf('_');
  return at < 0 ? id : id.slice(0, at);
}

/** The stage number of a group named `Stage<N>`, else null. */
export function stageNumber(group: string): number | null {
  const match = /^Stage(\d+)$/.exec(group);
  return match ? Number(match[1]) : null;
}
