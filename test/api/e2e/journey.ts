/**
 * A whole escalation driven through /api/v1 the way people drive it (issue 14 "Each partnership's
 * raise → stages → resolution through /api/v1, with a breach path"): every raise, task, immediate
 * risk and withdrawal is an HTTP call by a user who may make it; time passes on the fake clock and
 * the engine fires the timers that fall due. What happened is read back through the API (GET
 * /escalations/:id, GET /messages, GET /documents/:id) and the real SMTP server: each step's notices
 * went to the roles the diagram names and were received over SMTP exactly once. Every log line, answer
 * and message is kept for the check that none of them holds the child's details.
 */
import { expect } from 'chai';
import { jsonLineLogger } from '../../../src/log/logger.js';
import type { Membership } from '../../../src/identity/principal.js';
import { ApiHarness, type Answer, type As } from '../harness.js';
import { SCHOOL_RAISE } from '../../support/raise-body.js';

export type Person = Partial<Membership> & { partnership: string; roles: string[] };

export interface Escalation {
  id: string;
  status: string;
  stages: { elementId: string; outcome: string | null; endedAt: string | null; overdue: boolean }[];
  openTasks: { id: string; elementId: string; due: string | null; formKey: string; canComplete: boolean }[];
  documents: { id: string; form: string }[];
  records: { kind: string; elementId: string; outcome: string | null; chain: { intact: boolean } }[];
}

interface Message {
  id: number;
  template: string;
  role: string | null;
  recipient: string;
  subject: string;
  text: string;
  status: string;
}

export class Journey {
  /** Every log line of the run (the capturing logger). */
  readonly logs: string[] = [];
  /** Every answer the API gave, with the path asked. */
  readonly answers: { path: string; status: number; text: string }[] = [];
  private readonly tokens = new Map<string, As>();
  private harness: ApiHarness | null = null;

  get h(): ApiHarness {
    return this.harness!;
  }

  /** Starts the product with a capturing logger and creates the people, each with a token. */
  async start(people: Record<string, Person>): Promise<void> {
    this.harness = await ApiHarness.start({ logger: jsonLineLogger((line) => this.logs.push(line)) });
    for (const [name, person] of Object.entries(people)) {
      await this.h.user(name, person);
      this.tokens.set(name, this.h.token(name));
    }
  }

  async stop(): Promise<void> {
    await this.harness?.stop();
  }

  /** A request as `who` (a username, or null for no credential). */
  async call<T = unknown>(
    who: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Answer<T>> {
    const res = await this.h.call<T>(method, path, who === null ? null : this.tokens.get(who)!, body);
    this.answers.push({ path, status: res.status, text: res.text });
    return res;
  }

  /** Raises as `raiser` (a school against Children's Services unless `over` says otherwise); 201 expected. */
  async raise(raiser: string, viewer: string, over: Record<string, unknown>): Promise<Run> {
    const res = await this.call<{ id: string; caseReference: string }>(
      raiser,
      'POST',
      '/api/v1/escalations',
      {
        ...SCHOOL_RAISE,
        ...over,
      },
    );
    expect(res.status, res.text).to.equal(201);
    const run = new Run(this, res.body.id, res.body.caseReference, raiser, viewer);
    await run.settle();
    return run;
  }
}

/** One escalation on its way. `viewer` holds a partnership role: sees all of it, acts on none. */
export class Run {
  private seen = 0;

  constructor(
    readonly j: Journey,
    readonly id: string,
    readonly caseReference: string,
    readonly raiser: string,
    readonly viewer: string,
  ) {}

  private get url(): string {
    return `/api/v1/escalations/${this.id}`;
  }

  async settle(): Promise<void> {
    await this.j.h.settle(this.j.h.product.stores.escalations.get(this.id)!.processInstanceId);
  }

  async view(who = this.raiser): Promise<Escalation> {
    const res = await this.j.call<Escalation>(who, 'GET', this.url);
    expect(res.status, res.text).to.equal(200);
    return res.body;
  }

  /** `who` opens the task's form and completes it with the form's data; the workers then move on. */
  async complete(who: string, elementId: string, data: Record<string, unknown>): Promise<void> {
    const task = (await this.view(who)).openTasks.find((t) => t.elementId === elementId);
    expect(task, `${elementId} is open`).to.not.equal(undefined);
    expect(task!.canComplete, `${who} may complete ${elementId}`).to.equal(true);
    const form = await this.j.call<{ form: { id: string } }>(
      who,
      'GET',
      `${this.url}/tasks/${task!.id}/form`,
    );
    expect(form.status, form.text).to.equal(200);
    expect(form.body.form.id).to.equal(task!.formKey);
    const done = await this.j.call(who, 'POST', `${this.url}/tasks/${task!.id}/complete`, data);
    expect(done.status, `${elementId}: ${done.text}`).to.equal(200);
    await this.settle();
  }

  /** An action (`immediate-risk`, `withdraw`, `serious-concern`) by `who`; 202 expected. */
  async act(who: string, action: string, body?: unknown): Promise<void> {
    const res = await this.j.call(who, 'POST', `${this.url}/${action}`, body);
    expect(res.status, res.text).to.equal(202);
    await this.settle();
  }

  /**
   * Lets time pass on the fake clock until a second after the open task's deadline (or reminder),
   * so the engine fires its timer, and waits for the workers. Only a second: a jump past the
   * workers' lock (60 s of the same clock) while they handle what the timer started would hand
   * those tasks to a second delivery in flight.
   */
  async letDeadlinePass(elementId: string): Promise<void> {
    const task = (await this.view(this.viewer)).openTasks.find((t) => t.elementId === elementId);
    expect(task?.due, `${elementId} has a deadline`).to.be.a('string');
    await this.j.h.clock.advanceTo(new Date(task!.due!).getTime() + 1000);
    await this.settle();
  }

  /** Every message of the escalation, newest first, as GET /messages answers the viewer. */
  async messages(): Promise<Message[]> {
    const res = await this.j.call<{ items: Message[]; total: number }>(
      this.viewer,
      'GET',
      `/api/v1/messages?escalation=${this.id}&pageSize=100`,
    );
    expect(res.status).to.equal(200);
    expect(res.body.total, 'one page holds them all').to.be.at.most(100);
    return res.body.items;
  }

  /**
   * The notices sent since the last call include each [template, role]; each was sent and the SMTP
   * server received it (same recipient and subject).
   */
  async told(expected: [template: string, role: string][]): Promise<void> {
    const fresh = (await this.messages()).filter((m) => m.id > this.seen);
    this.seen = Math.max(this.seen, ...fresh.map((m) => m.id));
    const got = fresh.map((m) => `${m.template} → ${m.role}`);
    for (const [template, role] of expected)
      expect(got, 'notices of this step').to.include(`${template} → ${role}`);
    for (const m of fresh) {
      expect(m.status, `${m.template} to ${m.recipient}`).to.equal('sent');
      const mail = this.j.h.smtp.received.filter(
        (r) => r.to.includes(m.recipient) && r.subject === m.subject,
      );
      expect(mail.length, `${m.template} to ${m.recipient} over SMTP`).to.be.greaterThan(0);
    }
  }

  /**
   * The end: GET /escalations/:id says `status` with every stage ended, the record's chain intact;
   * its documents are exactly `forms`, each fetched as PDF and JSON by `reader`; and the SMTP server
   * received exactly the messages GET /messages lists, once each.
   */
  async expectEnd(status: string, forms: string[], reader: string): Promise<Escalation> {
    const end = await this.view(this.viewer);
    expect(end.status).to.equal(status);
    expect(end.openTasks).to.deep.equal([]);
    expect(end.stages.filter((s) => s.endedAt === null).map((s) => s.elementId)).to.deep.equal([]);
    expect(end.records.every((r) => r.chain.intact)).to.equal(true);
    expect(end.documents.map((d) => d.form).sort()).to.deep.equal([...forms].sort());
    for (const d of end.documents) {
      const pdf = await this.j.call(reader, 'GET', `/api/v1/documents/${d.id}`);
      expect(pdf.status, pdf.text).to.equal(200);
      expect(pdf.headers.get('content-type')).to.equal('application/pdf');
      expect(pdf.text.startsWith('%PDF-')).to.equal(true);
      const json = await this.j.call<{ form: string; escalationId: string }>(
        reader,
        'GET',
        `/api/v1/documents/${d.id}?format=json`,
      );
      expect(json.body).to.include({ form: d.form, escalationId: this.id });
    }
    const listed = (await this.messages()).map((m) => `${m.recipient} ${m.subject}`).sort();
    const link = `/escalations/${encodeURIComponent(this.id)}`;
    const received = this.j.h.smtp.received
      .filter((m) => m.text.includes(link))
      .map((m) => `${m.to.join(',')} ${m.subject}`)
      .sort();
    expect(received, 'received over SMTP once each').to.deep.equal(listed);
    return end;
  }
}

/** The child's details and the forms they could take in text (dates as a person or a template writes them). */
export interface Child {
  name: string;
  dateOfBirth: string;
  address: string;
  /** Further fragments that must not appear either: first name, surname, street, dates written out. */
  fragments: string[];
}

/**
 * Issue 14 "Logs of a whole run contain none of the subject's fields", and the guide's "Never in an
 * email, a log line, a URL or an error message": no log line, no email (subject, text, HTML, invite,
 * raw), no message body in GET /messages and no answer of the API (errors included) holds any of
 * them, except the two answers meant to: GET /escalations/:id/subject and a document that prints them.
 */
export async function expectNothingOfTheChild(j: Journey, child: Child, runs: Run[]): Promise<void> {
  const secrets = [child.name, child.dateOfBirth, child.address, ...child.fragments];
  const found = (where: string, text: string) =>
    secrets.filter((s) => text.includes(s)).map((s) => `${where} holds "${s}"`);
  const leaks: string[] = [];
  expect(j.logs.length, 'the run logged').to.be.greaterThan(0);
  j.logs.forEach((line, i) => leaks.push(...found(`log line ${i}`, line)));
  for (const m of j.h.smtp.received)
    leaks.push(...found(`email "${m.subject}"`, [m.subject, m.text, m.html, m.ics ?? '', m.raw].join('\n')));
  for (const run of runs)
    for (const m of await run.messages()) leaks.push(...found(`message ${m.id}`, `${m.subject}\n${m.text}`));
  const meant = /\/subject$|\/api\/v1\/documents\//;
  for (const a of j.answers)
    if (!(meant.test(a.path) && a.status === 200))
      leaks.push(...found(`${a.status} answer to ${a.path}`, a.text));
  expect(
    j.answers.some((a) => a.status >= 400),
    'the run met errors too',
  ).to.equal(true);
  expect(leaks.join('\n')).to.equal('');
}

/**
 * Requests that fail while carrying the child's details (another child under the same case
 * reference: 409; an impossible date of birth: 400), as people's mistakes do.
 */
export async function failWithTheChild(j: Journey, raiser: string, caseReference: string, child: Child) {
  const subject = { name: child.name, dateOfBirth: child.dateOfBirth, address: child.address };
  const other = await j.call(raiser, 'POST', '/api/v1/escalations', {
    ...SCHOOL_RAISE,
    caseReference,
    subject: { ...subject, name: `${child.name} Junior` },
  });
  expect(other.status, other.text).to.equal(409);
  const impossible = await j.call(raiser, 'POST', '/api/v1/escalations', {
    ...SCHOOL_RAISE,
    caseReference: `${caseReference}-X`,
    subject: {
      ...subject,
      dateOfBirth: child.dateOfBirth.replace(/-\d\d$/, '-31').replace(/-\d\d-/, '-02-'),
    },
  });
  expect(impossible.status, impossible.text).to.equal(400);
}
