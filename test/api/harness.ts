/**
 * The whole product for API tests, in this process with real parts: `startProduct` (the embedded
 * engine on SQLite with a fake clock, /engine-rest, /api on a random port, the real workers over
 * loopback HTTP), a real SMTP server, users and tokens created in the real stores, and a small HTTP
 * client that signs requests with a token or a browser session (cookie + CSRF).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { silentLogger, type Logger } from '../../src/log/logger.js';
import { loadConfig } from '../../src/config.js';
import { startProduct, type Product } from '../../src/app/product.js';
import { hashPassword } from '../../src/identity/passwords.js';
import type { Membership } from '../../src/identity/principal.js';
import { loadWorkerConfig } from '../../workers/config.js';
import { exampleDirectory } from '../../workers/notify/example-directory.js';
import { loadPartnerships } from '../../processes/catalogue.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { tempDir } from '../support/temp-dir.js';

/** Monday 2 November 2026, 10:00 in London: the harness's fake "now" when it starts. */
export const API_START = '2026-11-02T10:00:00.000Z';
export const PASSWORD = 'correct horse battery staple';

/** An HTTP answer, parsed. */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Who a request is sent as. */
/** A Liverpool membership: the agency (null for the partnership's own people), the organisation and roles. */
export const liverpoolMember = (agency: string | null, organisation: string | null, roles: string[]) => ({
  partnership: 'liverpool',
  agency,
  organisation,
  roles,
});

export type As = { token: string } | { session: { cookie: string; csrfToken: string } } | null;

export class ApiHarness {
  private constructor(
    readonly dir: ReturnType<typeof tempDir>,
    readonly clock: FakeClock,
    readonly product: Product,
    readonly smtp: SmtpSink,
    /** `http://127.0.0.1:<port>` */
    readonly base: string,
  ) {}

  static async start(
    options: { workers?: boolean; logger?: Logger; env?: Record<string, string> } = {},
  ): Promise<ApiHarness> {
    const dir = tempDir('api');
    const clock = new FakeClock(API_START);
    const smtp = await new SmtpSink().up();
    const directoryFile = join(dir.path, 'directory.json');
    writeFileSync(directoryFile, JSON.stringify(exampleDirectory(loadPartnerships())));
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dir.path, 'data'),
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Escalations <escalations@api.example.org>',
      DIRECTORY_FILE: directoryFile,
      PUBLIC_URL: 'https://escalations.example.org',
      WORKER_ASYNC_RESPONSE_TIMEOUT: '1000',
      ...options.env,
    };
    const config = loadConfig(env);
    const product = await startProduct({
      config,
      workers: options.workers === false ? null : loadWorkerConfig(env),
      clock,
      logger: options.logger ?? silentLogger,
    });
    return new ApiHarness(dir, clock, product, smtp, `http://127.0.0.1:${product.running.port}`);
  }

  /** Creates a user with one membership (more with `grant`); returns its username. */
  async user(
    username: string,
    membership: Partial<Membership> & { partnership: string; roles: string[] },
    extra: { email?: string; admin?: boolean } = {},
  ): Promise<string> {
    this.product.stores.users.create(
      {
        username,
        email: extra.email ?? `${username}@people.example.org`,
        passwordHash: await hashPassword(PASSWORD),
        admin: extra.admin ?? false,
      },
      {
        agency: null,
        organisation: null,
        organisationName: null,
        reports: false,
        processOwner: false,
        ...membership,
      },
      new Date(this.clock.now()),
    );
    return username;
  }

  /** Adds another membership to a user. */
  grant(username: string, membership: Partial<Membership> & { partnership: string; roles: string[] }): void {
    const user = this.product.stores.users.byUsername(username)!;
    this.product.stores.users.putMembership(user.id, {
      agency: null,
      organisation: null,
      organisationName: null,
      reports: false,
      processOwner: false,
      ...membership,
    });
  }

  /** A personal access token for the user. */
  token(username: string): As {
    const user = this.product.stores.users.byUsername(username)!;
    return { token: this.product.stores.tokens.create(user.id, new Date(this.clock.now()), null).token };
  }

  /** Signs in through POST /session and returns the cookie and CSRF token. */
  async signIn(username: string, password = PASSWORD): Promise<As> {
    const res = await this.call('POST', '/api/v1/session', null, { username, password });
    if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${res.text}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { session: { cookie, csrfToken: (res.body as { csrfToken: string }).csrfToken } };
  }

  /** Sends a request as someone (or no one); JSON in and, when the answer is JSON, out. */
  async call<T = unknown>(
    method: string,
    path: string,
    as: As,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    if (as && 'token' in as) h.authorization = `Bearer ${as.token}`;
    if (as && 'session' in as) {
      h.cookie = as.session.cookie;
      if (!['GET', 'HEAD'].includes(method)) h['x-csrf-token'] ??= as.session.csrfToken;
    }
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: h,
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || body instanceof Uint8Array
            ? (body as string)
            : JSON.stringify(body),
    });
    const text = await res.text();
    const json = /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined;
    return { status: res.status, headers: res.headers, body: json as T, text };
  }

  /** Waits until the workers have ended every external task of the escalation's process instance. */
  async settle(processInstanceId: string, timeoutMs = 30_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const open = await this.product.engine.listExternalTasks({ processInstanceId });
      if (open.every((t) => t.retries === 0)) return;
      if (performance.now() > deadline)
        throw new Error(`still waiting for ${open.map((t) => t.activityId).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    await this.product.stop();
    await this.smtp.down();
    this.dir.remove();
  }
}
