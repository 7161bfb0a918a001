/**
 * Parses deployments through the guarded parser and turns stored definitions back into models
 * (after a restart, or when the cache evicted them). The model joins the parser's metadata with
 * the moddle graph of the same XML.
 */
import type { DeploymentResourceInput } from '../../port.js';
import type { ParsedDeployment, ParsedProcess, ParsedResource } from '../../deploy/model.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import { ProcessEngineError } from '../../errors/process-engine-error.js';
import type { Store } from '../store/database.js';
import type { DefinitionRow } from '../store/rows.js';
import { buildProcessModel } from './build-model.js';
import type { LoadedDefinition, ModelCache } from './model-cache.js';
import { readProcesses } from './moddle.js';

/** The guarded parser's entry point (`src/engine/deploy`). */
export type ParseDeployment = (
  resources: DeploymentResourceInput[],
  options: { maxBytes: number; isFormDeployed?: (formId: string, version: number | null) => boolean },
) => Promise<ParsedDeployment> | ParsedDeployment;

export class DefinitionLoader {
  models!: ModelCache;

  constructor(
    private readonly store: Store,
    private readonly parseDeployment: ParseDeployment,
    private readonly maxBytes: number,
  ) {}

  /** Parses a deployment; throws the port's ParseError when anything is rejected. */
  async parse(resources: DeploymentResourceInput[]): Promise<ParsedDeployment> {
    return this.parseDeployment(resources, {
      maxBytes: this.maxBytes,
      isFormDeployed: (id, version) => this.formVersions(id) >= (version ?? 1),
    });
  }

  /** How many versions of a form were deployed (each deployment of a form id is one version). */
  private formVersions(formId: string): number {
    const row = this.store
      .sql("SELECT count(*) AS n FROM resource WHERE kind = 'form' AND form_id = ?")
      .get(formId) as {
      n: number;
    };
    return row.n;
  }

  /** Builds and caches the model of a definition just deployed from `resources`. */
  async cache(definition: DefinitionRow, resources: ParsedResource[]): Promise<void> {
    const resource = resources.find((r) => r.name === definition.resource_name);
    const parsed = resource?.processes.find((p) => p.key === definition.key);
    if (!parsed) return;
    this.models.put({ definition, model: await this.build(definition, parsed) });
  }

  /** Loads a stored definition (for the model cache). */
  async load(definitionId: string): Promise<LoadedDefinition> {
    const definition = this.store.sql('SELECT * FROM process_definition WHERE id = ?').get(definitionId) as
      DefinitionRow | undefined;
    if (!definition) throw new NotFoundError(`No matching definition with id ${definitionId}`);
    // The diagram with its deployment's forms, so that `camunda:formRef` bindings resolve as at deploy time.
    const resources = this.store
      .sql(
        "SELECT name, content FROM resource WHERE id = ? OR (deployment_id = ? AND kind = 'form') ORDER BY rowid",
      )
      .all(definition.resource_id, definition.deployment_id) as { name: string; content: Buffer }[];
    const parsed = await this.parse(resources);
    const resource = parsed.resources.find((r) => r.name === definition.resource_name);
    const process = resource?.processes.find((p) => p.key === definition.key);
    if (!process) {
      throw new ProcessEngineError(
        `Definition ${definitionId}: process ${definition.key} not found in its resource`,
      );
    }
    return { definition, model: await this.build(definition, process) };
  }

  private async build(definition: DefinitionRow, parsed: ParsedProcess) {
    const processes = await readProcesses(parsed.source);
    const element = processes.get(parsed.key);
    if (!element)
      throw new ProcessEngineError(`Process ${parsed.key} not found in ${definition.resource_name}`);
    return buildProcessModel(element, parsed, definition.id);
  }
}
