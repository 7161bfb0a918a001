/**
 * The esbuild plugin that brings `npm run lint:bpmn`'s rules to the browser (the process owners'
 * modeler): `import { config, resolver } from 'virtual:bpmnlint'` is a module generated at build
 * time from the repository's `.bpmnlintrc`, resolved exactly as `processes/lint/lint-bpmn.ts`
 * resolves it (bpmnlint's own rules and the Camunda plugin through bpmnlint's NodeResolver, the
 * local `escalations` plugin from its TypeScript), with every enabled rule imported statically, as
 * bpmnlint's own compile-config does for bundlers. The local plugin's `support/forms.ts` reads
 * `forms/` from disk; in the bundle it is replaced by one that imports each form as JSON, so the
 * rules see the same form fields. `.bpmnlintrc`, the rules and the forms are esbuild inputs, so the
 * build stamp changes with any of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import type { Plugin } from 'esbuild';
import { ROOT } from './paths.js';

/** The module the app imports. */
export const BPMNLINT_MODULE = 'virtual:bpmnlint';

const LOCAL = 'bpmnlint-plugin-escalations';
const LOCAL_DIR = join(ROOT, 'processes/lint/bpmnlint-plugin-escalations');
const CONFIG_FILE = join(ROOT, '.bpmnlintrc');

interface Linter {
  resolveConfiguredRules(config: object): Promise<Record<string, unknown>>;
  parseRuleName(name: string): { pkg: string; ruleName: string };
  parseRuleValue(value: unknown): { category: string };
}

export function bpmnlintPlugin(): Plugin {
  return {
    name: 'bpmnlint',
    setup(build) {
      build.onResolve({ filter: /^virtual:bpmnlint$/ }, () => ({ path: CONFIG_FILE }));
      build.onLoad({ filter: /[\\/]\.bpmnlintrc$/ }, async () => ({
        contents: await configModule(),
        loader: 'js',
        resolveDir: ROOT,
      }));
      build.onLoad({ filter: /bpmnlint-plugin-escalations[\\/]support[\\/]forms\.ts$/ }, () => ({
        contents: formsModule(),
        loader: 'ts',
        resolveDir: join(LOCAL_DIR, 'support'),
      }));
    },
  };
}

/** `{ config, resolver }` for bpmnlint's Linter, with every enabled rule bundled. */
async function configModule(): Promise<string> {
  const require = createRequire(join(ROOT, 'package.json'));
  const { Linter } = require('bpmnlint') as { Linter: new (o: object) => Linter };
  const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => {
    resolveRule(pkg: string, name: string): unknown;
    resolveConfig(pkg: string, name: string): unknown;
  };
  const node = new NodeResolver();
  // Loaded here, not at the top: only a build that bundles the modeler needs the rules in Node.
  const localPlugin = await import('../../../processes/lint/bpmnlint-plugin-escalations/index.js');
  const linter = new Linter({
    resolver: {
      resolveRule: (pkg: string, name: string) =>
        pkg === LOCAL ? localPlugin.rules[name] : node.resolveRule(pkg, name),
      resolveConfig: (pkg: string, name: string) =>
        pkg === LOCAL ? localPlugin.configs[name as 'recommended'] : node.resolveConfig(pkg, name),
    },
  });
  const config = JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) as object;
  const resolved = await linter.resolveConfiguredRules(config);
  const rules = Object.fromEntries(
    Object.entries(resolved).filter(([, value]) => linter.parseRuleValue(value).category !== 'off'),
  );
  const imports = Object.keys(rules).map((name, i) => {
    const { pkg, ruleName } = linter.parseRuleName(name);
    return `import rule${i} from ${JSON.stringify(ruleImport(require, pkg, ruleName))};\ncache[${JSON.stringify(`${pkg}/${ruleName}`)}] = rule${i};`;
  });
  return `const cache = {};
${imports.join('\n')}
export const config = { rules: ${JSON.stringify(rules)} };
export const resolver = {
  resolveRule(pkg, name) {
    const rule = cache[pkg + '/' + name];
    if (!rule) throw new Error('bpmnlint rule ' + pkg + '/' + name + ' is not bundled');
    return rule;
  },
  resolveConfig(pkg, name) {
    throw new Error('bpmnlint config ' + pkg + '/' + name + ' is not bundled: the config is resolved at build time');
  },
};
`;
}

/** Where a rule's module is: the local plugin's file, `$pkg.rules[$name]`'s path, or `$pkg/rules/$name`. */
function ruleImport(require: NodeJS.Require, pkg: string, name: string): string {
  if (pkg === LOCAL) return join(LOCAL_DIR, 'rules', `${name}.ts`);
  const exported = (require(pkg) as { rules?: Record<string, unknown> }).rules?.[name];
  if (typeof exported === 'string') {
    const main = dirname(require.resolve(pkg));
    const root = dirname(require.resolve(`${pkg}/package.json`));
    return posix.normalize(`${pkg}/${posixOf(main.slice(root.length))}/${exported}`);
  }
  return `${pkg}/rules/${name}`;
}

const posixOf = (path: string) => path.split('\\').join('/');

/** The browser's `support/forms.ts`: the forms imported as JSON, read by the same function. */
function formsModule(): string {
  const forms = readdirSync(join(ROOT, 'forms'))
    .filter((f) => f.endsWith('.form'))
    .sort();
  const imports = forms.map(
    (f, i) => `import form${i} from ${JSON.stringify(join(ROOT, 'forms', f))} with { type: 'json' };`,
  );
  return `${imports.join('\n')}
import { formFieldsOf } from './form-fields.js';
const fields = formFieldsOf([${forms.map((_, i) => `form${i}`).join(', ')}]);
export const FORMS_DIR = 'forms';
export function formFields(): Map<string, string[]> {
  return fields;
}
`;
}
