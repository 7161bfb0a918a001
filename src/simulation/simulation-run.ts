/**
 * One simulation on its engine: deploys the diagram with its forms, raises the escalation at the
 * raise instant, then repeats: answer every external task, note each stage that started, move the
 * fake clock to the earliest stage's answer time, answer it. Stops when the process ends, when
 * nothing is left to answer, or after the most stages allowed.
 */
import type { FakeClock } from '../clock/fake-clock.js';
import { ParseError } from '../engine/errors/parse-error.js';
import type { VariableMap } from '../engine/port.js';
import type { PartnershipSettings } from '../../processes/partnership-schema.js';
import { TOPICS } from '../../processes/topics.js';
import {
  parseStartVariables,
  startVariablesFor,
  toStageVariableMap,
  toStartVariableMap,
} from '../../processes/variables.js';
import type { ScheduleAnswer, TaskAnswerer } from './answers.js';
import type { Diagram } from './diagram.js';
import { InvalidDiagramError } from './errors/invalid-diagram-error.js';
import { chooseAnswer } from './outcome-choice.js';
import type { SimulationEngine } from './runner.js';
import { startedStage, type StageTaskView, type StartedStage } from './stage-record.js';
import type { StageForm } from './stage-forms.js';
import type { RunEnd, Timeline, TimelineStage } from './timeline.js';

const WORKER = 'simulation';
/** The simulated escalation: made-up words and a case reference that is no one's. */
const ESCALATION_ID = 'simulation-0001';

export interface RunParts {
  engine: SimulationEngine;
  clock: FakeClock;
  diagram: Diagram;
  forms: ReadonlyMap<string, StageForm>;
  answerer: TaskAnswerer;
  settings: PartnershipSettings;
  outcomes: string[];
  atOnce: boolean;
  maxStages: number;
}

export class SimulationRun {
  private processInstanceId = '';
  private readonly schedules = new Map<string, ScheduleAnswer>();
  private readonly started = new Map<string, StartedStage>();
  private readonly stages: TimelineStage[] = [];
  /** Tasks already in the timeline: answered, or recorded as ended unanswered. */
  private readonly answered = new Set<string>();

  constructor(private readonly parts: RunParts) {}

  async run(raisedAt: Date): Promise<Timeline> {
    await this.deploy();
    await this.raise(raisedAt);
    const end = await this.answerStages();
    const { diagram, settings, atOnce, outcomes } = this.parts;
    return {
      processKey: diagram.processId,
      processName: diagram.processName,
      partnership: settings.id,
      raisedAt: raisedAt.toISOString(),
      atOnce,
      stages: this.stages,
      end,
      unusedOutcomes: outcomes,
    };
  }

  private async deploy(): Promise<void> {
    const { engine, diagram, forms } = this.parts;
    const resources = diagram.formRefs.flatMap((ref) => {
      const form = forms.get(ref);
      return form ? [{ name: form.resource.name, content: Buffer.from(form.resource.content) }] : [];
    });
    try {
      await engine.deploy({
        name: 'simulation',
        resources: [...resources, { name: 'diagram.bpmn', content: Buffer.from(diagram.xml) }],
      });
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const first = Object.values(error.details).flatMap((r) => r.errors)[0];
      throw new InvalidDiagramError(`the engine refuses the diagram: ${first?.message ?? error.message}`);
    }
  }

  private async raise(raisedAt: Date): Promise<void> {
    const { settings, diagram } = this.parts;
    const context = settings.diagrams.find((d) => d.key === diagram.processId)?.contexts[0] ?? 'general';
    const variables = parseStartVariables(
      startVariablesFor(settings, {
        escalationId: ESCALATION_ID,
        raisedAt,
        partnership: settings.id,
        caseReference: 'SIM-0001',
        raisedByRole: 'raising-professional',
        raisedByAgency: 'raising-agency',
        otherAgencyRole: 'other-agency-professional',
        otherAgency: 'other-agency',
        disagreement: 'A simulated disagreement',
        outcomeSought: 'A simulated outcome',
        timescaleSought: 'As the procedure sets',
        immediateRisk: false,
        childStatus: 'none',
        disagreementContext: context,
      }),
    );
    const instance = await this.parts.engine.startProcessInstance({
      definitionKey: diagram.processId,
      businessKey: ESCALATION_ID,
      variables: toStartVariableMap(variables),
    });
    this.processInstanceId = instance.id;
    await this.drain();
  }

  /** Answers stages until the process ends, nothing is left to answer, or the limit is reached. */
  private async answerStages(): Promise<RunEnd> {
    const { clock, maxStages } = this.parts;
    for (;;) {
      await this.recordUnanswered();
      const open = await this.openStages();
      if (open.length === 0) return this.ended();
      if (this.stages.length >= maxStages)
        return { kind: 'task-limit', at: new Date(clock.now()).toISOString(), limit: maxStages };
      const next = open.reduce((a, b) => (b.answerAt.getTime() < a.answerAt.getTime() ? b : a));
      await clock.advanceTo(next.answerAt.getTime());
      await this.settle();
      if (await this.stillOpen(next)) await this.answer(next);
    }
  }

  /**
   * Stages that ended without an answer (their deadline had passed when they started, so their
   * timer fired at once), in the order they started: they are part of the timeline too.
   */
  private async recordUnanswered(): Promise<void> {
    const finished = await this.parts.engine.listHistoricTasks({
      processInstanceId: this.processInstanceId,
      finished: true,
      sortBy: 'startTime',
      sortOrder: 'asc',
    });
    for (const t of finished) {
      if (this.answered.has(t.id)) continue;
      this.answered.add(t.id);
      const stage = this.started.get(t.id) ?? (await this.read({ ...t, id: t.id, created: t.startTime }));
      this.stages.push(unanswered(stage, t.endTime ?? new Date(this.parts.clock.now())));
    }
  }

  /** The open stages, each read once when first seen (its dates are fixed when it starts). */
  private async openStages(): Promise<StartedStage[]> {
    const tasks = await this.parts.engine.listUserTasks({ processInstanceId: this.processInstanceId });
    const open: StartedStage[] = [];
    for (const task of tasks) {
      if (!this.started.has(task.id)) this.started.set(task.id, await this.read(task));
      open.push(this.started.get(task.id)!);
    }
    return open;
  }

  private async read(task: StageTaskView): Promise<StartedStage> {
    const { engine, clock, diagram, atOnce } = this.parts;
    return startedStage(task, {
      diagram,
      timerDate: async (timerId) => {
        const jobs = await engine.listJobs({
          processInstanceId: this.processInstanceId,
          activityId: timerId,
        });
        return jobs.find((j) => j.executionId === task.executionId)?.dueDate ?? jobs[0]?.dueDate ?? null;
      },
      variables: await engine.getProcessVariables(this.processInstanceId),
      schedules: this.schedules,
      now: new Date(clock.now()),
      atOnce,
    });
  }

  private async stillOpen(stage: StartedStage): Promise<boolean> {
    const tasks = await this.parts.engine.listUserTasks({ processInstanceId: this.processInstanceId });
    return tasks.some((t) => t.id === stage.taskId);
  }

  private async answer(stage: StartedStage): Promise<void> {
    const { engine, diagram, forms, outcomes, clock } = this.parts;
    const variables: VariableMap = await engine.getProcessVariables(this.processInstanceId);
    const task = diagram.stages.get(stage.elementId);
    const form = task?.formRef ? forms.get(task.formRef) : undefined;
    const context = {
      diagram,
      stage: task ?? { id: stage.elementId, name: stage.name, formRef: null },
      form,
      variables,
    };
    const answer = chooseAnswer(context, outcomes[0]);
    if (answer.chosen === 'given') outcomes.shift();
    this.answered.add(stage.taskId);
    this.stages.push(timelineStage(stage, new Date(clock.now()), answer));
    await engine.completeUserTask(stage.taskId, { variables: toStageVariableMap(answer.values) });
    await this.drain();
  }

  /** Answers external tasks until none is left (a deadline task's answer may start another). */
  private async drain(): Promise<void> {
    const { engine, answerer } = this.parts;
    for (;;) {
      await engine.idle();
      const tasks = await engine.fetchAndLock({
        workerId: WORKER,
        maxTasks: 100,
        topics: Object.keys(TOPICS).map((topicName) => ({
          topicName,
          lockDuration: 60_000,
          includeExtensionProperties: true,
        })),
      });
      if (tasks.length === 0) return;
      for (const task of tasks) {
        const { variables, schedule } = await answerer.answer(task);
        if (schedule) this.schedules.set(schedule.dueVariable, schedule);
        await engine.completeExternalTask(task.id, { workerId: WORKER, variables });
      }
    }
  }

  private async settle(): Promise<void> {
    await this.parts.engine.idle();
    await this.drain();
  }

  private async ended(): Promise<RunEnd> {
    const { engine, clock } = this.parts;
    const at = new Date(clock.now()).toISOString();
    const pending = await engine.listExternalTasks({ processInstanceId: this.processInstanceId });
    if (pending.length > 0)
      return {
        kind: 'waiting',
        at,
        detail: `${pending[0]!.activityId} waits for a "${pending[0]!.topicName}" worker`,
      };
    const [instance] = await engine.listHistoricProcessInstances({
      processInstanceId: this.processInstanceId,
    });
    if (instance?.state !== 'COMPLETED')
      return {
        kind: 'waiting',
        at,
        detail: 'the escalation waits for something the simulation does not send',
      };
    const activities = await engine.listHistoricActivityInstances({
      processInstanceId: this.processInstanceId,
    });
    const last = activities
      .filter((a) => a.activityType === 'noneEndEvent' || /endEvent/i.test(a.activityType))
      .at(-1);
    return { kind: 'completed', at, elementId: last?.activityId ?? null, name: last?.activityName ?? null };
  }
}

/** A stage that ended before it could be answered: missed when its deadline had passed by then. */
function unanswered(stage: StartedStage, endedAt: Date): TimelineStage {
  const missed =
    stage.kind === 'deadline' && stage.date !== null && stage.date.getTime() <= endedAt.getTime();
  return {
    ...timelineStage(stage, endedAt, null),
    answeredAt: null,
    chosen: missed ? 'missed' : 'closed',
  };
}

function timelineStage(
  stage: StartedStage,
  answeredAt: Date,
  answer: ReturnType<typeof chooseAnswer> | null,
): TimelineStage {
  const date = stage.date?.toISOString() ?? null;
  return {
    elementId: stage.elementId,
    name: stage.name,
    startedAt: stage.startedAt.toISOString(),
    due: stage.kind === 'deadline' ? date : null,
    timescale: stage.timescale,
    explanation: stage.explanation,
    kind: stage.kind,
    reminder: stage.kind === 'reminder' ? date : null,
    dueVariable: stage.dueVariable,
    timer: stage.timer,
    answeredAt: answeredAt.toISOString(),
    outcome: answer?.outcome ?? null,
    answer: answer?.values ?? {},
    chosen: answer?.chosen ?? 'closed',
  };
}
