/**
 * What happened to an escalation, in order, from the engine's activity history: each named step
 * started and ended (or was cancelled, e.g. a stage its deadline interrupted), and each event
 * reached (raised, a deadline passed, resolved). Gateways are the diagram's wiring, not steps.
 */
import type { HistoricActivityInstance } from '../engine/port.js';

export type TimelineEventKind = 'started' | 'ended' | 'cancelled' | 'reached';

export interface TimelineEvent {
  at: Date;
  event: TimelineEventKind;
  elementId: string;
  /** The step's name in the diagram, e.g. "Record the attempted resolution", "Day 1 passed". */
  name: string;
  /** The BPMN activity type, e.g. `userTask`, `serviceTask`, `boundaryTimer`, `noneEndEvent`. */
  type: string;
}

const isEvent = (type: string) => /Event$|^boundary|Timer/.test(type);

/** The timeline of the activities (any order): events once, steps at their start and end. */
export function timelineOf(activities: readonly HistoricActivityInstance[]): TimelineEvent[] {
  const entries: { at: Date; order: number; event: TimelineEvent }[] = [];
  activities.forEach((a, i) => {
    if (/Gateway$/.test(a.activityType) || !a.activityName) return;
    const base = { elementId: a.activityId, name: a.activityName, type: a.activityType };
    if (isEvent(a.activityType)) {
      entries.push({ at: a.startTime, order: 2 * i, event: { at: a.startTime, event: 'reached', ...base } });
      return;
    }
    entries.push({ at: a.startTime, order: 2 * i, event: { at: a.startTime, event: 'started', ...base } });
    if (a.endTime) {
      const event = a.canceled ? 'cancelled' : 'ended';
      entries.push({ at: a.endTime, order: 2 * i + 1, event: { at: a.endTime, event, ...base } });
    }
  });
  // Same instants (a fake clock, or steps within one transaction) keep the engine's order.
  return entries.sort((x, y) => x.at.getTime() - y.at.getTime() || x.order - y.order).map((e) => e.event);
}
