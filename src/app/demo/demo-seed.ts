/**
 * `npm start -- --demo`: seeds the demo people and escalations into a running product, honestly:
 * the people are created as `escalation users add` creates them (scrypt password, audited); every
 * escalation is raised with `POST /api/v1/escalations` and moved on with
 * `POST /api/v1/escalations/:id/tasks/:taskId/complete`, over HTTP, each call made with a personal
 * access token of a demo user who may make it (revoked when seeding ends), while the real workers
 * do the rest. Idempotent: a second run on the same DATA_DIR finds its people (by username) and its
 * escalations (by case reference, through the API) and only finishes what an interrupted run left.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PartnershipEntry } from '../../../processes/catalogue.js';
import type { Clock } from '../../clock/clock.js';
import { hashPassword } from '../../identity/passwords.js';
import type { AppStores } from '../../store/app-stores.js';
import { DemoClient, type EscalationView } from './demo-client.js';
import { DEMO_DISAGREEMENT, demoCases, demoChild, type DemoCase, type DemoStep } from './demo-cases.js';
import { DEMO_ORGANISATIONS, demoPeople, demoUsername, type DemoPerson } from './demo-people.js';

export interface DemoOptions {
  stores: AppStores;
  /** The product's own base URL, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  dataDir: string;
  partnerships: readonly PartnershipEntry[];
  clock: Clock;
  /** How long to wait for the workers after each step (ms). */
  settleTimeoutMs?: number;
}

export interface DemoResult {
  password: string;
  people: DemoPerson[];
  cases: { demo: DemoCase; escalation: EscalationView }[];
  /** Whether this run created anything (false: everything was already there). */
  created: { people: number; escalations: number };
}

/** The file the demo password is kept in (0600), so a second run prints the same one. */
export const DEMO_PASSWORD_FILE = 'demo-password';

export async function seedDemo(o: DemoOptions): Promise<DemoResult> {
  const { password, fresh } = demoPassword(o.dataDir);
  const people = demoPeople([...o.partnerships].sort((a, b) => a.settings.id.localeCompare(b.settings.id)));
  const createdPeople = await ensurePeople(o, people, password, fresh);
  const tokens = issueTokens(o, people);
  try {
    const seeder = new Seeder(o, new DemoClient(o.baseUrl), tokens, people);
    const cases = demoCases(o.partnerships.map((p) => p.settings.id).sort());
    const results: DemoResult['cases'] = [];
    let createdEscalations = 0;
    for (const demo of cases) {
      const { escalation, raised } = await seeder.seed(demo);
      if (raised) createdEscalations += 1;
      results.push({ demo, escalation });
    }
    return {
      password,
      people,
      cases: results,
      created: { people: createdPeople, escalations: createdEscalations },
    };
  } finally {
    const now = new Date(o.clock.now());
    for (const t of tokens.values()) o.stores.tokens.revoke(t.id, now);
  }
}

/** The demo password: the one a previous run kept, or a new random one (kept with mode 0600). */
function demoPassword(dataDir: string): { password: string; fresh: boolean } {
  const file = join(dataDir, DEMO_PASSWORD_FILE);
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), fresh: false };
  const password = `demo-${randomBytes(12).toString('base64url')}`;
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, fresh: true };
}

/** Creates the people not there yet; with a new password, gives it to those already there. */
async function ensurePeople(o: DemoOptions, people: DemoPerson[], password: string, fresh: boolean) {
  const hash = await hashPassword(password);
  const now = new Date(o.clock.now());
  let created = 0;
  for (const p of people) {
    const existing = o.stores.users.byUsername(p.username);
    if (existing) {
      if (fresh) o.stores.users.setPassword(existing.id, hash, now);
      continue;
    }
    const [first, ...rest] = p.memberships;
    const id = o.stores.users.create(
      { username: p.username, email: p.email, passwordHash: hash, admin: p.admin },
      first!,
      now,
    );
    for (const m of rest) o.stores.users.putMembership(id, m);
    o.stores.audit.append({
      actor: 'demo',
      action: 'user.create',
      target: `user:${p.username}`,
      escalationId: null,
      outcome: 'ok',
      source: 'npm start --demo',
      at: now,
    });
    created += 1;
  }
  return created;
}

/** A short-lived token per person (an hour; revoked when seeding ends). */
function issueTokens(o: DemoOptions, people: DemoPerson[]): Map<string, { id: string; token: string }> {
  const now = new Date(o.clock.now());
  const expires = new Date(now.getTime() + 60 * 60 * 1000);
  const out = new Map<string, { id: string; token: string }>();
  for (const p of people) {
    const user = o.stores.users.byUsername(p.username)!;
    out.set(p.username, o.stores.tokens.create(user.id, now, expires));
  }
  return out;
}

class Seeder {
  constructor(
    private readonly o: DemoOptions,
    private readonly api: DemoClient,
    private readonly tokens: Map<string, { token: string }>,
    private readonly people: DemoPerson[],
  ) {}

  private tokenOf(username: string): string {
    return this.tokens.get(username)!.token;
  }

  /** Raises the case (unless a previous run did) and completes each of its steps not done yet. */
  async seed(demo: DemoCase): Promise<{ escalation: EscalationView; raised: boolean }> {
    const raiser = demoUsername(demo.partnership, demo.raisedBy, 'practitioner');
    const token = this.tokenOf(raiser);
    let id = await this.find(token, demo);
    const raised = id === null;
    id ??= await this.raise(token, demo);
    for (const step of demo.steps) await this.complete(token, id, step);
    return { escalation: await this.settled(token, id), raised };
  }

  private async find(token: string, demo: DemoCase): Promise<string | null> {
    const page = await this.api.call<{ items: { id: string; caseReference: string }[] }>(
      token,
      'GET',
      `/escalations?partnership=${demo.partnership}&pageSize=100`,
    );
    return page.items.find((e) => e.caseReference === demo.caseReference)?.id ?? null;
  }

  private async raise(token: string, demo: DemoCase): Promise<string> {
    const other = DEMO_ORGANISATIONS.find((org) => org.key === demo.other)!;
    const body = {
      caseReference: demo.caseReference,
      raisedByRole: 'raising-professional',
      otherAgencyRole: 'other-agency-professional',
      otherAgency: other.agency,
      otherOrganisation: other.id,
      ...DEMO_DISAGREEMENT,
      immediateRisk: false,
      childStatus: 'none',
      disagreementContext: 'general',
      ...demo.start,
      subject: demoChild(demo.caseReference),
    };
    return (await this.api.call<{ id: string }>(token, 'POST', '/escalations', body)).id;
  }

  /** Completes the step's task as a demo user who may, once it is open; skips a step already done. */
  private async complete(token: string, id: string, step: DemoStep): Promise<void> {
    const view = await this.until(
      token,
      id,
      (v) =>
        v.openTasks.some((t) => t.elementId === step.task) ||
        v.stages.some((s) => s.elementId === step.task && s.endedAt !== null),
    );
    if (!view.openTasks.some((t) => t.elementId === step.task)) return;
    for (const person of this.people) {
      if (!person.memberships.some((m) => m.partnership === view.partnership)) continue;
      const own = this.tokenOf(person.username);
      const task = (await this.api.escalation(own, id).catch(() => null))?.openTasks.find(
        (t) => t.elementId === step.task && t.canComplete,
      );
      if (!task) continue;
      await this.api
        .call(own, 'POST', `/escalations/${id}/tasks/${task.id}/complete`, step.values)
        .catch((error: Error) => {
          throw new Error(`${view.caseReference} ${step.task} as ${person.username}: ${error.message}`);
        });
      return;
    }
    throw new Error(`no demo user may complete ${step.task} of ${view.caseReference}`);
  }

  /** The escalation once the workers have moved it on: a task open, or ended. */
  private settled(token: string, id: string): Promise<EscalationView> {
    return this.until(token, id, (v) => v.openTasks.length > 0 || v.status !== 'open');
  }

  private async until(
    token: string,
    id: string,
    done: (v: EscalationView) => boolean,
  ): Promise<EscalationView> {
    const deadline = performance.now() + (this.o.settleTimeoutMs ?? 60_000);
    for (;;) {
      const view = await this.api.escalation(token, id);
      if (done(view)) return view;
      if (performance.now() > deadline)
        throw new Error(
          `${view.caseReference} did not move on (open: ${view.openTasks.map((t) => t.elementId).join(', ') || 'none'})`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
