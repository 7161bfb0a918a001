/**
 * `POST /simulations` for process owners: the deadline preview beside the in-browser modeler (issue
 * 16, "What-if deadlines"). The edited diagram and the deployed version of its process key are each
 * simulated from the same raise instant with the same outcomes, by the same code as `escalation
 * simulate --compare` (src/simulation/: throwaway embedded engines, the fake clock, the real
 * deadline worker and the partnership's calendar with the server's HOLIDAYS_FILE), and answered side
 * by side with every moved date flagged. Nothing reaches the product's engine, no one is told and
 * nothing is recorded. In order: 400 for bad input (each naming its field), 403 for someone who is
 * not a process owner of the diagram's partnership.
 */
import { readFileSync } from 'node:fs';
import { CalendarError, NO_HOLIDAY_OVERRIDES, parseInstant, readHolidayFile } from '../../calendar/index.js';
import { findDeclaration } from '../../engine/deploy/guard.js';
import { partnershipCalendars } from '../../../workers/schedule/calendars.js';
import {
  compareTimelines,
  readDiagram,
  simulate,
  SimulationInputError,
  throwawayEngines,
  UnknownOutcomeError,
  OutcomeNotOfferedError,
  type FormResource,
  type SimulationRequest,
  type Timeline,
} from '../../simulation/index.js';
import { badRequest, forbidden } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { ownedPartnerships, partnershipOfKey } from './process-owners.js';
import { answerOf, simulationAnswer, simulationBody, type SimulationBody } from './simulation-shapes.js';

/** Simulations running at once; more wait their turn (each uses a core for about half a second). */
const CONCURRENCY = 2;

export function registerSimulations(api: RouteRegistry, deps: ApiDependencies): void {
  const limit = limiter(CONCURRENCY);
  api.add({
    method: 'post',
    path: '/simulations',
    summary: 'For process owners: what-if deadlines of an edited diagram beside its deployed version',
    tag: 'Process owners',
    body: simulationBody,
    responses: {
      200: {
        description: 'Both timelines, stage by stage, with the moved dates flagged',
        schema: simulationAnswer,
      },
      400: { description: 'A field is not valid: the diagram, the raise instant, an outcome, the version' },
      403: { description: 'Not a process owner of the diagram’s partnership, or no CSRF token' },
    },
    handler: async ({ body }, req) => {
      const owned = ownedPartnerships(req.principal!);
      if (owned.size === 0) throw forbidden('Only process owners preview deadlines.');
      const raisedAt = raiseInstant(body.raisedAt);
      const key = await processKeyOf(body.diagram);
      const partnership = partnershipOfKey(deps).get(key);
      if (!partnership) throw field('diagram', `process "${key}" is not a diagram of any partnership`);
      if (!owned.has(partnership)) throw forbidden(`You are not a process owner of ${partnership}.`);
      const deployed = await deployedDefinition(deps, key, body.deployedVersion);
      const request = requestFor(deps, partnership, raisedAt, body);
      const deployedXml = await deps.engine.getProcessDefinitionXml(deployed.definitionId);
      const [base, edited] = await limit(() =>
        Promise.all([
          run({ ...request, diagram: deployedXml }, `deployed version ${deployed.version}`),
          run({ ...request, diagram: body.diagram }, null),
        ]),
      );
      return answerOf(compareTimelines(base, edited), partnership, deployed);
    },
  });
}

const field = (name: string, message: string) =>
  badRequest([{ path: `body.${name}`, message }], 'The preview cannot be run as asked.');

function raiseInstant(text: string): Date {
  try {
    return parseInstant(text, 'raisedAt');
  } catch (error) {
    if (error instanceof CalendarError)
      throw field('raisedAt', 'must be an RFC 3339 instant with its offset, e.g. 2026-12-17T15:00:00Z');
    throw error;
  }
}

/** The diagram's one executable process, read as the simulation reads it. */
async function processKeyOf(xml: string): Promise<string> {
  const declaration = findDeclaration(xml);
  if (declaration)
    throw field('diagram', `has a ${declaration.keyword} declaration, which a diagram never needs`);
  try {
    return (await readDiagram(xml)).processId;
  } catch (error) {
    if (error instanceof SimulationInputError) throw field('diagram', error.message);
    throw error;
  }
}

async function deployedDefinition(
  deps: ApiDependencies,
  key: string,
  version: number | undefined,
): Promise<{ version: number; definitionId: string }> {
  const [definition] = await deps.engine.listProcessDefinitions({
    key,
    ...(version === undefined ? {} : { version }),
    sortBy: 'version',
    sortOrder: 'desc',
  });
  if (!definition)
    throw version === undefined
      ? field('diagram', `process "${key}" has no deployed version to compare with`)
      : field('deployedVersion', `version ${version} of "${key}" was never deployed`);
  return { version: definition.version, definitionId: definition.id };
}

/** Everything but the diagram: the partnership's settings and calendar, the forms, the options. */
function requestFor(
  deps: ApiDependencies,
  partnership: string,
  raisedAt: Date,
  body: SimulationBody,
): Omit<SimulationRequest, 'diagram'> {
  const entry = deps.partnerships.get(partnership)!;
  const read = (path: string) => readFileSync(path, 'utf8');
  const server = deps.holidaysFile ? readHolidayFile(deps.holidaysFile, read) : NO_HOLIDAY_OVERRIDES;
  const calendar = partnershipCalendars([entry], server, read).get(partnership)!;
  const forms: FormResource[] = [...deps.forms.forms.values()].map((f) => ({
    name: `${f.id}.form`,
    content: JSON.stringify(f.schema),
  }));
  return {
    partnership: { settings: entry.settings, calendar },
    forms,
    raisedAt,
    outcomes: body.outcomes ?? [],
    atOnce: body.atOnce ?? false,
  };
}

/** One simulation; a problem with its input is a 400 naming the field (and the deployed side). */
async function run(request: SimulationRequest, side: string | null): Promise<Timeline> {
  try {
    return await simulate(request, throwawayEngines());
  } catch (error) {
    const where = side ? `${side}: ` : '';
    if (error instanceof UnknownOutcomeError || error instanceof OutcomeNotOfferedError)
      throw field('outcomes', `${where}${error.message}`);
    if (error instanceof SimulationInputError) throw field('diagram', `${where}${error.message}`);
    if (error instanceof CalendarError) throw field('raisedAt', `${where}${error.message}`);
    throw error;
  }
}

/** At most `n` tasks at once; the rest wait in order. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
