/**
 * bpmnlint-plugin-escalations: the project's own bpmnlint rules (issue 7). Loaded by
 * `processes/lint/lint-bpmn.ts` (`npm run lint:bpmn`), which resolves `plugin:escalations/…` to
 * this folder; `.bpmnlintrc` at the repository root turns the rules on.
 */
import stageTimer from './rules/stage-timer.js';
import externalTopics from './rules/external-topics.js';
import expressionVariables from './rules/expression-variables.js';
import historyTimeToLive from './rules/history-time-to-live.js';
import noJsonPropertyPath from './rules/no-json-property-path.js';
import stageExitsRecorded from './rules/stage-exits-recorded.js';
import noStageSkip from './rules/no-stage-skip.js';
import withdrawal from './rules/withdrawal.js';
import type { Rule } from './support/moddle.js';

export const rules: Record<string, () => Rule> = {
  'stage-timer': stageTimer,
  'external-topics': externalTopics,
  'expression-variables': expressionVariables,
  'history-time-to-live': historyTimeToLive,
  'no-json-property-path': noJsonPropertyPath,
  'stage-exits-recorded': stageExitsRecorded,
  'no-stage-skip': noStageSkip,
  withdrawal,
};

export const configs = {
  recommended: {
    rules: Object.fromEntries(Object.keys(rules).map((name) => [name, 'error'])),
  },
};
