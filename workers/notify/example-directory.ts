/**
 * The example directory `npm start` uses when no DIRECTORY_FILE is given: one made-up address per
 * contact group and agency (and `*` for the partnership's own groups) under example.org, derived
 * from roles.json so it always covers every role. Real mail is never sent to it: SMTP_URL without
 * DIRECTORY_FILE stops the server. `npx escalation directory example` prints it as a starting file.
 */
import type { PartnershipEntry } from '../../processes/catalogue.js';
import type { Directory } from './directory.js';

export function exampleDirectory(partnerships: readonly PartnershipEntry[]): Directory {
  const directory: Directory = {};
  for (const p of partnerships) {
    const id = p.settings.id;
    const groups: Directory[string] = {};
    for (const role of p.roles.roles) {
      const entries = (groups[role.contactGroup] ??= {});
      if (role.scope === 'partnership') {
        entries['*'] = [`${role.contactGroup}@${id}.example.org`];
        continue;
      }
      const agencies = role.agency ? [role.agency] : p.roles.agencies.map((a) => a.id);
      for (const agency of agencies) entries[agency] = [`${role.contactGroup}.${agency}@${id}.example.org`];
    }
    directory[id] = groups;
  }
  return directory;
}
