/**
 * What the engine knows of an escalation's process instance, for retention: still running, ended
 * (with Camunda's removal time: the end plus the definition's historyTimeToLive days), or unknown
 * (its history already removed, or an engine that never ran it). Read through the engine port (the
 * product's sweep; the CLI with ENGINE_URL), or from the embedded engine's database read-only (the
 * CLI beside `npm start`, which holds the engine).
 */
import type { EnginePort } from '../engine/port.js';
import { openInstanceFactsReader } from '../engine/embedded/store/instance-facts-reader.js';

export type InstanceFate =
  { state: 'running' } | { state: 'ended'; endTime: Date; removalTime: Date | null } | { state: 'unknown' };

/** Tells the fate of process instances; throws when the engine cannot be asked (nothing is erased then). */
export interface InstanceFates {
  fate(processInstanceId: string): Promise<InstanceFate>;
  close?(): void;
}

/** Through the engine port: works on the embedded engine and on Camunda 7 / Operaton alike. */
export function fatesThroughPort(engine: EnginePort): InstanceFates {
  return {
    async fate(processInstanceId) {
      const [running, history] = await Promise.all([
        engine.countProcessInstances({ processInstanceIds: [processInstanceId] }),
        engine.listHistoricProcessInstances({ processInstanceId }),
      ]);
      if (running > 0) return { state: 'running' };
      const [h] = history;
      if (!h) return { state: 'unknown' };
      if (!h.endTime) return { state: 'running' };
      return { state: 'ended', endTime: h.endTime, removalTime: h.removalTime };
    },
  };
}

/** From the embedded engine's database file, read-only (the CLI beside a running `npm start`). */
export function fatesFromEngineFile(databaseFile: string): InstanceFates & { close(): void } {
  const reader = openInstanceFactsReader(databaseFile);
  return {
    async fate(id) {
      const facts = reader.facts(id);
      if (facts === null) return { state: 'unknown' };
      if (facts.running || facts.endTime === null) return { state: 'running' };
      return {
        state: 'ended',
        endTime: new Date(facts.endTime),
        removalTime: facts.removalTime === null ? null : new Date(facts.removalTime),
      };
    },
    close: () => reader.close(),
  };
}
