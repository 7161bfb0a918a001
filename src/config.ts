/**
 * Configuration from the environment, validated with zod. Only `main.ts` reads `process.env`;
 * it hands the variables to {@link loadConfig}, which is pure and names every bad field.
 */
import path from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { ConfigError } from './config-error.js';
import { compileTrustProxy } from './http/client-address.js';

export { ConfigError } from './config-error.js';

import { ENGINE_DATABASE_FILE } from './store/data-files.js';

/** The engine's SQLite file inside DATA_DIR (the backup command and `npm start` agree on it). */
export { ENGINE_DATABASE_FILE } from './store/data-files.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const envSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65_535).default(8080)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  ENGINE_REST_USER: z.preprocess(emptyToUndefined, z.string().optional()),
  ENGINE_REST_PASSWORD: z.preprocess(emptyToUndefined, z.string().optional()),
  ENGINE_TIMEZONE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('Europe/London')
      .refine((zone) => IANAZone.isValidZone(zone), {
        error: 'must be an IANA time zone, e.g. Europe/London',
      }),
  ),
  HOLIDAYS_FILE: z.preprocess(emptyToUndefined, z.string().optional()),
  ENGINE_REST_PUBLIC: z.preprocess(
    (v) => (typeof v === 'string' ? emptyToUndefined(v.trim().toLowerCase()) : v),
    z.enum(['true', 'false'], { error: "must be 'true' or 'false'" }).optional(),
  ),
  ENGINE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  DATA_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
  WORKERS: z.preprocess(
    (v) => (typeof v === 'string' ? emptyToUndefined(v.trim().toLowerCase()) : v),
    z.enum(['on', 'off'], { error: "must be 'on' or 'off'" }).default('on'),
  ),
  METRICS_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[\x21-\x7e]{16,256}$/, {
        error: 'must be 16 to 256 printable characters without spaces, e.g. `openssl rand -hex 32`',
      })
      .optional(),
  ),
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .superRefine((value, ctx) => {
        try {
          compileTrustProxy(value);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
        }
      })
      .optional(),
  ),
});

/** The validated configuration `npm start` runs with. */
export interface Config {
  port: number;
  host: string;
  /** Absolute path of the data directory. */
  dataDir: string;
  databaseFile: string;
  /** Basic auth for /engine-rest: on only when both user and password are set. */
  auth: { user: string; password: string } | null;
  /**
   * Whether /engine-rest answers other machines (ENGINE_REST_PUBLIC; by default only when Basic
   * auth is on). When false it answers loopback clients only.
   */
  publicAccess: boolean;
  /** TRUST_PROXY as given (validated): the reverse proxies whose X-Forwarded-For is believed. */
  trustProxy: string | null;
  timezone: string;
  /** Absolute path of a bank-holidays JSON file, when set. */
  holidaysFile: string | null;
  /** Whether the four workers run in this process (WORKERS, default on). */
  workers: boolean;
  /**
   * A remote Camunda 7 / Operaton (its REST base URL), or null for the embedded engine. With it,
   * nothing serves /engine-rest here; the API, the workers and the deployment go to that engine.
   */
  engineUrl: string | null;
  /** The service's public address (links in messages, invite UIDs), when set. */
  publicUrl: string | null;
  /** The encryption key (DATA_KEY), when set; required with ENGINE_URL. */
  dataKey: string | null;
  /** The Bearer token `/metrics` requires from anywhere (METRICS_TOKEN); null: loopback clients only. */
  metricsToken: string | null;
  /** Warnings worth logging at start-up (never secrets). */
  warnings: string[];
}

/**
 * The engine database file that DATA_DIR names, read exactly as {@link loadConfig} reads it, for commands
 * (`escalation backup`) that need no other setting and must not fail on an unrelated one.
 */
export function databaseFileFrom(env: Record<string, string | undefined>, cwd = process.cwd()): string {
  return path.join(path.resolve(cwd, envSchema.shape.DATA_DIR.parse(env.DATA_DIR)), ENGINE_DATABASE_FILE);
}

/** Validates `env` (normally `process.env`); `cwd` resolves relative paths. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const warnings: string[] = [];
  const hasUser = e.ENGINE_REST_USER !== undefined;
  const hasPassword = e.ENGINE_REST_PASSWORD !== undefined;
  if (hasUser !== hasPassword) {
    warnings.push(
      'Only one of ENGINE_REST_USER and ENGINE_REST_PASSWORD is set: /engine-rest runs WITHOUT authentication, for clients on this machine only',
    );
  }
  const auth =
    hasUser && hasPassword ? { user: e.ENGINE_REST_USER!, password: e.ENGINE_REST_PASSWORD! } : null;
  if (e.ENGINE_REST_PUBLIC === 'true' && !auth) {
    throw new ConfigError([
      'ENGINE_REST_PUBLIC: true needs Basic auth: set both ENGINE_REST_USER and ENGINE_REST_PASSWORD ' +
        '(an open /engine-rest would bypass all access control)',
    ]);
  }
  if (e.ENGINE_URL && !e.DATA_KEY) {
    throw new ConfigError([
      'DATA_KEY: required with ENGINE_URL (the key file is for the embedded default only): 64 hex digits or base64 of 32 bytes',
    ]);
  }
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseFile: path.join(dataDir, ENGINE_DATABASE_FILE),
    auth,
    publicAccess: e.ENGINE_REST_PUBLIC === undefined ? auth !== null : e.ENGINE_REST_PUBLIC === 'true',
    trustProxy: e.TRUST_PROXY ?? null,
    timezone: e.ENGINE_TIMEZONE,
    holidaysFile: e.HOLIDAYS_FILE ? path.resolve(cwd, e.HOLIDAYS_FILE) : null,
    workers: e.WORKERS === 'on',
    engineUrl: e.ENGINE_URL?.replace(/\/+$/, '') ?? null,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    dataKey: e.DATA_KEY ?? null,
    metricsToken: e.METRICS_TOKEN ?? null,
    warnings,
  };
}
