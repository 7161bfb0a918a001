/**
 * The engines the one conformance suite runs on:
 * - `embedded`: the in-process embedded adapter (real SQLite in a temp dir);
 * - `rest`: the REST client adapter pointed at our `/engine-rest` on a random port (real HTTP),
 *   every answer checked against the OpenAPI document;
 * - `remote`: when `ENGINE_URL` is set (e.g. by `npm run test:reference` against Operaton), the
 *   REST client adapter pointed at that URL, with `ENGINE_REST_USER` / `ENGINE_REST_PASSWORD`.
 * With `ENGINE_URL` set only `remote` runs; otherwise `embedded` and `rest`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EnginePort } from '../../../src/engine/port.js';
import { systemClock } from '../../../src/clock/system-clock.js';
import { openEmbeddedEngine } from '../../../src/engine/embedded/index.js';
import { createServer, listen } from '../../../src/engine/rest-server/index.js';
import { createCamundaRestEngine } from '../../../src/engine/camunda-rest/index.js';
import { validatingFetch } from './validating-fetch.js';

/** The engines the suite can run on. */
export type TargetName = 'embedded' | 'rest' | 'remote';

/** Basic auth credentials. */
export interface Credentials {
  user: string;
  password: string;
}

/** An opened engine: the port to test, its HTTP base URL if any, and how to close it. */
export interface Target {
  name: TargetName;
  engine: EnginePort;
  /** `/engine-rest` base URL for raw HTTP and the official client; null for the in-process adapter. */
  engineRestUrl: string | null;
  auth: Credentials | null;
  close(): Promise<void>;
}

/** Which targets this run covers. */
export function targetNames(): TargetName[] {
  return process.env.ENGINE_URL ? ['remote'] : ['embedded', 'rest'];
}

/** The targets that speak HTTP (the official client, Modeler replays, hostile requests). */
export function httpTargetNames(): TargetName[] {
  return process.env.ENGINE_URL ? ['remote'] : ['rest'];
}

function remoteAuth(): Credentials | null {
  const user = process.env.ENGINE_REST_USER;
  const password = process.env.ENGINE_REST_PASSWORD;
  return user && password ? { user, password } : null;
}

/** Options for our own server targets. */
export interface LocalOptions {
  /** Turn on Basic auth on our server. */
  auth?: Credentials;
}

/** Opens one target; the caller closes it. */
export async function openTarget(name: TargetName, options: LocalOptions = {}): Promise<Target> {
  if (name === 'remote') {
    const url = process.env.ENGINE_URL!;
    const auth = remoteAuth();
    const engine = createCamundaRestEngine({ baseUrl: url, auth, fetch: validatingFetch() });
    return { name, engine, engineRestUrl: url, auth, close: () => engine.close() };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'conformance-'));
  const embedded = await openEmbeddedEngine({
    databaseFile: path.join(dir, 'engine.sqlite'),
    clock: systemClock,
  });
  const cleanup = async () => {
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  };
  if (name === 'embedded') return { name, engine: embedded, engineRestUrl: null, auth: null, close: cleanup };
  const auth = options.auth ?? null;
  const running = await listen(createServer({ engine: embedded, auth }), 0, '127.0.0.1');
  const engine = createCamundaRestEngine({ baseUrl: running.engineRestUrl, auth, fetch: validatingFetch() });
  return {
    name,
    engine,
    engineRestUrl: running.engineRestUrl,
    auth,
    close: async () => {
      await engine.close();
      const closed = running.close();
      await cleanup();
      await closed;
    },
  };
}

/**
 * Declares `body` once per target, each in its own `describe` with the target opened before and
 * closed after. `body` receives a getter because the target exists only once `before` ran.
 */
export function forEachTarget(
  title: string,
  body: (target: () => Target) => void,
  names: TargetName[] = targetNames(),
  options: LocalOptions = {},
): void {
  for (const name of names) {
    describe(`${title} [${name}]`, () => {
      let target: Target | undefined;
      before(async () => {
        target = await openTarget(name, options);
      });
      after(async () => {
        await target?.close();
      });
      body(() => {
        if (!target) throw new Error(`target ${name} is not open`);
        return target;
      });
    });
  }
}
