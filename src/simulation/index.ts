/**
 * What-if deadlines (issue 16): {@link simulate} runs a diagram on a throwaway engine with the fake
 * clock and the real deadline worker and returns a {@link Timeline}; {@link compareTimelines} sets
 * two side by side; the renderers print either as text or JSON. The command line
 * (`escalation simulate`) and the API share it; {@link throwawayEngines} opens the engines.
 */
export {
  simulate,
  DEFAULT_MAX_STAGES,
  type SimulationRequest,
  type SimulationEngine,
  type OpenSimulationEngine,
} from './runner.js';
export { throwawayEngines } from './throwaway-engine.js';
export { readDiagram, type Diagram } from './diagram.js';
export { compareTimelines, stageDate, type Comparison, type ComparedStage } from './compare.js';
export { renderTimelineText, renderComparisonText } from './render-text.js';
export { renderTimelineJson, renderComparisonJson } from './render-json.js';
export type { FormResource } from './stage-forms.js';
export type { AnswerChoice, AnswerValues } from './outcome-choice.js';
export type { Timeline, TimelineStage, StageKind, StageTimer, RunEnd } from './timeline.js';
export * from './errors/index.js';
