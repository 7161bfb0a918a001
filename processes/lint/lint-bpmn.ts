/**
 * `npm run lint:bpmn`: bpmnlint with the repository's `.bpmnlintrc` (bpmnlint:recommended,
 * camunda-compat for Camunda Platform 7.22, and the local `escalations` plugin) over every diagram
 * under `processes/`. The local plugin is TypeScript and reads the zod contract, so this runner
 * resolves `plugin:escalations/…` itself and leaves every other name to bpmnlint's NodeResolver.
 * Any problem, warning or error, fails the run.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { createModdle } from '../bpmn-moddle.js';
import { REPOSITORY_ROOT as ROOT } from '../catalogue.js';
import * as plugin from './bpmnlint-plugin-escalations/index.js';

const require = createRequire(join(ROOT, 'package.json'));
// bpmnlint is CommonJS without types for these entry points.
const { Linter } = require('bpmnlint') as {
  Linter: new (o: object) => { lint(root: unknown): Promise<LintResults> };
};
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => Resolver;
const LOCAL = 'bpmnlint-plugin-escalations';

interface Resolver {
  resolveRule(pkg: string, name: string): unknown;
  resolveConfig(pkg: string, name: string): unknown;
}
type LintResults = Record<string, { id?: string; message: string; category: string }[]>;

/** One problem in one diagram. */
export interface Problem {
  file: string;
  id: string;
  rule: string;
  category: string;
  message: string;
}

interface Setup {
  config: { extends: string[]; rules?: object; moddleExtensions?: Record<string, string> };
  /** The config's moddle extensions, prefix → loaded descriptor. */
  extensions: Record<string, object>;
}

let setup: Setup | undefined;

/** `.bpmnlintrc` and its moddle descriptors, read on first use and kept: every diagram uses the same. */
function lintSetup(): Setup {
  if (!setup) {
    const config: Setup['config'] = JSON.parse(readFileSync(join(ROOT, '.bpmnlintrc'), 'utf8'));
    const extensions = Object.fromEntries(
      Object.entries(config.moddleExtensions ?? {}).map(([k, v]) => [k, require(v) as object]),
    );
    setup = { config, extensions };
  }
  return setup;
}

function makeLinter(config: object) {
  const node = new NodeResolver();
  const resolver: Resolver = {
    resolveRule: (pkg, name) => (pkg === LOCAL ? plugin.rules[name] : node.resolveRule(pkg, name)),
    resolveConfig: (pkg, name) =>
      pkg === LOCAL ? plugin.configs[name as keyof typeof plugin.configs] : node.resolveConfig(pkg, name),
  };
  return new Linter({ config, resolver });
}

/** Lints one diagram; import warnings (unknown elements or attributes) count as errors. */
export function lintFile(file: string): Promise<Problem[]> {
  return lintXml(readFileSync(file, 'utf8'), relative(ROOT, resolve(file)));
}

/**
 * Lints one diagram's XML with the same rules (an upload, e.g. `POST /api/v1/deployments`), naming
 * it `name` in each problem. @throws when the text is not XML that bpmn-moddle can read.
 */
export async function lintXml(xml: string, name: string): Promise<Problem[]> {
  const { config, extensions } = lintSetup();
  const moddle = createModdle(extensions);
  const { rootElement, warnings } = await moddle.fromXML(xml);
  const problems: Problem[] = warnings.map((w: Error) => ({
    file: name,
    id: '',
    rule: 'import',
    category: 'error',
    message: w.message,
  }));
  const results = await makeLinter(config).lint(rootElement);
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports)
      problems.push({ file: name, id: r.id ?? '', rule, category: r.category, message: r.message });
  }
  return problems;
}

/** Every `.bpmn` under the given paths (default: `processes/`, without the lint fixtures). */
export function findDiagrams(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    if (statSync(p).isDirectory()) {
      if (p.endsWith(join('lint', 'fixtures'))) return;
      for (const e of readdirSync(p).sort()) walk(join(p, e));
    } else if (p.endsWith('.bpmn')) out.push(p);
  };
  for (const p of paths.length ? paths : [join(ROOT, 'processes')]) walk(p);
  return out;
}

async function main(): Promise<void> {
  const files = findDiagrams(process.argv.slice(2));
  let count = 0;
  for (const file of files) {
    const problems = await lintFile(file);
    count += problems.length;
    for (const p of problems) console.log(`${p.file}  ${p.id}  ${p.category}  ${p.message}  (${p.rule})`);
  }
  console.log(`${files.length} diagrams linted, ${count} problems`);
  process.exitCode = count > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
