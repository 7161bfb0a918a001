/**
 * The raw bpmn-engine baseline of `npm run bench:engine` (kept here because only `src/engine/` may
 * import bpmn-engine). It runs a diagram in memory with the glue the issue describes: external tasks
 * as SignalTask wait states, timers that only wait, and `${name}` / `${name == 'x'}` resolved from
 * plain variables. Nothing in the product uses it; it measures what the runtime chose not to build on.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { Engine } from 'bpmn-engine';
import * as elements from 'bpmn-elements';

export interface RawRun {
  xml: string;
  variables: Record<string, unknown>;
  /** How many instances to start and keep waiting in memory. */
  instances: number;
  /** How many of them to signal at `firstTask`; how many to getState and recover. */
  signals: number;
  recovers: number;
  firstTask: string;
  /** Measures memory (after GC) when called. */
  memory(): { rss: number; heap: number };
}

export interface RawFigures {
  startTimes: number[];
  signalTimes: number[];
  before: { rss: number; heap: number };
  after: { rss: number; heap: number };
  stateBytes: number;
  getStateMs: number;
  recoverMs: number;
}

interface Waiting {
  engine: Engine;
  /** Resolves with the next service task that waits. */
  next(): Promise<string>;
}

export async function measureRawBpmnEngine(run: RawRun): Promise<RawFigures> {
  const options = await engineOptions(run);
  const startTimes: number[] = [];
  const waiting: Waiting[] = [];
  const before = run.memory();
  for (let i = 0; i < run.instances; i++) {
    const t0 = performance.now();
    waiting.push(await startOne(options, i));
    startTimes.push(performance.now() - t0);
  }
  const after = run.memory();
  const signalTimes: number[] = [];
  for (const { engine, next } of waiting.slice(0, run.signals)) {
    const t0 = performance.now();
    const reached = next();
    engine.execution.signal({ id: run.firstTask });
    await reached;
    signalTimes.push(performance.now() - t0);
  }
  const { states, getStateMs, recoverMs } = await roundTrip(waiting.slice(-run.recovers), options);
  return {
    startTimes,
    signalTimes,
    before,
    after,
    stateBytes: states[0]?.length ?? 0,
    getStateMs,
    recoverMs,
  };
}

async function engineOptions(run: RawRun): Promise<Record<string, unknown>> {
  const require = createRequire(import.meta.url);
  const { BpmnModdle } = require('bpmn-moddle') as {
    BpmnModdle: new (p: object) => { fromXML(x: string): Promise<unknown> };
  };
  const camunda = require('camunda-bpmn-moddle/resources/camunda.json') as object;
  const moddleContext = await new BpmnModdle({ camunda }).fromXML(run.xml);
  const resolveExpression = (text: string): unknown => {
    const m = /^\$\{\s*(\w+)\s*(?:==\s*'([^']*)')?\s*\}$/.exec(text);
    if (!m) return text;
    return m[2] === undefined ? run.variables[m[1]!] : run.variables[m[1]!] === m[2];
  };
  const isExpression = (t?: string): boolean => /^\$\{.*\}$/.test(t ?? '');
  const hasExpression = (t?: string): boolean => /\$\{/.test(t ?? '');
  return {
    moddleContext,
    elements: { ...elements, ServiceTask: elements.SignalTask, TimerEventDefinition: WaitingTimer },
    expressions: { resolveExpression, isExpression, hasExpression },
    settings: { disableTrackState: true },
  };
}

async function startOne(options: Record<string, unknown>, i: number): Promise<Waiting> {
  const listener = new EventEmitter();
  const waits: string[] = [];
  let notify: () => void = () => undefined;
  listener.on('activity.wait', (api: { id: string; type: string }) => {
    if (api.type === 'bpmn:ServiceTask') waits.push(api.id);
    notify();
  });
  const engine = new Engine({ name: `raw-${i}`, ...options });
  await engine.execute({ listener });
  const next = (): Promise<string> =>
    new Promise((resolve) => {
      const seen = waits.length;
      notify = () => {
        if (waits.length > seen) resolve(waits[waits.length - 1]!);
      };
    });
  return { engine, next };
}

async function roundTrip(waiting: Waiting[], options: Record<string, unknown>) {
  const states: string[] = [];
  let t0 = performance.now();
  for (const { engine } of waiting) states.push(JSON.stringify(await engine.getState()));
  const getStateMs = (performance.now() - t0) / Math.max(1, states.length);
  t0 = performance.now();
  for (const state of states) await new Engine({ ...options }).recover(JSON.parse(state) as never).resume();
  const recoverMs = (performance.now() - t0) / Math.max(1, states.length);
  return { states, getStateMs, recoverMs };
}

/** A timer event definition that only waits (bpmn-elements' own one would arm a setTimeout). */
function WaitingTimer(activity: {
  broker: { publish(exchange: string, key: string, content: object): void };
}) {
  return {
    type: 'TimerEventDefinition',
    execute: (message: { content: object }) =>
      activity.broker.publish('event', 'activity.timer', { ...message.content }),
  };
}
