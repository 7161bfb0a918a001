/**
 * Process-level rules: `camunda:historyTimeToLive` is required (Camunda 7.20+ enforces it, with this
 * message), and the process attributes the runtime reads.
 */
import { camundaAttributes, own, type ModdleElement } from '../moddle.js';
import type { ResourceProblems } from '../problems.js';

/** Camunda 7.20+'s ENGINE-12018 text for a missing TTL (enforceTTL, the default). */
export const TTL_MISSING =
  'History Time To Live (TTL) cannot be null. TTL is necessary for the History Cleanup to work. The following options are possible:\n' +
  '* Set historyTimeToLive in the model\n' +
  '* Set a default historyTimeToLive as a global process engine configuration\n' +
  '* (Not recommended) Deactivate the enforceTTL config to disable this check';

export interface ProcessAttributes {
  historyTimeToLive: number;
  versionTag: string | null;
  isStartableInTasklist: boolean;
}

/** Reads and checks the executable process's attributes; null when one is unusable (reported). */
export function processAttributes(
  process: ModdleElement,
  problems: ResourceProblems,
): ProcessAttributes | null {
  const attrs = camundaAttributes(process);
  const id = process.id ?? null;
  const ttl = attrs.get('historyTimeToLive');
  const days = parseTtl(ttl);
  if (ttl === undefined || ttl === null || ttl === '') {
    problems.add(`ENGINE-12018 ${TTL_MISSING}`, id);
    return null;
  }
  if (days === null) {
    problems.add(
      `bpmn:Process '${id ?? ''}': camunda:historyTimeToLive must be a number of days or P<n>D`,
      id,
    );
    return null;
  }
  const versionTag = attrs.get('versionTag');
  const startable = attrs.get('isStartableInTasklist');
  return {
    historyTimeToLive: days,
    versionTag: typeof versionTag === 'string' ? versionTag : null,
    isStartableInTasklist: startable !== false && startable !== 'false',
  };
}

function parseTtl(value: unknown): number | null {
  const textValue = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = /^(?:(\d+)|P(\d+)D)$/.exec(textValue);
  if (!match) return null;
  const days = Number(match[1] ?? match[2]);
  return Number.isSafeInteger(days) ? days : null;
}

/** Camunda refuses more than one none start event in a process (which one would `start` use?). */
export function checkNoneStarts(process: ModdleElement, problems: ResourceProblems): void {
  const starts = ((own(process, 'flowElements') as ModdleElement[] | undefined) ?? []).filter(
    (e) =>
      e.$type === 'bpmn:StartEvent' &&
      ((own(e, 'eventDefinitions') as unknown[] | undefined) ?? []).length === 0,
  );
  if (starts.length > 1) {
    const ids = starts.map((s) => s.id ?? '');
    problems.add(
      `bpmn:Process '${process.id ?? ''}': multiple none start events are not supported`,
      ids[1] ?? null,
      ids,
    );
  }
}
