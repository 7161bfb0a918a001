/**
 * The workers' configuration, one zod schema read from the environment by the entry point only
 * (`npm run workers`, and `npm start`, which runs them in the same process). A bad value stops the
 * process with exit code 2 and a message naming the variable.
 */
import path from 'node:path';
import { hostname } from 'node:os';
import { z } from 'zod';
import { smtpUrlProblem } from './messaging/smtp-mailer.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const ms = (fallback: number, min: number, max: number) =>
  z.preprocess(blank, z.coerce.number().int().min(min).max(max).default(fallback));

const envSchema = z.object({
  ENGINE_URL: z.preprocess(blank, z.url({ protocol: /^https?$/ }).optional()),
  ENGINE_REST_USER: z.preprocess(blank, z.string().optional()),
  ENGINE_REST_PASSWORD: z.preprocess(blank, z.string().optional()),
  WORKER_ID: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,100}$/)
      .optional(),
  ),
  WORKER_MAX_TASKS: z.preprocess(blank, z.coerce.number().int().min(1).max(100).default(10)),
  WORKER_LOCK_DURATION: ms(60_000, 1_000, 3_600_000),
  WORKER_ASYNC_RESPONSE_TIMEOUT: ms(20_000, 0, 300_000),
  SMTP_URL: z.preprocess(
    blank,
    z
      .string()
      .optional()
      .superRefine((url, ctx) => {
        const problem = url === undefined ? null : smtpUrlProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  ),
  MAIL_FROM: z.preprocess(blank, z.string().optional()),
  DIRECTORY_FILE: z.preprocess(blank, z.string().optional()),
  PUBLIC_URL: z.preprocess(blank, z.url({ protocol: /^https?$/ }).optional()),
  DATA_DIR: z.preprocess(blank, z.string().default('./data')),
  HOLIDAYS_FILE: z.preprocess(blank, z.string().optional()),
  DATA_KEY: z.preprocess(blank, z.string().optional()),
});

/** The workers' settings. */
export interface WorkerConfig {
  /** The engine's REST base URL, or null: the embedded engine of the same process (npm start). */
  engineUrl: string | null;
  auth: { user: string; password: string } | null;
  workerId: string;
  maxTasks: number;
  lockDuration: number;
  asyncResponseTimeout: number;
  smtpUrl: string | null;
  mailFrom: string;
  /** Absolute path, or null: the example directory (only without SMTP_URL). */
  directoryFile: string | null;
  publicUrl: string | null;
  dataDir: string;
  holidaysFile: string | null;
  dataKey: string | null;
}

/** A bad environment: each line names a variable. */
export class WorkerConfigError extends Error {
  readonly code = 'WORKER_CONFIG';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'WorkerConfigError';
  }
}

export function loadWorkerConfig(env: Record<string, string | undefined>, cwd = process.cwd()): WorkerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new WorkerConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const problems: string[] = [];
  if (e.SMTP_URL && !e.DIRECTORY_FILE)
    problems.push(
      'DIRECTORY_FILE: required with SMTP_URL (real mail is never sent to the example directory)',
    );
  if (e.SMTP_URL && !e.MAIL_FROM)
    problems.push('MAIL_FROM: required with SMTP_URL, e.g. "Escalations <escalations@lscp.example.gov.uk>"');
  if (e.MAIL_FROM && !/@[^\s@>]+\.[^\s@>]+>?\s*$/.test(e.MAIL_FROM))
    problems.push(
      'MAIL_FROM: must end with an email address, e.g. "Escalations <escalations@lscp.example.gov.uk>"',
    );
  if (problems.length > 0) throw new WorkerConfigError(problems);
  const resolve = (p: string | undefined) => (p ? path.resolve(cwd, p) : null);
  return {
    engineUrl: e.ENGINE_URL?.replace(/\/+$/, '') ?? null,
    auth:
      e.ENGINE_REST_USER && e.ENGINE_REST_PASSWORD
        ? { user: e.ENGINE_REST_USER, password: e.ENGINE_REST_PASSWORD }
        : null,
    workerId: e.WORKER_ID ?? `escalations-${hostname()}`,
    maxTasks: e.WORKER_MAX_TASKS,
    lockDuration: e.WORKER_LOCK_DURATION,
    asyncResponseTimeout: e.WORKER_ASYNC_RESPONSE_TIMEOUT,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? 'Escalations <escalations@escalations.invalid>',
    directoryFile: resolve(e.DIRECTORY_FILE),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    holidaysFile: resolve(e.HOLIDAYS_FILE),
    dataKey: e.DATA_KEY ?? null,
  };
}
