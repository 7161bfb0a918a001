/**
 * Loaded process models, by definition id: a bounded LRU. A model is built once from the stored
 * diagram and then shared by every instance of its definition.
 */
import type { DefinitionRow } from '../store/rows.js';
import type { ProcessModel } from './process-model.js';

/** A definition's row with its executable model. */
export interface LoadedDefinition {
  definition: DefinitionRow;
  model: ProcessModel;
}

export class ModelCache {
  private readonly entries = new Map<string, LoadedDefinition>();
  private readonly loading = new Map<string, Promise<LoadedDefinition>>();

  constructor(
    private readonly load: (definitionId: string) => Promise<LoadedDefinition>,
    private readonly capacity: number,
  ) {}

  /** The loaded definition, loading it on first use. */
  async ensure(definitionId: string): Promise<LoadedDefinition> {
    const cached = this.entries.get(definitionId);
    if (cached) {
      // Re-insert: Map order is the LRU order.
      this.entries.delete(definitionId);
      this.entries.set(definitionId, cached);
      return cached;
    }
    let pending = this.loading.get(definitionId);
    if (!pending) {
      pending = this.load(definitionId).finally(() => this.loading.delete(definitionId));
      this.loading.set(definitionId, pending);
    }
    const loaded = await pending;
    this.put(loaded);
    return loaded;
  }

  put(loaded: LoadedDefinition): void {
    this.entries.delete(loaded.definition.id);
    this.entries.set(loaded.definition.id, loaded);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(definitionId: string): void {
    this.entries.delete(definitionId);
  }
}
