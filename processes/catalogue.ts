/**
 * The partnerships on disk: each `processes/<partnership>/` folder's validated settings, roles and
 * diagram files. Used by `deploy.ts`, the API (which diagram handles which disagreement) and tests.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { partnershipSchema, type PartnershipSettings } from './partnership-schema.js';
import { rolesSchema, type Roles } from './roles-schema.js';

/** The repository root (the folder holding `processes/` and `forms/`). */
export const REPOSITORY_ROOT = resolve(import.meta.dirname, '..');

export interface PartnershipEntry {
  dir: string;
  settings: PartnershipSettings;
  roles: Roles;
  /** Absolute paths of the diagrams listed in `partnership.json`. */
  diagrams: string[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Loads and validates every partnership folder under `<root>/processes`; throws naming the file. */
export function loadPartnerships(root = REPOSITORY_ROOT): PartnershipEntry[] {
  const base = join(root, 'processes');
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(base, e.name, 'partnership.json')))
    .map((e) => {
      const dir = join(base, e.name);
      const parse = <T>(
        file: string,
        schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Error } },
      ) => {
        const r = schema.safeParse(readJson(join(dir, file)));
        if (!r.success) throw new Error(`processes/${e.name}/${file}: ${r.error.message}`);
        return r.data;
      };
      const settings = parse<PartnershipSettings>('partnership.json', partnershipSchema);
      const roles = parse<Roles>('roles.json', rolesSchema);
      return { dir, settings, roles, diagrams: settings.diagrams.map((d) => join(dir, d.file)) };
    });
}
