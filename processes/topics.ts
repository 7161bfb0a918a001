/**
 * The fixed set of external-task topics the diagrams use, and what each task must say through its
 * `camunda:properties` and `camunda:inputOutput` local inputs. The bpmnlint rule `external-topics`,
 * the element templates in `.camunda/element-templates/` and the workers all follow this table.
 */
import { SIDES } from './roles-schema.js';

export interface TopicContract {
  /** What the worker does. */
  purpose: string;
  /** `camunda:property` names that must be present. */
  properties: readonly string[];
  /** `camunda:inputParameter` names that must be present (non-empty). */
  inputs: readonly string[];
  /** Inputs a task may add. */
  optionalInputs: readonly string[];
}

export const TOPICS = {
  'escalation-schedule': {
    purpose:
      'Evaluate the `timescale` property and set the Date variable named by `dueVariable`, plus `<dueVariable>Explanation`.',
    properties: ['timescale', 'dueVariable'],
    inputs: [],
    optionalInputs: [],
  },
  'escalation-notify': {
    purpose:
      'Tell a role, using a named message template; `side` says whose people (raised-by, other, both, partnership).',
    properties: [],
    inputs: ['template', 'role'],
    optionalInputs: ['copyTo', 'due', 'stage', 'side'],
  },
  'escalation-record': {
    purpose: 'Write a record entry of a kind.',
    properties: [],
    inputs: ['recordKind'],
    optionalInputs: ['stage', 'register'],
  },
  'escalation-form': {
    purpose: 'Generate a named document and send it to a role.',
    properties: [],
    inputs: ['form'],
    optionalInputs: ['sendTo', 'stage'],
  },
} as const satisfies Record<string, TopicContract>;

export type Topic = keyof typeof TOPICS;

/** Values an input may take where the set is closed (lint checks them). */
export const INPUT_VALUES: Partial<Record<string, readonly string[]>> = { side: SIDES };

export function isTopic(name: string): name is Topic {
  return Object.hasOwn(TOPICS, name);
}
