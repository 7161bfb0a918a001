import { z } from 'zod';
import { createCamundaRestEngine } from '../../engine/camunda-rest/index.js';
import { EngineError } from '../../engine/errors/index.js';
import { deployProcesses, describeOlderVersions, diagramVersions } from '../../../processes/deploy.js';
import { parseCommandArgs, reportBadInput } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../io.js';

const HELP = `Usage: escalation deploy [--engine-url <url>]

Deploys every partnership's diagrams (processes/<partnership>/*.bpmn) and every Camunda Form
(forms/*.form) to a Camunda 7 REST API, in one deployment named "escalation-procedures", with
duplicate filtering: unchanged files create no new version, a changed diagram becomes the next version,
and running escalations stay on theirs: it lists how many run on each older version.

  --engine-url <url>   the REST API's base URL including /engine-rest (default: $ENGINE_URL),
                       e.g. http://127.0.0.1:8080/engine-rest for our own server, or an Operaton node
Basic auth: set ENGINE_REST_USER and ENGINE_REST_PASSWORD.
Exit codes: 0 deployed (or unchanged), 2 bad usage, 1 the engine refused or could not be reached.
`;

const OPTIONS = { 'engine-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

const urlSchema = z.url({ protocol: /^https?$/ });

/** `escalation deploy`: the partnerships' procedures to a Camunda 7 / Operaton or our own engine. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'deploy', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  if (positionals.length > 0) {
    return reportBadInput(io, 'deploy', `unexpected argument ${JSON.stringify(positionals[0])}`);
  }
  const url = urlSchema.safeParse(values['engine-url'] ?? io.env.ENGINE_URL);
  if (!url.success) {
    return reportBadInput(
      io,
      'deploy',
      'give --engine-url or ENGINE_URL, e.g. http://127.0.0.1:8080/engine-rest',
    );
  }
  const { ENGINE_REST_USER: user, ENGINE_REST_PASSWORD: password } = io.env;
  const engine = createCamundaRestEngine({
    baseUrl: url.data.replace(/\/+$/, ''),
    auth: user && password ? { user, password } : null,
  });
  try {
    const deployment = await deployProcesses(engine);
    const defined = Object.values(deployment.deployedProcessDefinitions ?? {});
    for (const d of defined) io.stdout(`${d.key} version ${d.version} (${d.resource})\n`);
    io.stdout(
      defined.length === 0
        ? `Unchanged: deployment ${deployment.id} already holds these files\n`
        : `Deployed ${defined.length} process definition(s) in deployment ${deployment.id}\n`,
    );
    // Running escalations stay on the version they started with; say so, so nobody is surprised.
    for (const line of describeOlderVersions(await diagramVersions(engine))) io.stdout(`${line}\n`);
    return EXIT_OK;
  } catch (error) {
    io.stderr(`escalation deploy: ${describe(error)}\n`);
    return EXIT_FAILURE;
  } finally {
    await engine.close();
  }
}

/** One line: the engine's own message for a refusal, the cause for a network failure. */
function describe(error: unknown): string {
  if (error instanceof EngineError) return `${error.camundaType}: ${error.message.split('\n')[0]}`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message;
  return reason ? `cannot reach the engine (${reason})` : (error as Error).message;
}
