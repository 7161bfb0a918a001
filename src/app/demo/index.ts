/**
 * `npm start -- --demo`: once the product is up, seeds the demo (demo-seed.ts) and prints how to
 * sign in: the demo password, every demo user by partnership with what they are, and the demo
 * escalations with where each stands.
 */
import type { PartnershipEntry } from '../../../processes/catalogue.js';
import type { Clock } from '../../clock/clock.js';
import type { AppStores } from '../../store/app-stores.js';
import { DEMO_PASSWORD_FILE, seedDemo, type DemoResult } from './demo-seed.js';

export { seedDemo, DEMO_PASSWORD_FILE, type DemoResult } from './demo-seed.js';

export interface RunDemoOptions {
  stores: AppStores;
  /** The product's base URL for this machine, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  dataDir: string;
  partnerships: readonly PartnershipEntry[];
  clock: Clock;
}

/** Seeds the demo and answers the sign-in instructions to print. */
export async function runDemo(o: RunDemoOptions): Promise<{ result: DemoResult; instructions: string }> {
  const result = await seedDemo(o);
  return { result, instructions: instructionsOf(o, result) };
}

/** The text printed after a demo start: where to go, the password, who is who, what is where. */
export function instructionsOf(o: Pick<RunDemoOptions, 'baseUrl' | 'dataDir'>, r: DemoResult): string {
  const lines = [
    '',
    `Demo data ready (${r.created.people} users and ${r.created.escalations} escalations created this run).`,
    `Open ${o.baseUrl}/ and sign in with one of these usernames and the demo password:`,
    '',
    `  password: ${r.password}   (kept in ${o.dataDir}/${DEMO_PASSWORD_FILE})`,
  ];
  const byPartnership = new Map<string, string[]>();
  for (const p of r.people) {
    const key = p.admin ? 'every partnership' : p.memberships[0]!.partnership;
    const list = byPartnership.get(key) ?? [];
    list.push(`    ${p.username.padEnd(30)} ${p.description}`);
    byPartnership.set(key, list);
  }
  for (const [partnership, people] of byPartnership) lines.push('', `  ${partnership}:`, ...people);
  lines.push('', 'Demo escalations (made-up case references and children):');
  for (const { demo, escalation } of r.cases) {
    const open = escalation.openTasks.map((t) => t.name).join('; ');
    const where =
      escalation.status === 'open' ? `open: ${open}` : `${escalation.status}${open ? `; open: ${open}` : ''}`;
    lines.push(`  ${demo.caseReference}  ${demo.partnership.padEnd(18)} ${demo.stage} (${where})`);
  }
  lines.push(
    '',
    'The API from a script: sign in, or create a personal access token with',
    '  npx escalation tokens create lv.school.practitioner',
    `  curl -H "Authorization: Bearer <token>" ${o.baseUrl}/api/v1/escalations`,
    `The API reference: ${o.baseUrl}/api/docs`,
    '',
  );
  return lines.join('\n');
}
