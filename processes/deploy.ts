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

/** One version of one diagram and how many escalations run on it. */
export interface DiagramVersion {
  key: string;
  version: number;
  definitionId: string;
  latest: boolean;
  running: number;
}

/**
 * Every deployed version of every partnership diagram with its running escalations, newest first
 * per key. After a changed diagram is deployed, escalations already running stay on their version:
 * this is how `npm start`, `escalation deploy` and the process owners' page report them.
 */
export async function diagramVersions(
  engine: EnginePort,
  { root = REPOSITORY_ROOT }: DeployOptions = {},
): Promise<DiagramVersion[]> {
  const keys = loadPartnerships(root).flatMap((p) => p.settings.diagrams.map((d) => d.key));
  const out: DiagramVersion[] = [];
  for (const key of keys) {
    const definitions = await engine.listProcessDefinitions({ key, sortBy: 'version', sortOrder: 'desc' });
    for (const [i, d] of definitions.entries()) {
      const running = await engine.countProcessInstances({ processDefinitionId: d.id });
      out.push({ key, version: d.version, definitionId: d.id, latest: i === 0, running });
    }
  }
  return out;
}

/** Lines such as `LiverpoolEscalation version 1: 3 running escalations (latest is version 2)`. */
export function describeOlderVersions(versions: readonly DiagramVersion[]): string[] {
  const latest = new Map(versions.filter((v) => v.latest).map((v) => [v.key, v.version]));
  return versions
    .filter((v) => !v.latest && v.running > 0)
    .map(
      (v) =>
        `${v.key} version ${v.version}: ${v.running} running escalation${v.running === 1 ? '' : 's'} (latest is version ${latest.get(v.key)})`,
    );
}
