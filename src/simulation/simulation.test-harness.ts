/**
 * For the simulation's tests: a request for one of the repository's diagrams with its partnership's
 * real settings and calendar (partnership.json's division and holidays file) and the repository's
 * forms, simulated on throwaway engines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_HOLIDAY_OVERRIDES, type HolidayOverrides } from '../calendar/index.js';
import { loadPartnerships, REPOSITORY_ROOT } from '../../processes/catalogue.js';
import { partnershipCalendars } from '../../workers/schedule/calendars.js';
import { simulate, type SimulationRequest } from './runner.js';
import { throwawayEngines } from './throwaway-engine.js';
import type { Timeline } from './timeline.js';

/** The repository's diagram `processes/<file>`. */
export const diagramPath = (file: string): string => join(REPOSITORY_ROOT, 'processes', file);

const FORMS = readdirSync(join(REPOSITORY_ROOT, 'forms'))
  .filter((f) => f.endsWith('.form'))
  .map((name) => ({ name, content: readFileSync(join(REPOSITORY_ROOT, 'forms', name), 'utf8') }));

/** A request for `processes/<file>` of `partnership`, raised at `raised`. */
export function requestFor(
  partnership: string,
  file: string,
  raised: string,
  extra: Partial<SimulationRequest> & { serverHolidays?: HolidayOverrides } = {},
): SimulationRequest {
  const entry = loadPartnerships().find((p) => p.settings.id === partnership);
  if (!entry) throw new Error(`no partnership ${partnership}`);
  const { serverHolidays, ...rest } = extra;
  const calendar = partnershipCalendars([entry], serverHolidays ?? NO_HOLIDAY_OVERRIDES, (f) =>
    readFileSync(f, 'utf8'),
  ).get(partnership)!;
  return {
    diagram: readFileSync(diagramPath(file), 'utf8'),
    partnership: { settings: entry.settings, calendar },
    forms: FORMS,
    raisedAt: new Date(raised),
    ...rest,
  };
}

/** Simulates `processes/<file>` of `partnership`. */
export function simulateFile(
  partnership: string,
  file: string,
  raised: string,
  extra: Parameters<typeof requestFor>[3] = {},
): Promise<Timeline> {
  return simulate(requestFor(partnership, file, raised, extra), throwawayEngines());
}
