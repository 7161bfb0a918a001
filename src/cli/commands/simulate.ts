import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { NO_HOLIDAY_OVERRIDES, parseInstant } from '../../calendar/index.js';
import { loadPartnerships, REPOSITORY_ROOT, type PartnershipEntry } from '../../../processes/catalogue.js';
import { partnershipCalendars } from '../../../workers/schedule/calendars.js';
import {
  compareTimelines,
  readDiagram,
  renderComparisonJson,
  renderComparisonText,
  renderTimelineJson,
  renderTimelineText,
  simulate,
  SimulationInputError,
  throwawayEngines,
  UnknownOutcomeError,
  type FormResource,
  type SimulationRequest,
  type Timeline,
} from '../../simulation/index.js';
import { parseCommandArgs, reportBadInput } from '../args.js';
import { loadHolidayOverrides, reportCalendarError } from '../calendar-options.js';
import { EXIT_OK, type CliIo } from '../io.js';

const HELP = `Usage: escalation simulate <diagram.bpmn> --raised <ISO instant> [--partnership <id>]
                           [--outcomes <o1,o2,…>] [--compare <other.bpmn>] [--json] [--at-once]

Runs the diagram on a throwaway engine with a fake clock and prints each stage's start and deadline
(or reminder) with the deadline worker's explanation, and where a missed deadline leads. Deadlines
use the partnership's calendar (partnership.json's division and holidays, and HOLIDAYS_FILE).
Nothing is sent or recorded; messages (immediate risk, withdrawal) are not simulated.

  --raised       when the escalation is raised, e.g. 2026-12-24T10:00:00Z
  --partnership  whose calendar applies; by default the partnership listing the diagram's process key
  --outcomes     outcomes for the stages whose outcome decides the route, in order (then, at each
                 such stage, the branch that escalates), e.g. unresolved,unresolved,resolved
  --compare      a second diagram (an edited copy) simulated alike; every date that moves is marked *
  --at-once      answer each stage as soon as it starts (the earliest dates), not a minute before its date
  --json         print { "stages": [{ "elementId", "name", "startedAt", "due", "timescale",
                 "explanation", … }] } (with --compare, also "compareDue" and "moved")

See docs/simulation.md. Exit codes: 0 done, 2 bad input (one line on stderr says what), 1 unexpected failure.
`;

const OPTIONS = {
  raised: { type: 'string' },
  partnership: { type: 'string' },
  outcomes: { type: 'string' },
  compare: { type: 'string' },
  json: { type: 'boolean' },
  'at-once': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Bad input found by the command itself, reported like the simulation's own. */
class UsageError extends Error {}

/** `escalation simulate <diagram.bpmn> --raised <instant> …`: what-if deadlines for a diagram. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, io, 'simulate', OPTIONS, HELP);
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  try {
    if (positionals.length !== 1)
      throw new UsageError(
        'give one diagram file, e.g. escalation simulate processes/liverpool/escalation.bpmn --raised 2026-12-17T15:00:00Z',
      );
    if (values.raised === undefined)
      throw new UsageError('missing --raised <ISO instant>, e.g. --raised 2026-12-24T10:00:00Z');
    const file = positionals[0]!;
    const xml = readDiagramFile(io, file);
    const otherXml = values.compare === undefined ? null : readDiagramFile(io, values.compare);
    const request = await requestFor(io, file, xml, values);
    const base = await simulateFile(file, { ...request, diagram: xml });
    if (values.compare === undefined || otherXml === null) {
      io.stdout(values.json ? renderTimelineJson(base) : renderTimelineText(base, basename(file)));
      return EXIT_OK;
    }
    const other = await simulateFile(values.compare, { ...request, diagram: otherXml });
    const comparison = compareTimelines(base, other);
    const names = { base: basename(file), compare: basename(values.compare) };
    io.stdout(
      values.json ? renderComparisonJson(comparison, names) : renderComparisonText(comparison, names),
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || error instanceof SimulationInputError)
      return reportBadInput(io, 'simulate', error.message);
    return reportCalendarError(io, 'simulate', error);
  }
}

interface Values {
  raised?: string;
  partnership?: string;
  outcomes?: string;
  'at-once'?: boolean;
}

/** Everything but the diagram: raise instant, partnership and calendar, forms, outcomes. */
async function requestFor(
  io: CliIo,
  file: string,
  xml: string,
  values: Values,
): Promise<Omit<SimulationRequest, 'diagram'>> {
  const raisedAt = parseInstant(values.raised, 'raised');
  const { processId } = await readDiagramAs(file, xml);
  const entry = partnershipOf(loadPartnerships(), values.partnership, processId);
  const server = loadHolidayOverrides(undefined, io) ?? NO_HOLIDAY_OVERRIDES;
  const calendar = partnershipCalendars([entry], server, io.readFile).get(entry.settings.id)!;
  return {
    partnership: { settings: entry.settings, calendar },
    forms: repositoryForms(),
    raisedAt,
    outcomes: (values.outcomes ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    atOnce: values['at-once'] ?? false,
  };
}

/** The partnership named, or else the one whose partnership.json lists the process key. */
function partnershipOf(
  all: readonly PartnershipEntry[],
  id: string | undefined,
  processKey: string,
): PartnershipEntry {
  if (id !== undefined) {
    const named = all.find((p) => p.settings.id === id);
    if (!named)
      throw new UsageError(
        `unknown partnership ${JSON.stringify(id)}; partnerships are ${all.map((p) => p.settings.id).join(', ')}`,
      );
    return named;
  }
  const listing = all.find((p) => p.settings.diagrams.some((d) => d.key === processKey));
  if (!listing)
    throw new UsageError(
      `no partnership lists the process key ${JSON.stringify(processKey)}; give --partnership <id>`,
    );
  return listing;
}

function readDiagramFile(io: CliIo, file: string): string {
  try {
    return io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? (error as Error).message)}`,
    );
  }
}

/** Errors about a diagram name its file. */
async function readDiagramAs(file: string, xml: string): ReturnType<typeof readDiagram> {
  try {
    return await readDiagram(xml);
  } catch (error) {
    if (error instanceof SimulationInputError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

async function simulateFile(file: string, request: SimulationRequest): Promise<Timeline> {
  try {
    return await simulate(request, throwawayEngines());
  } catch (error) {
    // An outcome asked for is about the command line, not the file.
    if (error instanceof UnknownOutcomeError) throw error;
    if (error instanceof SimulationInputError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

/** Every Camunda Form in the repository's forms/ (the ones `npm start` deploys). */
function repositoryForms(): FormResource[] {
  const dir = join(REPOSITORY_ROOT, 'forms');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.form'))
    .sort()
    .map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));
}
