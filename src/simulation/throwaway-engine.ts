/**
 * The engine a simulation runs on: a fresh embedded engine on SQLite in its own temporary
 * directory, removed when the simulation closes it. Nothing outlives the run, so simulations never
 * meet each other or the product's data. The embedded engine takes a database file (it holds an
 * owner lock beside it), hence a private directory rather than `:memory:`; durability is not
 * wanted, so commits skip the fsync of FULL and history clean-up never runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../clock/clock.js';
import { openEmbeddedEngine } from '../engine/embedded/index.js';
import type { OpenSimulationEngine, SimulationEngine } from './runner.js';

/** Opens throwaway engines under `parent` (default: the system's temporary directory). */
export function throwawayEngines(parent: string = tmpdir()): OpenSimulationEngine {
  return async (clock: Clock): Promise<SimulationEngine> => {
    const dir = mkdtempSync(join(parent, 'escalation-simulation-'));
    const remove = () => rmSync(dir, { recursive: true, force: true });
    let engine;
    try {
      engine = await openEmbeddedEngine({
        databaseFile: join(dir, 'engine.sqlite'),
        clock,
        synchronous: 'NORMAL',
        historyCleanup: null,
      });
    } catch (error) {
      remove();
      throw error;
    }
    const close = engine.close.bind(engine);
    return Object.assign(engine, {
      async close() {
        try {
          await close();
        } finally {
          remove();
        }
      },
    });
  };
}
