/**
 * What-if deadlines (issue 16): runs one diagram on a throwaway engine with a fake clock standing at
 * the raise instant, answers its external tasks as the real workers would for dates ({@link
 * createTaskAnswerer}), answers each stage one minute before its date (or at once) with the outcome
 * asked for or the one that escalates ({@link chooseAnswer}), and returns the timeline. Messages
 * (immediate risk, withdrawal, serious concern) are not simulated. No I/O but the engine the caller
 * opens: the command line, the API and the modeler preview share it.
 */
import { FakeClock } from '../clock/fake-clock.js';
import type { Clock } from '../clock/clock.js';
import type { EnginePort } from '../engine/port.js';
import { OUTCOMES } from '../../processes/variables.js';
import type { PartnershipSettings } from '../../processes/partnership-schema.js';
import type { PartnershipCalendar } from '../../workers/schedule/calendars.js';
import { createTaskAnswerer } from './answers.js';
import { readDiagram } from './diagram.js';
import { UnknownOutcomeError } from './errors/unknown-outcome-error.js';
import { SimulationRun } from './simulation-run.js';
import { readStageForms, type FormResource } from './stage-forms.js';
import type { Timeline } from './timeline.js';

/** The stages answered at most, so a diagram that loops (another level, and another) still ends. */
export const DEFAULT_MAX_STAGES = 50;

export interface SimulationRequest {
  /** The diagram's BPMN 2.0 XML. */
  diagram: string;
  /** The partnership whose calendar and settings apply (its division, holidays, Stage 3 levels). */
  partnership: { settings: PartnershipSettings; calendar: PartnershipCalendar };
  /** Camunda Forms; those the diagram references are deployed with it and say what a stage can answer. */
  forms: readonly FormResource[];
  raisedAt: Date;
  /** Outcomes for the stages whose outcome decides the route, in order; then the ones that escalate. */
  outcomes?: readonly string[];
  /** Answer each stage as soon as it starts (the earliest dates) instead of a minute before its date. */
  atOnce?: boolean;
  maxStages?: number;
}

/** What the simulation asks of an engine: the port, plus waiting until it has settled. */
export type SimulationEngine = Pick<
  EnginePort,
  | 'deploy'
  | 'startProcessInstance'
  | 'fetchAndLock'
  | 'completeExternalTask'
  | 'listExternalTasks'
  | 'listUserTasks'
  | 'completeUserTask'
  | 'listJobs'
  | 'getProcessVariables'
  | 'listHistoricActivityInstances'
  | 'listHistoricProcessInstances'
  | 'listHistoricTasks'
  | 'close'
> & { idle(): Promise<void> };

/** Opens a fresh, empty engine on `clock`; the simulation closes it. */
export type OpenSimulationEngine = (clock: Clock) => Promise<SimulationEngine>;

/**
 * Simulates one diagram.
 * @throws SimulationInputError subclasses for a bad diagram, an unknown or unoffered outcome, or a
 *   task the real worker would fail (e.g. an invalid timescale).
 */
export async function simulate(
  request: SimulationRequest,
  openEngine: OpenSimulationEngine,
): Promise<Timeline> {
  const outcomes = [...(request.outcomes ?? [])];
  const unknown = outcomes.find((o) => !(OUTCOMES as readonly string[]).includes(o));
  if (unknown !== undefined) throw new UnknownOutcomeError(unknown, OUTCOMES);
  const diagram = await readDiagram(request.diagram);
  const forms = readStageForms(request.forms);
  const clock = new FakeClock(request.raisedAt);
  const engine = await openEngine(clock);
  try {
    const run = new SimulationRun({
      engine,
      clock,
      diagram,
      forms,
      answerer: createTaskAnswerer({
        calendars: new Map([[request.partnership.settings.id, request.partnership.calendar]]),
        clock,
      }),
      settings: request.partnership.settings,
      outcomes,
      atOnce: request.atOnce ?? false,
      maxStages: request.maxStages ?? DEFAULT_MAX_STAGES,
    });
    return await run.run(request.raisedAt);
  } finally {
    await engine.close();
  }
}
