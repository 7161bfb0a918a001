/**
 * npm run test:reference [-- <spec files>]
 * Starts the reference engine (Operaton; fresh H2 database), exports ENGINE_URL (and ENGINE_REST_USER /
 * ENGINE_REST_PASSWORD when both are set: the engine then has Basic auth on), and runs mocha over the engine-agnostic
 * conformance suite (test/conformance/**\/*.test.ts), test/reference-engine/**\/*.reference.test.ts and the
 * partnerships' deployment and scenario tests (processes/deploy.test.ts, processes/scenarios/scenarios.test.ts), `escalation deploy`
 * (test/cli/deploy-command.test.ts) and the real workers' end-to-end paths (test/workers/*.e2e.test.ts),
 * or over the spec files given. Fails loudly, with the install command, when Java or Maven is missing.
 */
import { spawn } from 'node:child_process';
import { startReferenceEngine } from '../../test/reference-engine/launcher.js';

const DEFAULT_SPECS = [
  'test/conformance/**/*.test.ts',
  'test/reference-engine/**/*.reference.test.ts',
  // The partnerships' diagrams, deployed unchanged, and their scenario paths (issue 5: "Their scenario paths run there").
  'processes/deploy.test.ts',
  'processes/scenarios/scenarios.test.ts',
  // The README's "Running on Camunda 7 / Operaton" deploy command, run as IT would run it.
  'test/cli/deploy-command.test.ts',
  // The real workers' end-to-end paths of every partnership (issue 13), against Operaton.
  'test/workers/*.e2e.test.ts',
];

async function main(): Promise<number> {
  const user = process.env.ENGINE_REST_USER ?? '';
  const password = process.env.ENGINE_REST_PASSWORD ?? '';
  const started = performance.now();
  const engine = await startReferenceEngine(user && password ? { auth: { user, password } } : {});
  process.stderr.write(
    `Reference engine ready in ${Math.round(performance.now() - started)} ms at ${engine.url} (log: ${engine.logFile})\n`,
  );
  try {
    const specs = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_SPECS;
    const mocha = spawn(
      'npx',
      ['mocha', '--config', 'test/reference-engine/mocharc.reference.json', ...specs],
      {
        stdio: 'inherit',
        env: { ...process.env, ENGINE_URL: engine.url },
      },
    );
    return await new Promise<number>((resolve) => mocha.once('exit', (code) => resolve(code ?? 1)));
  } finally {
    await engine.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `test:reference failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
