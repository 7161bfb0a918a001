/**
 * Collects every diagram under `processes/` and every Camunda Form under `forms/` and deploys
 * them, unchanged, through the engine port, with duplicate filtering: a restart with the same
 * files creates no new version, and a changed diagram becomes a new version (running escalations
 * stay on the version they started with, as in Camunda 7).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DeploymentResourceInput, DeploymentWithDefinitions, EnginePort } from '../src/engine/port.js';
import { loadPartnerships, REPOSITORY_ROOT } from './catalogue.js';

/** The deployment name: Camunda's duplicate filtering compares with the latest deployment of this name. */
export const DEPLOYMENT_NAME = 'escalation-procedures';
export const DEPLOYMENT_SOURCE = 'escalations';

export interface DeployOptions {
  /** The repository root holding `processes/` and `forms/` (default: this checkout). */
  root?: string;
}

/**
 * Every listed diagram and every form, in a stable order, named by their path relative to the
 * root (e.g. `processes/liverpool/escalation.bpmn`, `forms/stage-outcome.form`).
 */
export function collectResources({ root = REPOSITORY_ROOT }: DeployOptions = {}): DeploymentResourceInput[] {
  const diagrams = loadPartnerships(root).flatMap((p) => p.diagrams);
  const formsDir = join(root, 'forms');
  const forms = readdirSync(formsDir)
    .filter((f) => f.endsWith('.form'))
    .sort()
    .map((f) => join(formsDir, f));
  return [...forms, ...diagrams].map((file) => ({
    name: relative(root, file).split('\\').join('/'),
    content: readFileSync(file),
  }));
}

/**
 * Deploys everything in one deployment with duplicate filtering on, changed resources only: an
 * unchanged diagram keeps its version, a changed one gets the next version.
 */
export function deployProcesses(
  engine: EnginePort,
  options: DeployOptions = {},
): Promise<DeploymentWithDefinitions> {
  return engine.deploy({
    name: DEPLOYMENT_NAME,
    source: DEPLOYMENT_SOURCE,
    resources: collectResources(options),
    enableDuplicateFiltering: true,
    deployChangedOnly: true,
  });
}
